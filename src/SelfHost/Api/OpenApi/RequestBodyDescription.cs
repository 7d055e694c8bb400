namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>A raw request body: its media types (text or binary) and what it is.</summary>
public sealed record RequestBodyDescription(string Description, IReadOnlyList<string> TextMediaTypes, IReadOnlyList<string> BinaryMediaTypes);
