namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>
/// One request that went on the wire: what the code was doing (<see cref="Step"/>), to which service, what kind of
/// operation, how many entity operations it carried (a table batch) and how many entities the answer held (a table read).
/// </summary>
public sealed record StorageRequest(string Step, string Service, string Operation, int EntityOperations)
{
    public int EntitiesReturned { get; set; }
}
