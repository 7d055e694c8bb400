namespace VoiceMemory.Maintenance;

/// <summary>The <c>kind</c> tag values of <c>voicememory.retention.deleted</c>.</summary>
public static class RetentionKinds
{
    public const string InputAudio = "input_audio";

    public const string ReplyAudio = "reply_audio";

    public const string Turn = "turn";

    public const string Backup = "backup";
}
