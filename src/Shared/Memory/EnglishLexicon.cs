namespace VoiceMemory.Memory;

/// <summary>Word lists behind the English extraction rules.</summary>
internal static class EnglishLexicon
{
    /// <summary>
    /// Words that follow "I'm …" or "my son is …" but are not names: lower-case transcripts give no capital letter to
    /// tell "i'm alice" from "i'm tired".
    /// </summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // function words and pronouns
        "a", "an", "the", "and", "but", "or", "so", "to", "too", "in", "on", "at", "of", "off", "out", "up", "down",
        "from", "with", "without", "for", "by", "about", "into", "over", "under", "near", "here", "there", "not",
        "no", "yes", "yeah", "i", "im", "me", "my", "mine", "you", "your", "he", "she", "it", "its", "we", "they",
        "him", "her", "them", "his", "this", "that", "these", "those", "who", "what", "where", "when", "why", "how",
        "which", "is", "was", "are", "were", "be", "been", "am", "will", "would", "can", "could", "should", "has",
        "have", "had", "does", "did", "do", "just", "really", "very", "quite", "still", "also", "always", "never",
        "often", "usually", "sometimes", "only", "already", "even", "all", "both", "either", "now", "then", "again",
        "please", "thanks", "thank", "sorry", "well", "very", "much", "more", "most", "less", "like", "as", "if",
        "back", "home", "away", "around", "alone", "together", "someone", "somebody", "anyone", "nobody", "everyone",
        "called", "named", "coming", "going", "lives", "works", "visits", "calls", "comes", "passed", "died", "dead",
        "today", "tomorrow", "tonight", "yesterday", "later", "soon", "early", "late", "next", "last", "first",
        // states and feelings
        "fine", "good", "great", "ok", "okay", "alright", "allright", "sure", "certain", "glad", "happy", "sad",
        "lonely", "lovely", "tired", "sleepy", "exhausted", "bored", "busy", "free", "ready", "done", "finished",
        "sick", "ill", "unwell", "poorly", "better", "worse", "best", "worst", "old", "young", "new", "hungry",
        "thirsty", "cold", "hot", "warm", "cool", "afraid", "scared", "frightened", "worried", "nervous", "anxious",
        "upset", "angry", "cross", "grumpy", "cheerful", "excited", "curious", "confused", "lost", "stuck", "proud",
        "ashamed", "embarrassed", "grateful", "thankful", "lucky", "awake", "asleep", "alive", "deaf", "blind",
        "diabetic", "asthmatic", "epileptic", "pregnant", "single", "married", "divorced", "widowed", "retired",
        "healthy", "strong", "weak", "dizzy", "sore", "hurt", "right", "wrong", "serious", "joking", "kidding",
        "listening", "here", "interested", "allergic", "vegetarian", "vegan", "fond", "keen", "aware", "able",
        "unable", "late", "fit", "nice", "kind", "bad", "terrible", "awful", "wonderful", "fantastic", "amazing",
        "hopeful", "hopeless", "helpless", "useless", "fed", "sorry", "calm", "quiet", "peaceful", "stressed",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
        // nationalities and faiths: capitalised in typed text, so a capital letter does not make them names
        "english", "british", "scottish", "welsh", "irish", "american", "canadian", "australian", "chinese",
        "japanese", "korean", "indian", "french", "german", "italian", "spanish", "polish", "dutch", "swedish",
        "mexican", "christian", "catholic", "jewish", "muslim", "hindu", "buddhist", "sikh", "atheist",
        // roles
        "teacher", "nurse", "doctor", "widow", "widower", "grandmother", "grandfather", "grandma", "grandpa",
        "mother", "father", "mum", "mom", "dad", "wife", "husband", "friend", "neighbour", "neighbor", "carer",
    };

    /// <summary>Relations, longest first so "great granddaughter" wins over "granddaughter".</summary>
    public static readonly string[] Relations =
    [
        "great granddaughter", "great-granddaughter", "great grandson", "great-grandson", "daughter-in-law",
        "daughter in law", "son-in-law", "son in law", "sister-in-law", "sister in law", "brother-in-law",
        "brother in law", "mother-in-law", "mother in law", "father-in-law", "father in law", "granddaughter",
        "grandson", "grandchild", "grandkid", "grandmother", "grandfather", "grandma", "grandpa", "granny", "grandad",
        "granddad", "stepdaughter", "stepson", "daughter", "son", "wife", "husband", "partner", "spouse", "sister",
        "brother", "mother", "mum", "mom", "mam", "father", "dad", "niece", "nephew", "auntie", "aunt", "uncle",
        "cousin", "best friend", "friend", "boyfriend", "girlfriend", "fiancee", "fiance", "neighbour", "neighbor",
        "carer", "caregiver", "doctor", "gp", "nurse", "dog", "cat", "pet", "parrot", "budgie",
    ];

    /// <summary>Regex alternation of relation words, longest first; spaces also match hyphens.</summary>
    public static string RelationAlternation { get; } = string.Join(
        '|',
        Relations.Select(r => System.Text.RegularExpressions.Regex.Escape(r).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal)));

    /// <summary>Spellings that name the same relation share a key: "who is my mother?" finds "my mum".</summary>
    public static string CanonicalRelation(string relation)
    {
        var slug = FactKeys.Slug(relation);
        return slug switch
        {
            "mum" or "mom" or "mam" => "mother",
            "dad" => "father",
            "grandma" or "granny" => "grandmother",
            "grandpa" or "grandad" or "granddad" => "grandfather",
            "neighbor" => "neighbour",
            "auntie" => "aunt",
            "spouse" => "partner",
            "caregiver" => "carer",
            "gp" => "doctor",
            "grandkid" => "grandchild",
            "fiancee" => "fiance",
            _ => slug,
        };
    }

    /// <summary>Adjectives allowed between "my" and a relation.</summary>
    public const string RelationAdjectives = "eldest|oldest|youngest|younger|older|little|big|baby|late|dear|only|other|twin|new";

    /// <summary>Conditions worth remembering after "I have …" (acute ones like a cold are not).</summary>
    public static readonly string[] Conditions =
    [
        "type 1 diabetes", "type 2 diabetes", "type one diabetes", "type two diabetes", "diabetes", "arthritis",
        "asthma", "copd", "emphysema", "dementia", "alzheimer's", "alzheimers", "parkinson's", "parkinsons",
        "high blood pressure", "low blood pressure", "hypertension", "high cholesterol", "heart disease",
        "a heart condition", "heart condition", "heart failure", "a heart problem", "heart problems",
        "atrial fibrillation", "afib", "angina", "cancer", "osteoporosis", "glaucoma", "cataracts", "a cataract",
        "macular degeneration", "epilepsy", "depression", "anxiety", "insomnia", "migraines", "hearing loss",
        "tinnitus", "a bad back", "back pain", "bad knees", "a bad hip", "gout", "kidney disease", "a pacemaker",
        "multiple sclerosis", "ms", "lupus", "celiac disease", "coeliac disease", "crohn's disease", "sleep apnea",
        "sleep apnoea", "chronic pain", "fibromyalgia", "a hearing aid", "hearing aids", "poor eyesight",
        "memory problems", "memory loss", "incontinence", "thyroid problems", "an underactive thyroid",
        "an overactive thyroid", "anemia", "anaemia", "shingles", "ptsd", "adhd", "autism", "ocd",
    ];

    /// <summary>Endings of condition names (arthritis, osteoporosis, neuropathy, anaemia).</summary>
    public static readonly string[] ConditionSuffixes = ["itis", "osis", "emia", "aemia", "pathy", " disease", " syndrome", " cancer", " disorder", " failure"];

    /// <summary>Medicines named often enough, and words that say "a medicine".</summary>
    public static readonly HashSet<string> Medicines = new(StringComparer.OrdinalIgnoreCase)
    {
        "medication", "medications", "medicine", "medicines", "meds", "pills", "tablets", "tablet", "pill",
        "insulin", "aspirin", "metformin", "warfarin", "paracetamol", "ibuprofen", "acetaminophen", "tylenol",
        "statins", "statin", "levothyroxine", "thyroxine", "amlodipine", "lisinopril", "omeprazole", "atorvastatin",
        "simvastatin", "donepezil", "prednisone", "prednisolone", "vitamins", "vitamin", "painkillers",
        "antidepressants", "antibiotics", "inhaler", "inhalers", "drops", "thinners", "codeine", "morphine", "gabapentin", "furosemide", "bisoprolol", "ramipril", "losartan",
        "clopidogrel", "apixaban", "rivaroxaban", "sertraline", "citalopram", "melatonin", "digoxin", "allopurinol",
    };

    /// <summary>Endings of drug names (lisinopril, losartan, atorvastatin, bisoprolol, omeprazole).</summary>
    public static readonly string[] MedicineSuffixes = ["pril", "sartan", "statin", "olol", "azole", "dipine", "formin", "gliptin", "xaban", "parin", "farin", "cillin", "mycin", "cycline", "oxetine", "zepam", "zolam", "sone", "olone", "mab"];

    /// <summary>Things that happen at a time: with a time expression they make an event.</summary>
    public const string EventNouns =
        @"appointment|check-?up|surgery|operation|procedure|scan|x-ray|blood test|test|visit|visiting|coming over|coming round|coming to see|party|wedding|funeral|meeting|trip|holiday|vacation|flight|concert|lunch|dinner|church|bingo|class|club|hospital|dentist|doctor|optician|hairdresser|physio|therapy|interview|game|match|reunion|christening|graduation|anniversary|married|marrying|engaged|baptism|birthday party|football|recital|play|show|match";

    /// <summary>Expressions that place something in time.</summary>
    public const string TimeExpressions =
        @"tomorrow|today|tonight|this (?:morning|afternoon|evening|weekend|week|month|year|coming \w+)|next (?:week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|on the \d{1,2}(?:st|nd|rd|th)?|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? of (?:january|february|march|april|may|june|july|august|september|october|november|december)|in (?:\d+|a|two|three|four|five|a few|a couple of) (?:days|weeks|months)|at \d{1,2}(?::\d{2})?\s*(?:am|pm|o'clock)?|at (?:noon|midday)|every (?:day|week|morning|evening|\w+day)|\d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:in|this|next|early|late|mid|until) (?:january|february|march|april|may|june|july|august|september|october|november|december)";
}
