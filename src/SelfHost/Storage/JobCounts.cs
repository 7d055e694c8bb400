namespace VoiceMemory.SelfHost.Storage;

/// <summary>How many runner jobs are in each state.</summary>
public sealed record JobCounts(int Pending, int Running, int Completed, int Failed);
