namespace VoiceMemory.Harness.Hosting;

/// <summary>Finds the Release build of the server: an explicit path, or src/SelfHost/bin/Release/net10.0 of the repository this harness was built in.</summary>
internal static class ServerDllLocator
{
    private const string Relative = "src/SelfHost/bin/Release/net10.0/VoiceMemory.SelfHost.dll";

    public static string Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new FileNotFoundException($"No server build at {explicitPath}.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VoiceMemory.Functions.sln")))
            {
                var dll = Path.Combine(folder.FullName, Relative);
                return File.Exists(dll)
                    ? dll
                    : throw new FileNotFoundException($"Build the server first: dotnet build src/SelfHost -c Release (looked for {dll}).");
            }
        }

        throw new FileNotFoundException("Could not find the repository root (VoiceMemory.Functions.sln); pass --server <path to VoiceMemory.SelfHost.dll>.");
    }
}
