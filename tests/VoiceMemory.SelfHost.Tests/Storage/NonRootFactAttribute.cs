namespace VoiceMemory.SelfHost.Tests.Storage;

/// <summary>
/// A fact that relies on file permissions. Root (and Windows, which has no Unix modes) ignores a folder's write
/// permission, so there the test is skipped with the reason shown instead of passing without checking anything.
/// </summary>
public sealed class NonRootFactAttribute : FactAttribute
{
    public NonRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not apply on Windows.";
        }
        else if (Environment.IsPrivilegedProcess)
        {
            Skip = "Running as root: folder permissions do not bind, so a read-only folder cannot be simulated with chmod.";
        }
    }
}
