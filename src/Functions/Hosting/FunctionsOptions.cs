using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Functions.Hosting;

/// <summary>Settings of the Azure Functions host (<c>VoiceMemory:Functions</c>).</summary>
public sealed class FunctionsOptions
{
    public const string Section = "VoiceMemory:Functions";

    /// <summary>Durable instance history older than this is purged by retention (it holds transcripts). Default 7.</summary>
    [Range(1, 365)]
    public int InstanceHistoryDays { get; set; } = 7;

    /// <summary>
    /// Local development only: trust <c>X-MS-CLIENT-PRINCIPAL</c> although App Service Authentication is not on
    /// (<c>WEBSITE_AUTH_ENABLED</c> is not <c>True</c>). Never set this in Azure: anyone could forge the header.
    /// </summary>
    public bool TrustPrincipalHeaderWithoutPlatformAuth { get; set; }
}
