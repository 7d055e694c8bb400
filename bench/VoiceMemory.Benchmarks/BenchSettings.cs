namespace VoiceMemory.Benchmarks;

/// <summary>How much each benchmark does. <see cref="Quick"/> is for checking that the harness works, not for figures.</summary>
public sealed record BenchSettings(
    int PipelineWarmupTurns = 2,
    int PipelineTurns = 12,
    int WorkerWarmupTurns = 1,
    int WorkerBatchTurns = 16,
    int WorkerRounds = 2,
    int IngestClients = 16,
    int IngestUploadsPerClient = 4,
    int IngestRounds = 6,
    int IngestFileBytes = 10 * 1024 * 1024,
    int RecallQueries = 400,
    int RecallWarmupQueries = 50,
    int FullScanQueries = 20,
    int ColdStartRounds = 3,
    int ColdStartWarmTurns = 3,
    string? WorkFolder = null,
    bool WaitForQuiet = true)
{
    public static BenchSettings Quick { get; } = new(
        PipelineWarmupTurns: 1,
        PipelineTurns: 3,
        WorkerBatchTurns: 4,
        WorkerRounds: 1,
        IngestClients: 4,
        IngestUploadsPerClient: 1,
        IngestRounds: 1,
        RecallQueries: 40,
        RecallWarmupQueries: 5,
        FullScanQueries: 3,
        ColdStartRounds: 1,
        ColdStartWarmTurns: 1);

    /// <summary>A fresh folder for one benchmark's data, on the file system given by <see cref="WorkFolder"/> (default: the temp folder).</summary>
    public DirectoryInfo NewDataRoot(string prefix)
    {
        if (WorkFolder is null)
        {
            return Directory.CreateTempSubdirectory(prefix);
        }

        var folder = new DirectoryInfo(Path.Combine(WorkFolder, prefix + Guid.NewGuid().ToString("N")[..8]));
        folder.Create();
        return folder;
    }
}
