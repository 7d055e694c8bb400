using VoiceMemory.Harness;

var options = HarnessOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(HarnessOptions.Usage);
    return 2;
}

return await HarnessRun.RunAsync(options);
