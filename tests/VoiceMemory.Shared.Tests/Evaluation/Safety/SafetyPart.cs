namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>
/// Which part of the set a case belongs to. <see cref="HeldOut1"/> was split off by hash, scored once, and only then
/// tuned on (so its figure after that is a development figure); <see cref="HeldOut2"/> was written after that scoring
/// and never tuned on.
/// </summary>
public enum SafetyPart
{
    Tune,
    HeldOut1,
    HeldOut2,
}
