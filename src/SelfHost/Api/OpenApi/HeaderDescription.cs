namespace VoiceMemory.SelfHost.Api.OpenApi;

/// <summary>A request header an endpoint reads.</summary>
public sealed record HeaderDescription(string Name, string Description, bool Required = false);
