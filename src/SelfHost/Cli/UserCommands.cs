using System.Globalization;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Cli;

/// <summary>
/// <c>users add|list|revoke|rotate</c>. A key is printed alone on stdout (once; only its hash is stored); everything
/// else a person reads goes to stderr, except <c>list</c>, whose table is its result.
/// </summary>
internal sealed class UserCommands(IServiceProvider services)
{
    private readonly SqliteUserStore store = (SqliteUserStore)services.GetRequiredService<IUserStore>();
    private readonly TimeProvider time = services.GetRequiredService<TimeProvider>();

    public async Task<int> AddAsync(string name, bool allowDuplicate, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 100)
        {
            await Console.Error.WriteLineAsync("error: the name must be 1–100 characters.");
            return 2;
        }

        var same = (await store.ListAsync(cancellationToken)).Where(u => SameName(u.Name, trimmed)).ToList();
        if (same.Count > 0 && !allowDuplicate)
        {
            await Console.Error.WriteLineAsync(
                $"error: a user named '{trimmed}' already exists ({string.Join(", ", same.Select(u => u.UserId))}); " +
                "use 'users rotate' for a new key, or add --allow-duplicate to create a second user with this name.");
            return 1;
        }

        var key = ApiKeys.NewKey();
        var account = new UserAccount(ApiKeys.NewUserId(), trimmed, ApiKeys.Hash(key), time.GetUtcNow());
        await store.AddAsync(account, cancellationToken);
        await Console.Error.WriteLineAsync($"created user {account.UserId} ({account.Name}); the key below is shown only once");
        await Console.Out.WriteLineAsync(key);
        return 0;
    }

    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var users = await store.ListAsync(cancellationToken);
        await Console.Out.WriteLineAsync("user_id\tname\tcreated\tstatus");
        foreach (var user in users)
        {
            var status = user.RevokedAt is { } revoked ? "revoked " + Format(revoked) : "active";
            await Console.Out.WriteLineAsync($"{user.UserId}\t{user.Name}\t{Format(user.CreatedAt)}\t{status}");
        }

        await Console.Error.WriteLineAsync($"{users.Count} user(s)");
        return 0;
    }

    public async Task<int> RevokeAsync(string who, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(who, cancellationToken) is not { } user)
        {
            return 1;
        }

        // The hash of a key that is generated and thrown away: nobody can present it.
        await store.RevokeAsync(user.UserId, ApiKeys.Hash(ApiKeys.NewKey()), time.GetUtcNow(), cancellationToken);
        await Console.Error.WriteLineAsync($"revoked the key of {user.UserId} ({user.Name}); their data stays ('users rotate' gives them a new key)");
        return 0;
    }

    public async Task<int> RotateAsync(string who, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(who, cancellationToken) is not { } user)
        {
            return 1;
        }

        var key = ApiKeys.NewKey();
        await store.RotateAsync(user.UserId, ApiKeys.Hash(key), cancellationToken);
        await Console.Error.WriteLineAsync($"new key for {user.UserId} ({user.Name}); the old key no longer works; the key below is shown only once");
        await Console.Out.WriteLineAsync(key);
        return 0;
    }

    /// <summary>The user with this id, or the only user with this name; explains on stderr when there is none or several.</summary>
    private async Task<UserListing?> ResolveAsync(string who, CancellationToken cancellationToken)
    {
        var users = await store.ListAsync(cancellationToken);
        if (users.FirstOrDefault(u => u.UserId == who) is { } byId)
        {
            return byId;
        }

        var byName = users.Where(u => SameName(u.Name, who.Trim())).ToList();
        switch (byName.Count)
        {
            case 1:
                return byName[0];
            case 0:
                await Console.Error.WriteLineAsync($"error: no user with the id or name '{who}' ('users list' shows them)");
                return null;
            default:
                await Console.Error.WriteLineAsync($"error: {byName.Count} users are named '{who}' ({string.Join(", ", byName.Select(u => u.UserId))}); give the id instead");
                return null;
        }
    }

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
