namespace VoiceMemory.Configuration;

/// <summary>Which safety screen runs.</summary>
public enum SafetyProvider
{
    /// <summary>The built-in crisis and abuse lexicon (en, zh).</summary>
    Lexicon,
    /// <summary>Azure AI Content Safety plus the lexicon.</summary>
    Azure,
}
