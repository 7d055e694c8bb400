using System.Globalization;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Configuration;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// Critical check <c>disk</c>: free space on the volume of <see cref="SelfHostOptions.DataRoot"/> — unhealthy below
/// <see cref="HealthOptions.MinFreeDiskMegabytes"/>, degraded below twice that, healthy otherwise.
/// </summary>
public sealed class DiskSpaceCheck(IOptions<SelfHostOptions> selfHost, IOptions<HealthOptions> health) : IDependencyCheck
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public string Name => "disk";

    public bool Critical => true;

    /// <summary>Free bytes available at a path (tests replace it).</summary>
    internal Func<string, long> FreeBytes { get; init; } = path => new DriveInfo(path).AvailableFreeSpace;

    public Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var free = FreeBytes(NearestExisting(Path.GetFullPath(selfHost.Value.DataRoot))) / BytesPerMegabyte;
        var minimum = health.Value.MinFreeDiskMegabytes;
        var result = free < minimum
            ? DependencyHealth.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"{free} MB free, below the minimum of {minimum} MB"))
            : free < 2 * minimum
                ? DependencyHealth.Degraded(string.Create(CultureInfo.InvariantCulture, $"{free} MB free, less than twice the minimum of {minimum} MB"))
                : DependencyHealth.Healthy(string.Create(CultureInfo.InvariantCulture, $"{free} MB free"));
        return Task.FromResult(result);
    }

    /// <summary>The data root may not exist yet; its volume is that of its nearest existing ancestor.</summary>
    private static string NearestExisting(string path)
    {
        var current = path;
        while (!Directory.Exists(current) && Path.GetDirectoryName(current) is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
