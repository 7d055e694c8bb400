namespace VoiceMemory.Safety;

/// <summary>A reply that carries the model's own risk judgement of the user's words (<see cref="ModelRisk"/>).</summary>
/// <param name="Reply">What the companion says.</param>
/// <param name="Risk">A crisis category (<see cref="SafetyCategories.SelfHarm"/>, <see cref="SafetyCategories.Violence"/>, <see cref="SafetyCategories.Danger"/>), or null for none or an unknown value.</param>
public sealed record ModelRiskAnswer(string Reply, string? Risk);
