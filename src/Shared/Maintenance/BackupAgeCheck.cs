using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Non-critical check <c>backup</c>: degraded when backups are enabled and the newest complete backup is older than
/// <see cref="HealthOptions.MaxBackupAgeHours"/> or there is none; healthy otherwise, with the age in the detail.
/// </summary>
public sealed class BackupAgeCheck(IBackupStorage storage, IOptions<HealthOptions> health, IOptions<BackupOptions> backup, TimeProvider time) : IDependencyCheck
{
    public string Name => "backup";

    public bool Critical => false;

    public async Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? newest = null;
        await foreach (var id in storage.ListBackupsAsync(cancellationToken))
        {
            if (BackupIds.TryParse(id, out var taken) && (newest is null || taken > newest))
            {
                newest = taken;
            }
        }

        var age = newest is null ? (TimeSpan?)null : time.GetUtcNow() - newest.Value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        var ageText = age is null ? null : string.Create(CultureInfo.InvariantCulture, $"last backup {age.Value.TotalHours:0.0} h ago");
        if (!backup.Value.Enabled)
        {
            return DependencyHealth.Healthy(ageText is null ? "backups are disabled" : $"backups are disabled; {ageText}");
        }

        if (age is null)
        {
            return DependencyHealth.Degraded("no backup yet");
        }

        var limit = health.Value.MaxBackupAgeHours;
        return age.Value > TimeSpan.FromHours(limit)
            ? DependencyHealth.Degraded(string.Create(CultureInfo.InvariantCulture, $"{ageText} (limit {limit} h)"))
            : DependencyHealth.Healthy(ageText!);
    }
}
