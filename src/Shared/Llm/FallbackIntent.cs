namespace VoiceMemory.Llm;

/// <summary>What a question to the fallback responder asks about.</summary>
internal enum FallbackIntent
{
    /// <summary>Not a question.</summary>
    None,
    /// <summary>A question about something other than the user (the weather, the news).</summary>
    Other,
    /// <summary>A question about the user that no rule understands ("what's my phone number?").</summary>
    UnknownAboutUser,
    Everything,
    MedicalAdvice,
    Name,
    Age,
    Home,
    /// <summary>The user's work: job, workplace, or what they did before retiring.</summary>
    Job,
    Allergies,
    Health,
    Birthday,
    Favourite,
    Likes,
    Dislikes,
    Relation,
    Events,
    /// <summary>"When is …?": answered by the remembered facts about its subject (<see cref="FallbackSubjects"/>).</summary>
    When,
}
