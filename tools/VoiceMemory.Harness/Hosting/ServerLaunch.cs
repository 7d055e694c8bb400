namespace VoiceMemory.Harness.Hosting;

/// <summary>How to start the real server (or its admin CLI): the built dll, a data root and extra environment.</summary>
internal sealed record ServerLaunch(string ServerDll, string DataRoot, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The environment every start gets: the data root, production mode, and no scheduled backup (it would add unmeasured disk work).</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VoiceMemory__DataRoot"] = DataRoot,
            ["VoiceMemory__Backup__Enabled"] = "false",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    public ServerLaunch With(string key, string value)
    {
        var settings = new Dictionary<string, string>(Settings, StringComparer.Ordinal) { [key] = value };
        return this with { Settings = settings };
    }
}
