using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// The offline speech engines (<c>VoiceMemory:Speech:Offline</c>). An executable given as a bare name is searched
/// on PATH; a path is used as it is. Model paths default to Debian's pocketsphinx-en-us package.
/// </summary>
public sealed class OfflineSpeechOptions
{
    public const string Section = "VoiceMemory:Speech:Offline";

    [Required]
    public string PocketSphinx { get; set; } = "pocketsphinx_continuous";

    [Required]
    public string Sox { get; set; } = "sox";

    [Required]
    public string Ffmpeg { get; set; } = "ffmpeg";

    [Required]
    public string Flite { get; set; } = "flite";

    [Required]
    public string EspeakNg { get; set; } = "espeak-ng";

    [Required]
    public string Lame { get; set; } = "lame";

    /// <summary>pocketsphinx acoustic model folder (<c>-hmm</c>).</summary>
    [Required]
    public string AcousticModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us";

    /// <summary>pocketsphinx language model (<c>-lm</c>).</summary>
    [Required]
    public string LanguageModelPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    /// <summary>pocketsphinx pronunciation dictionary (<c>-dict</c>).</summary>
    [Required]
    public string DictionaryPath { get; set; } = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>
    /// Longest run of one engine process. The recogniser gets this plus the length of the audio, so long
    /// recordings are not cut short on a busy machine.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>flite voice (a built-in name or a .flitevox path). Empty → <c>SpeechOptions.OfflineVoice</c> ("slt").</summary>
    public string? FliteVoice { get; set; }

    /// <summary>espeak-ng voice per locale or language; a language not listed uses its own code as the voice.</summary>
    public Dictionary<string, string> EspeakVoices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-us",
        ["zh"] = "cmn",
    };

    /// <summary>Encode replies as MP3 (smaller downloads). Used only when lame is present; otherwise replies are WAV.</summary>
    public bool Mp3Enabled { get; set; } = true;

    /// <summary>lame VBR quality (<c>-V</c>): 0 best … 9 smallest.</summary>
    [Range(0, 9)]
    public int Mp3Quality { get; set; } = 5;

    /// <summary>
    /// Longest text spoken in one reply. Longer text is cut at the last sentence end (or word break) before this
    /// length: the full reply text is still returned to the client, only the audio is shorter.
    /// </summary>
    [Range(100, 100_000)]
    public int MaxSpeechCharacters { get; set; } = 4000;
}
