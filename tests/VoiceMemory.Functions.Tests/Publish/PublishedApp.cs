using System.Diagnostics;

namespace VoiceMemory.Functions.Tests.Publish;

/// <summary>One <c>dotnet publish</c> for the class's tests; the folder is removed afterwards.</summary>
public sealed class PublishedApp : IDisposable
{
    public PublishedApp() => Folder = Publish();

    public string Folder { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result stands.
        }
    }

    private static string Publish()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoiceMemory.Functions.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found above the test binaries.");
        }

        var output = Path.Combine(Path.GetTempPath(), "voicememory-publish-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, "src", "Functions", "VoiceMemory.Functions.csproj"), "-c", "Release", "--no-build", "-nologo", "-o", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish did not finish in 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
        }

        return output;
    }
}
