namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>A header an endpoint sets on answers with <see cref="Status"/>.</summary>
public sealed record ResponseHeaderDescription(int Status, string Name, string Description);
