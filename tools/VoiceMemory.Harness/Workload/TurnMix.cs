using System.Globalization;
using System.Text;
using VoiceMemory.Harness.Audio;

namespace VoiceMemory.Harness.Workload;

/// <summary>
/// The mix of turns the load and chaos scenarios send, by submission index: 6 in 10 typed, 3 in 10 spoken WAV,
/// 1 in 10 spoken MP3. Spoken turns run the real pocketsphinx (about 1.5 s of CPU each on this machine), so the
/// typed share keeps a 500-turn run within minutes on 2 cores while every turn still runs screen, recall, reply,
/// speak (flite + lame) and remember. Each typed turn is a note with a unique number, so it must leave exactly
/// one fact: a second run of the same turn would show.
/// </summary>
internal sealed class TurnMix(IReadOnlyList<SpokenClip> clips)
{
    private static readonly string[] Adjectives = ["red", "amber", "quiet", "green", "silver", "tiny", "brave", "sleepy", "golden", "purple"];
    private static readonly string[] Animals = ["fox", "otter", "heron", "badger", "lynx", "owl", "rabbit", "turtle", "falcon", "beaver"];

    public const string Description = "60% typed notes, 30% spoken WAV (flite), 10% spoken MP3 (flite + lame)";

    public TurnPayload For(int index)
    {
        var slot = index % 10;
        if (slot < 6)
        {
            return Typed(index);
        }

        var clip = clips[index % clips.Count];
        return slot < 9
            ? new TurnPayload(PayloadKind.Wav, clip.Wav, "audio/wav", null)
            : new TurnPayload(PayloadKind.Mp3, clip.Mp3, "audio/mpeg", null);
    }

    /// <summary>A typed note, unique by <paramref name="index"/>, and the one fact it must produce.</summary>
    public static TurnPayload Typed(int index)
    {
        var adjective = Adjectives[index % Adjectives.Length];
        var animal = Animals[index / Adjectives.Length % Animals.Length];
        var crate = index.ToString(CultureInfo.InvariantCulture);
        var text = $"Remember that the {adjective} {animal} sleeps in crate {crate}.";
        return new TurnPayload(PayloadKind.Typed, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"The {adjective} {animal} sleeps in crate {crate}");
    }
}
