namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>Recall, false-alarm rate and precision of one language in one part of the set.</summary>
public sealed record SafetyFigures(int Crises, int Found, int LookAlikes, int FalseAlarms)
{
    public double Recall => Crises == 0 ? 1 : (double)Found / Crises;

    public double FalseAlarmRate => LookAlikes == 0 ? 0 : (double)FalseAlarms / LookAlikes;

    public double Precision => Found + FalseAlarms == 0 ? 1 : (double)Found / (Found + FalseAlarms);

    public static SafetyFigures Of(IEnumerable<SafetyResult> results)
    {
        var list = results.ToList();
        return new SafetyFigures(
            list.Count(r => r.Case.IsCrisis),
            list.Count(r => r.Case.IsCrisis && r.Crisis),
            list.Count(r => !r.Case.IsCrisis),
            list.Count(r => !r.Case.IsCrisis && r.Crisis));
    }
}
