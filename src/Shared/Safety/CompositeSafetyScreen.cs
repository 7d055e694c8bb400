using Microsoft.Extensions.Logging;
using VoiceMemory.Safety.Azure;

namespace VoiceMemory.Safety;

/// <summary>
/// The lexicon and Azure AI Content Safety together. The lexicon always runs. Crisis = the lexicon's crisis OR an Azure
/// SelfHarm severity at or above its threshold on the user's input. When Content Safety fails (outage, throttling,
/// timeout, open circuit, unreadable answer) the lexicon's verdict stands, a warning is logged, and the outage shows in
/// the <c>content-safety</c> health check.
/// </summary>
public sealed partial class CompositeSafetyScreen(ISafetyScreen lexicon, AzureContentSafetyScreen azure, ILogger<CompositeSafetyScreen> logger) : ISafetyScreen
{
    /// <inheritdoc />
    public async Task<SafetyVerdict> ScreenAsync(string text, string locale, ScreenTarget target, CancellationToken cancellationToken)
    {
        var local = await lexicon.ScreenAsync(text, locale, target, cancellationToken);
        SafetyVerdict remote;
        try
        {
            remote = await azure.ScreenAsync(text, locale, target, cancellationToken);
        }
        catch (VoiceMemoryException e)
        {
            LogAzureFailed(logger, e.Code, target);
            return local;
        }
        catch (HttpRequestException e)
        {
            LogAzureFailed(logger, e.HttpRequestError.ToString(), target);
            return local;
        }

        return Combine(local, remote);
    }

    /// <summary>Combines two verdicts: crisis from either; otherwise the more severe flag (the lexicon's on a tie).</summary>
    public static SafetyVerdict Combine(SafetyVerdict local, SafetyVerdict remote)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        var severity = Math.Max(local.Severity, remote.Severity);
        if (local.IsCrisis || remote.IsCrisis)
        {
            var category = local.IsCrisis ? local.Category : remote.Category;
            return new SafetyVerdict(true, category, true, severity, SourceOf(local.IsCrisis, remote.IsCrisis, local, remote));
        }

        if (local.Flagged || remote.Flagged)
        {
            var top = !remote.Flagged || (local.Flagged && local.Severity >= remote.Severity) ? local : remote;
            return new SafetyVerdict(true, top.Category, false, severity, SourceOf(local.Flagged, remote.Flagged, local, remote));
        }

        return SafetyVerdict.Clear(local.Source + "+" + remote.Source);
    }

    private static string SourceOf(bool localDecided, bool remoteDecided, SafetyVerdict local, SafetyVerdict remote) =>
        localDecided && remoteDecided ? local.Source + "+" + remote.Source : localDecided ? local.Source : remote.Source;

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Content Safety unavailable ({Code}) screening {Target}: the lexicon verdict stands")]
    private static partial void LogAzureFailed(ILogger logger, string code, ScreenTarget target);
}
