namespace VoiceMemory.Harness.Workload;

/// <summary>What a submitted turn carries.</summary>
internal enum PayloadKind
{
    /// <summary>text/plain; charset=utf-8 (the transcribe step is skipped).</summary>
    Typed,

    /// <summary>audio/wav from flite.</summary>
    Wav,

    /// <summary>audio/mpeg from lame.</summary>
    Mp3,
}
