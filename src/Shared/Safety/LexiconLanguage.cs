namespace VoiceMemory.Safety;

/// <summary>Which language's scope rules (negation, grammatical subject) apply to a lexicon rule.</summary>
internal enum LexiconLanguage
{
    English,
    Chinese,
}
