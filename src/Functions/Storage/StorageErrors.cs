using Azure;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Turns a storage failure that is left after the SDK's own retries into the typed errors the API and the retry
/// policies understand: <see cref="ErrorCodes.StorageFull"/> when a limit of the account or of one item is reached,
/// <see cref="ErrorCodes.StorageUnavailable"/> for outages, throttling, timeouts and refused access. Never a bare 500.
/// </summary>
internal static class StorageErrors
{
    /// <summary>Runs <paramref name="call"/>, translating <see cref="RequestFailedException"/>s.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex) when (Translate(ex, what) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (Translate(ex, what) is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>Runs <paramref name="call"/>, translating <see cref="RequestFailedException"/>s.</summary>
    public static async Task RunAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RequestFailedException ex) when (Translate(ex, what) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (Translate(ex, what) is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>
    /// When the SDK's retries are used up on failures that never got an answer (refused connections, timeouts), it
    /// throws an <see cref="AggregateException"/> of every try's <see cref="RequestFailedException"/>: the last one decides.
    /// </summary>
    public static VoiceMemoryException? Translate(AggregateException exception, string what)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerExceptions.Count > 0 && exception.InnerExceptions.All(e => e is RequestFailedException)
            ? Translate((RequestFailedException)exception.InnerExceptions[^1], what)
            : null;
    }

    /// <summary>The typed failure, or null for a status the caller is expected to handle itself (a bug otherwise).</summary>
    public static VoiceMemoryException? Translate(RequestFailedException exception, string what)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.ErrorCode ?? string.Empty;
        if (IsLimit(code) || exception.Status == 413)
        {
            return new VoiceMemoryException(ErrorCodes.StorageFull, $"Storage refused to grow {what}: a size or count limit was reached ({code}).", isTransient: false, exception);
        }

        return exception.Status switch
        {
            0 => new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"Storage could not be reached for {what}.", isTransient: true, exception),
            408 or 429 or >= 500 => new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"Storage is unavailable or busy for {what} ({exception.Status} {code}).", isTransient: true, exception),
            // Refused access (a role assignment being propagated, a disabled account) is an operator's fix, like a
            // read-only disk in the self-host: transient for the turn, loud in the health probe.
            401 or 403 => new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"Access to storage was refused for {what} ({code}).", isTransient: true, exception),
            // A container or table that is missing or being deleted: the deployment is incomplete.
            404 when code is "ContainerNotFound" or "TableNotFound" or "ResourceNotFound" =>
                new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"The storage for {what} does not exist ({code}).", isTransient: true, exception),
            409 when code is "ContainerBeingDeleted" or "TableBeingDeleted" or "AccountBeingCreated" =>
                new VoiceMemoryException(ErrorCodes.StorageUnavailable, $"The storage for {what} is not ready ({code}).", isTransient: true, exception),
            _ => null,
        };
    }

    private static bool IsLimit(string code) => code is
        "EntityTooLarge" or "RequestBodyTooLarge" or "PropertyValueTooLarge" or "BlockCountExceedsLimit"
        or "MaxBlobSizeConditionNotMet" or "AccountLimitExceeded" or "TooManyProperties";
}
