namespace VoiceMemory.Api;

/// <summary>Reply audio for the API: a stream to send (the caller disposes it), or a URL to redirect to.</summary>
public sealed record ReplyAudioContent(Stream? Content, string ContentType, Uri? RedirectUrl);
