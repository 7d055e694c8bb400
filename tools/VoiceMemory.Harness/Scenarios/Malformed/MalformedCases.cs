using VoiceMemory.Harness.Audio;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>All 200 generated malformed requests.</summary>
internal static class MalformedCases
{
    public const int Expected = 200;

    public static IReadOnlyList<MalformedCase> Create(IReadOnlyList<FormatSample> samples, int seed)
    {
        var random = new Random(seed);
        return
        [
            .. AudioCorruptionCases.Create(samples, random),
            .. LyingHeaderCases.Create(samples),
            .. BodyCases.Create(samples, random),
            .. OversizeCases.Create(),
            .. TextCases.Create(),
            .. HeaderCases.Create(),
            .. RouteCases.Create(),
        ];
    }
}
