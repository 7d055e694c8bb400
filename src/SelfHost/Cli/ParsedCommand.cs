namespace VoiceMemory.SelfHost.Cli;

/// <summary>
/// What the command line asked for: <see cref="Verb"/> (<c>serve</c>, <c>users</c>, <c>backup</c>, <c>restore</c>,
/// <c>health</c>, <c>help</c>, <c>version</c>), its positional words, its flags, and the host arguments (configuration
/// overrides such as <c>--urls</c> or <c>--VoiceMemory:DataRoot=…</c>) to build the host with. <see cref="Error"/> is
/// set when the line was wrong.
/// </summary>
public sealed record ParsedCommand(
    string Verb,
    IReadOnlyList<string> Positional,
    IReadOnlySet<string> Flags,
    IReadOnlyList<string> HostArguments,
    string? Error = null);
