namespace VoiceMemory.Turns;

/// <summary>The names of the workflow's activities, shared by both hosts (Durable activity names, checkpoint names).</summary>
public static class StepNames
{
    public const string Understand = "understand";
    public const string Respond = "respond";
    public const string Speak = "speak";
    public const string Remember = "remember";
    public const string Fail = "fail";
}
