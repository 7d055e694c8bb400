namespace VoiceMemory.Audio;

/// <summary>
/// What <see cref="AudioValidator"/> found out about an accepted upload: the format its bytes prove, the
/// canonical media type and file extension for storing it, its duration (null when the container does not
/// say, e.g. a live-recorded WebM without cues) and its size.
/// </summary>
public sealed record AudioInspection(AudioFormat Format, string ContentType, string Extension, TimeSpan? Duration, long Bytes);
