namespace VoiceMemory.SelfHost.Cli;

/// <summary>
/// Parses the executable's command line. Anything it does not know is an error (printed with the usage, exit 2)
/// rather than a reason to start the server: a mistyped command must not silently serve and create a data root.
/// </summary>
public static class CommandLine
{
    /// <summary>Options that take a value and go to the host's configuration as they are.</summary>
    private static readonly HashSet<string> HostValueOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        // The generic host's own keys; WebApplicationFactory passes the last three as --key=value.
        "urls", "environment", "contentRoot", "applicationName",
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "serve", "users", "backup", "restore", "health", "help" };

    /// <summary>Flags (no value) each verb accepts.</summary>
    private static readonly Dictionary<string, string[]> VerbFlags = new(StringComparer.Ordinal)
    {
        ["users"] = ["--allow-duplicate"],
    };

    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var positional = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var hostArguments = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new ParsedCommand("help", [], flags, []);
            }

            if (arg is "--version")
            {
                return new ParsedCommand("version", [], flags, []);
            }

            if (!arg.StartsWith('-'))
            {
                positional.Add(arg);
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                return Fail($"unknown option '{arg}'");
            }

            var (name, value) = SplitOption(arg);
            var isConfigKey = name.Contains(':', StringComparison.Ordinal);
            if (HostValueOptions.Contains(name) || isConfigKey || name == "data-root")
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return Fail($"option '--{name}' needs a value");
                    }

                    value = args[++i];
                }

                hostArguments.Add(name == "data-root" ? $"--VoiceMemory:DataRoot={value}" : $"--{name}={value}");
                continue;
            }

            if (value is null)
            {
                flags.Add(arg);
                continue;
            }

            // --Key=value is the generic host's command-line configuration (WebApplicationFactory passes its settings so).
            hostArguments.Add(arg);
        }

        var verb = positional.Count == 0 ? "serve" : positional[0];
        if (!Verbs.Contains(verb))
        {
            return Fail($"unknown command '{verb}'");
        }

        var rest = positional.Skip(positional.Count == 0 ? 0 : 1).ToList();
        var allowed = VerbFlags.GetValueOrDefault(verb, []);
        if (flags.FirstOrDefault(f => !allowed.Contains(f)) is { } unknownFlag)
        {
            return Fail($"unknown option '{unknownFlag}' for '{verb}'");
        }

        if (verb == "help")
        {
            return rest.Count == 0 ? new ParsedCommand("help", [], flags, []) : Fail($"'help' takes no arguments (got '{rest[0]}')");
        }

        var shapeError = verb switch
        {
            "serve" or "backup" or "health" when rest.Count > 0 => $"'{verb}' takes no arguments (got '{rest[0]}')",
            "restore" when rest.Count != 1 => "'restore' needs exactly one backup folder",
            "users" => UsersShapeError(rest, flags),
            _ => null,
        };
        return shapeError is null ? new ParsedCommand(verb, rest, flags, hostArguments) : Fail(shapeError);
    }

    private static string? UsersShapeError(List<string> rest, HashSet<string> flags) => rest switch
    {
        [] => "'users' needs a subcommand: add, list, revoke or rotate",
        ["add", _] => null,
        ["add"] => "'users add' needs a name",
        ["list"] when flags.Count == 0 => null,
        ["revoke" or "rotate", _] when flags.Count == 0 => null,
        ["revoke" or "rotate"] => $"'users {rest[0]}' needs a user id or name",
        ["add" or "list" or "revoke" or "rotate", ..] when flags.Count == 0 || rest[0] == "add" => $"too many arguments for 'users {rest[0]}'",
        ["list" or "revoke" or "rotate", ..] => $"unknown option '{flags.First()}' for 'users {rest[0]}'",
        [var sub, ..] => $"unknown users subcommand '{sub}'",
    };

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var body = arg[2..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static ParsedCommand Fail(string error) => new("error", [], new HashSet<string>(), [], error);
}
