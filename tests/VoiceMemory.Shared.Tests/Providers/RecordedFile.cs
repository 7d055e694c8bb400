namespace VoiceMemory.Tests.Providers;

/// <summary>A file part of a multipart request.</summary>
internal sealed record RecordedFile(string Name, string FileName, string? ContentType, byte[] Content);
