using VoiceMemory.Benchmarks;

return await BenchCommand.RunAsync(args);
