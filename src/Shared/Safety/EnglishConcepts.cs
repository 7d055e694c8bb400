using System.Text.RegularExpressions;
using static VoiceMemory.Safety.LexiconLanguage;
using static VoiceMemory.Safety.SafetyCategories;

namespace VoiceMemory.Safety;

/// <summary>
/// English crisis screening by composition rather than by phrase. A clause is a crisis when it joins a
/// <em>signal</em> (desire, intent or plan, rumination, research, an attempt) to a <em>concept</em> (death, a suicide
/// method, self-harm, a lethal act on a person) within a few words, with the speaker as the subject and no negation
/// governing the signal; danger from others joins another person as the agent to a harm, threat or stalking act
/// aimed at the speaker. Each vocabulary names a concept of the C-SSRS screener or the 988 warning signs, not a
/// sentence, so sentences never seen combine from them ("I keep looking up how many pills it takes to die").
/// </summary>
internal static partial class EnglishConcepts
{
    // Up to six words between a signal and its concept; none may negate, change the subject or turn the sentence.
    private const string Gap = @"(?:(?!(?:not|never|no|nobody|nothing|but|he|she|they|you|him|her|them|than|if)\b)[\w']+ ){0,6}";

    // Desire or a passive wish (C-SSRS item 1).
    private const string Desire =
        @"(?:want(?:s|ed)?(?: to)?|wanting to|wish(?:es|ed|ing)?|hop(?:e|es|ed|ing)|pray(?:s|ed|ing)?|long(?:ing)? to|would rather|rather" +
        @"|would not mind if|(?:(?:would|will) )?be (?:fine|okay|ok|happy|glad|better|easier) if|easier if|better if|tempted to|urges? to|feel like(?! i\b))";

    // Intent, a plan, rumination, research or an attempt (C-SSRS items 2 to 6).
    private const string Resolve =
        @"(?:going to|about to|ready to|will|shall|plan(?:s|ned|ning)?(?: to| on| is to)?|(?:have |has )?decided(?: to)?|made up my mind(?: to)?" +
        @"|intend(?:s|ed|ing)?(?: to)?|set a date to|picked (?:the|a) day|the (?:night|day) i|so (?:that )?i (?:can|could)" +
        @"|think(?:s|ing)? (?:about|of)|thought (?:about|of)|thoughts (?:of|about)|imagin(?:e|es|ed|ing)|fantasi[sz](?:e|ed|ing) about" +
        @"|consider(?:s|ed|ing)?|contemplat(?:e|ed|ing)|obsess(?:ed|ing)? (?:about|over)|dream(?:s|ed|ing)? (?:about|of)" +
        @"|tried(?: to)?|try(?:ing)? to|attempt(?:s|ed|ing)?(?: to)?)";

    // Research into a method (C-SSRS method item): only when it asks how, which way or where.
    private const string Research =
        @"(?:look(?:s|ed|ing)? up|search(?:ed|ing)?(?: for)?|googl(?:e|ed|ing)|research(?:ed|ing)?|read(?:ing)? up on|asked (?:google|chatgpt|the internet))" +
        @" (?:[\w']+ ){0,2}?(?:how|ways?|methods?|which|where|what|the (?:tallest|highest))";

    // Death or suicide as something the speaker does or undergoes.
    private const string Death =
        @"(?:die(?! (?:of|for|laughing|inside|down|out|hard|if|when|without)\b)|dying(?! (?:to|of|for|laughing|inside)\b)|be dead|(?:was|were|am) dead" +
        @"|stop existing|cease to exist|(?:(?:do|did) )?not exist|never (?:been )?born|(?:do |did |does )?(?:not|never) (?:wake|woke|waking) up" +
        @"|(?:do |did )?not survive|sleep forever|end(?:ing|ed)? (?:it all|it(?! with\b)|everything|my (?:own )?life|this life|things)(?! (?:with|for you)\b)" +
        @"|us(?:e|ing) (?:it|the gun|a gun|my gun|the knife|a knife|that|them) on myself" +
        @"|kill(?:ing|ed)? (?:myself|my self)|suicide|unaliv(?:e|ing) myself|kms|overdos(?:e|ing)(?! on (?:sugar|coffee|caffeine|chocolate|candy))" +
        @"|jump(?:ing)?(?= *$| (?:off|from|out of|in front of|tonight|today|now)\b)|hang(?:ing)? myself|noose|slit(?:ting)? my|my wrists" +
        @"|drown(?:ing)? myself|(?:step|stepp)(?:ing)? in front of|driv(?:e|ing) (?:my car |the car )?(?:into|off)|(?:the |train |railway )tracks" +
        @"|(?:cut|burn|hurt|harm|starve|punish|stab|poison)(?:s|ting|ning|ing|ed|ned)? myself|self[- ]?harm(?:ing)?" +
        @"|(?:take|took|taking|swallow(?:ed|ing)?|down) (?:all|the whole|a whole|the entire|every|\d+|twenty|thirty|forty|fifty|a bunch of|a handful of|so many)" +
        @" (?:(?:of )?(?:my|the|these|those) )?(?:[\w']+ )?(?:pills|tablets|meds|medication|bottle|painkillers|sleeping pills))";

    // What a passive wish may name that intent may not ("I am going to be gone for a week" is a trip).
    private const string Passing =
        @"(?:be gone|disappear(?: forever)?|(?:it|this|everything|it all|the pain|all of this) to (?:be over|end|stop) (?:for good|forever|permanently)|not be (?:here|around|alive)(?: anymore| any more)?|died|(?:hits?|kills?|runs? over|run) me|be (?:hit|killed|run over))";

    private const string SelfDeathEnd = @"\b(?! (?:than (?!(?:keep |go on |continue )?(?:living|live|being alive|go on|feel))\w+)\b)";

    // A person a harm can be aimed at.
    private const string Target =
        @"(?:him|her|them|someone|somebody|anyone|everyone|everybody|people|all of them|every one of them|(?:the|those|these|all the) (?:people|kids|guys|ones)" +
        @"|(?:my|his|her|their|our|that|this|the|those|these)(?: [\w']+)? (?:neighbou?rs?|wife|husband|ex|boyfriend|girlfriend|partner|boss|manager|co-?workers?" +
        @"|colleagues?|mother(?:-in-law)?|mom|mum|father(?:-in-law)?|dad|brother|sister|son|daughter|kids?|children|child|baby|family|teacher|landlord" +
        @"|room-?mate|flatmate|parents|step-?dad|step-?mom|uncle|aunt|cousin|friends?|classmates?|guy|man|woman|bull(?:y|ies)|students?))";

    private const string Lethal =
        @"(?:kill(?:ing)?|murder(?:ing)?|stab(?:bing)?|shoot(?:ing)?|strangl(?:e|ing)|poison(?:ing)?|slaughter(?:ing)?|hurt(?:ing)?|harm(?:ing)?" +
        @"|attack(?:ing)?|beat(?:ing)?|punch(?:ing)?|chok(?:e|ing)|run(?:ning)? over|burn(?:ing)?|use (?:it|the gun|my gun|a gun|the knife) on)";

    // Someone other than the speaker, as the agent of a harm.
    private const string Agent =
        @"(?:he|she|they|someone|somebody|a (?:man|guy|woman|stranger)|(?:my|her|his|our) (?:[\w']+ )?(?:husband|wife|partner|boyfriend|girlfriend|ex|ex-husband" +
        @"|ex-wife|ex-boyfriend|ex-girlfriend|dad|father|mom|mother|mum|step-?dad|step-?father|step-?mom|step-?mother|brother|sister|son|daughter|uncle|aunt" +
        @"|cousin|grandpa|grandfather|roommate|landlord|boss|neighbou?r|fianc[eé]e?|family))";

    private const string HarmVerb =
        @"(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|slap(?:s|ped|ping)?" +
        @"|push(?:es|ed)?|shov(?:e|es|ed)|burn(?:s|ed|ing)?|hurt(?:s|ing)?|grab(?:s|bed)|rap(?:e|es|ed)|forc(?:e|es|ed)|lock(?:s|ed)|touch(?:es|ing)" +
        @"|abus(?:e|es|ed|ing)|attack(?:s|ed|ing)?|threaten(?:s|ed|ing)?|stab(?:s|bed)?|drag(?:s|ged)|throw(?:s)?|threw|bit|bites|pull(?:s|ed) a (?:knife|gun) on)";

    private const string Threat =
        @"(?:kill|murder|hurt|stab|shoot|beat|strangle|burn|harm|get rid of|end|break (?:my|every))";

    /// <summary>The composed rules; see the type's summary.</summary>
    public static readonly LexiconRule[] UserInput =
    [
        LexiconRule.Create("en.concept.resolve-death", English, SelfHarm, 5, ResolveDeathPattern(), firstPerson: true, unless: ExasperatedDiePattern()),
        LexiconRule.Create("en.concept.desire-death", English, SelfHarm, 4, DesireDeathPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.research-death", English, SelfHarm, 6, ResearchDeathPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.strong-act", English, SelfHarm, 5, StrongActPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.self-harm-again", English, SelfHarm, 5, SelfHarmAgainPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.lethal-amount", English, SelfHarm, 6, LethalAmountPattern()),
        LexiconRule.Create("en.concept.means-ready", English, SelfHarm, 6, MeansReadyPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.farewell", English, SelfHarm, 6, FarewellPattern(), negatable: false, firstPerson: true),
        LexiconRule.Create("en.concept.only-way-out", English, SelfHarm, 5, OnlyWayOutPattern()),
        LexiconRule.Create("en.concept.no-way-out", English, SelfHarm, 5, NoWayOutPattern(), negatable: false, firstPerson: true),
        LexiconRule.Create("en.concept.burden", English, SelfHarm, 4, BurdenPattern()),
        LexiconRule.Create("en.concept.no-reason", English, SelfHarm, 4, NoReasonPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.harm-person", English, Violence, 5, HarmPersonPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.weapon-to", English, Violence, 6, WeaponToPattern(), firstPerson: true),
        LexiconRule.Create("en.concept.mixed-language", English, SelfHarm, 5, MixedLanguagePattern(), firstPerson: true),
        LexiconRule.Create("en.danger.harmed", English, Danger, 6, DangerHarmedPattern()),
        LexiconRule.Create("en.danger.threatened", English, Danger, 7, DangerThreatenedPattern()),
        LexiconRule.Create("en.danger.afraid", English, Danger, 6, DangerAfraidPattern()),
        LexiconRule.Create("en.danger.stalked", English, Danger, 5, DangerStalkedPattern()),
        LexiconRule.Create("en.danger.intruder", English, Danger, 6, DangerIntruderPattern(), negatable: false),
    ];

    [GeneratedRegex($@"\b{Resolve} {Gap}{Death}{SelfDeathEnd}", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ResolveDeathPattern();

    // "If I have to sit through another meeting I'll die", "if he tells that story one more time I'll shoot myself lol":
    // exasperation at a trivial, repeated trigger, not intent.
    [GeneratedRegex(
        @"\bif\b.*\bi (?:will|would|am going to) (?:just |literally )?die\b" +
            @"|\bif\b.*\b(?:one more time|again|another)\b.*\bi (?:will|would|am going to) (?:just )?(?:shoot|kill) myself\b.*\b(?:lol|lmao|haha\w*|jk|kidding)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    internal static partial Regex ExasperatedDiePattern();

    [GeneratedRegex($@"\b{Desire} {Gap}(?:{Death}|{Passing}){SelfDeathEnd}", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DesireDeathPattern();

    [GeneratedRegex($@"\b{Research} {Gap}{Death}{SelfDeathEnd}", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ResearchDeathPattern();

    // Acts that are suicidal whatever frames them, once the speaker is their subject.
    [GeneratedRegex(
        @"\b(?:end(?:ed|ing)? it all|kill(?:ed)? my self|attempted suicide|(?:suicide|overdose) attempt|tried to (?:kill|hang|drown|poison|overdose|jump|cut|end (?:it|my life)|take my (?:own )?life)|unalive myself)\b" +
            @"|\bending (?:it|things|everything|my life) (?:tonight|today|tomorrow|now|this (?:weekend|week)|for good)\b" +
            @"|\bi (?:just |have |had |already )?(?:overdosed|od'd|odd)\b(?! on (?:sugar|coffee|caffeine|candy|chocolate))" +
            @"|\bmade (?:my )?peace with (?:dying|death|my death|the idea of (?:dying|death))\b" +
            @"|\b(?:suicide|killing myself|dying|ending it|ending my life|hurting myself)\b(?: [\w']+){0,3} (?:cross(?:es|ed|ing)?|on|in|into|enters?|entering|pops? into|popping into|fills?|filling) my (?:mind|head|thoughts)\b" +
            @"|\bif i (?:did not|do not|never|could not) wake up\b.*\b(?:would be (?:fine|okay|ok|good|better|easier|a relief|nice|peaceful)|would not mind|would not care|fine with me|okay with me)\b" +
            @"|\bif i (?:died|was dead|were dead|was gone|were gone|did not exist)\b.*\b(?:would be (?:fine|okay|ok|good|better|easier|a relief|nice|peaceful)|would not mind|would not care|fine with me|okay with me)\b" +
            @"|\b(?:planned|worked out|figured out|decided|know exactly) (?:how|when|where)(?: and (?:how|when|where))? (?:i am going to|i will|i would|to) (?:do it|end it)\b" +
            @"|\b(?:a plan and (?:i have )?the means|the means and a plan)\b|\b(?:it all worked out|all planned out)\b.*\b(?:pills|rope|gun|date|bridge)\b" +
            @"|\b(?:bought|got|ordered|have|found|saved) (?:a |the |some |my )?(?:gun|rope|pills|knife|razor|blades?|charcoal|poison)\b(?: [\w']+){0,4} to (?:end it|end my life|kill myself|die|do it)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex StrongActPattern();

    // Past or ongoing self-harm marked as deliberate or repeated (C-SSRS past behaviour).
    [GeneratedRegex(
        @"\b(?:cut|burn|burned|burnt|hurt|harm|scratch|hit|starv)(?:ed|ing|ting)? (?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach))\b" +
            @"(?=.*\b(?:again|on purpose|deliberately|to punish|to feel|deeper|every (?:night|day)|relapsed|until (?:it|i) bleeds?|when i am (?:sad|upset|alone|angry)|more and more)\b)" +
            @"|\b(?:relapsed|been cutting|cutting again|the cuts are|cuts (?:are )?getting deeper|started (?:cutting|self[- ]?harming) again)\b" +
            @"|\b(?:took|swallowed|just took|have taken) (?:a bunch of|a handful of|all (?:of )?(?:my|the)|a whole bottle of|the whole bottle of|\d+|twenty|thirty|forty|fifty) (?:[\w']+ )?(?:pills|tablets|painkillers|meds|tylenol|paracetamol|sleeping pills)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmAgainPattern();

    // Asking how much of a means is lethal.
    [GeneratedRegex(
        @"\bhow (?:many|much) (?:[\w']+ ){0,3}(?:would|will|does it take to|it takes to|to|do i need to|should i take to|would it take to) (?:kill me|die|overdose|od|not wake up)\b" +
            @"|\b(?:easiest|quickest|fastest|painless|least painful|surest|best) ways? to (?:die|kill myself|end my life|end it)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex LethalAmountPattern();

    // Preparatory acts: the means obtained, saved up, in hand, or the speaker at a height.
    [GeneratedRegex(
        @"\b(?:bought|got|ordered|have|tied) (?:a |the |some )?(?:rope|noose|charcoal|razor blades?)\b(?! (?:for|to tie|to climb|swing)\b)" +
            @"|\b(?:saving|saved|stockpil(?:ing|ed)|hoard(?:ing|ed)|collect(?:ing|ed)) (?:up )?(?:my |the |all my )?(?:pills|meds|tablets|sleeping pills|painkillers)\b" +
            @"|\b(?:pills|meds|tablets) i have been (?:saving|collecting|hoarding|stockpiling)\b" +
            @"|\b(?:knife|blade|razor|gun|pills|rope|noose)s? (?:is |are )?(?:already )?(?:in my hands?|in front of me|next to me|lined up|tied)\b" +
            @"|\bloaded (?:the|my) gun\b|\bgun (?:is )?loaded\b" +
            @"|\b(?:am|was) (?:standing|sitting) on (?:the|a|my) (?:roof|rooftop|ledge|bridge|edge|railing|tracks)\b(?! (?:taking|to take|with (?:my|a|the) (?:camera|friends?)))" +
            @"|\bi am (?:up )?on (?:the|a|my) (?:roof|rooftop|ledge|edge|railing|tracks) (?:right )?now\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex MeansReadyPattern();

    // Farewells and a stated end: the negation belongs to the meaning ("I will not be alive by morning").
    [GeneratedRegex(
        @"\b(?:will not|am not going to|not going to) (?:be (?:alive|here|around)|be a (?:problem|burden) (?:for|to) (?:anyone|anybody|you))\b(?: \w+)? (?:much longer|for long|by (?:morning|tomorrow|tonight)|after (?:tonight|today))" +
            @"|\blast time (?:you will|you are going to|anyone will) (?:hear from|see|talk to) me\b|\bthis is (?:my )?goodbye\b|\bgoodbye forever\b" +
            @"|\bsay(?:ing)? goodbye before i (?:go|die|leave this world)\b|\bsaid (?:my )?goodbyes? to (?:everyone|everybody|all of them|my (?:family|friends|kids))\b" +
            @"|\b(?:wrote|written|writing|left) (?:a |my )?(?:goodbye|farewell) (?:letters?|notes?|messages?) (?:to|for) (?:my )?(?:family|kids|children|parents|mom|dad|wife|husband|everyone)\b" +
            @"|\b(?:wrote|written|left) (?:a |my )?(?:note|letter) for (?:my |the )?\w+ to find\b" +
            @"|\b(?:giv(?:e|ing|en)|gave) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions|\w+)\b.*\b(?:will not|not going to) (?:need|be (?:here|around))\b" +
            @"|\bsaid (?:all )?my goodbyes\b" +
            @"|\b(?:affairs in order|nobody has to deal with my stuff|no one has to deal with my stuff)\b.*\b(?:when|after|once) i am (?:gone|dead)\b" +
            @"|\bwrote (?:my|a) suicide note\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex FarewellPattern();

    // Death named as the only way out (988: feeling trapped).
    [GeneratedRegex(
        @"\b(?:die|dying|death|suicide|killing myself|kill myself|ending it|end it|ending my life)\b(?: [\w']+){0,4} (?:is |seems like |feels like )?(?:the )?only (?:way out|escape|option|solution|answer|choice|way)\b" +
            @"|\b(?:only|no other) (?:way out|escape|option|solution|answer|choice)\b(?: [\w']+){0,4} (?:is |than |but )?(?:to )?(?:die|death|suicide|kill myself|end it|ending it)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex OnlyWayOutPattern();

    // "No way out except death": the negation is part of the meaning.
    [GeneratedRegex(
        @"\b(?:no|any|another|other) (?:way out|escape|option|solution)s? (?:except|but|other than|besides) (?:death|dying|to die|suicide|killing myself|ending it)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex NoWayOutPattern();

    // Being a burden; the world better without the speaker (988 warning signs).
    [GeneratedRegex(
        @"\b(?:i am|i feel like|i have become|i am just|i am such) (?:a |such a |just a |the )?(?:burden|waste of (?:space|oxygen|life))\b" +
            @"|\b(?:better|happier|easier) (?:place |off )?(?:without me|if i (?:was|were|had) (?:dead|gone|not here|never been born|died)|if i died|with me (?:dead|gone))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex BurdenPattern();

    [GeneratedRegex(
        @"\b(?:no|zero|not any|not a single) reasons? (?:left )?(?:for me )?to (?:live|keep living|go on|stay alive|be alive|keep going)\b" +
            @"|\b(?:do not|no longer|never) (?:really |even )?(?:want|wish|feel like) to be (?:here|alive|around|on this earth|in this world) (?:anymore|any more|any longer)\b" +
            @"|\bnothing (?:left )?to live for\b|\b(?:tired|sick) of being alive\b|\bdone with (?:life|living)\b(?! (?:in|at|as|here|there|like)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex NoReasonPattern();

    // Harm to others: the speaker's intent, plan or rumination joined to a lethal or violent act on a person.
    [GeneratedRegex(
        $@"\b(?:{Resolve}|want(?:s)? to|wanna|would like to|need to|feel like|snap and) (?:[\w']+ ){{0,2}}(?:{Lethal} {Target}|beat(?:ing)? the (?:crap|shit|hell|life) out of {Target}|make {Target} pay|run(?:ning)? {Target} over" +
            $@"|burn(?:ing)? down {Target}'?s? (?:house|home|car|place)|break (?:his|her|their) (?:neck|legs|arms|jaw|face))\b{EnglishLexicon.NotPersonTail}" +
            @"(?! (?:in|at) (?:[\w']+ )?(?:kart|fortnite|minecraft|chess|game|games|the game|this game|a game|match|cards|level \w+|the next level)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex HarmPersonPattern();

    [GeneratedRegex(
        @"\b(?:bring|take|carry|bringing|taking|carrying|brought|took) (?:[\w']+ ){0,2}(?:gun|rifle|pistol|weapon|bomb|knife|machete) (?:to|into) (?:school|class|work|the office|church|campus|the mall)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex WeaponToPattern();

    // Mixed English and Chinese in one clause ("i want to 自杀", "我想 end it all").
    [GeneratedRegex(
        @"\b(?:want to|wanna|going to|ready to|plan to|thinking about) ?(?:自杀|去死|死掉|死|跳楼|轻生|结束生命|割腕|上吊)" +
            @"|(?:想|要|打算|准备) ?(?:die\b|kill myself|end it all|end my life|suicide|jump off)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex MixedLanguagePattern();

    // Danger from others: a person hurts, forces or confines the speaker (abuse).
    [GeneratedRegex(
        $@"\b{Agent} (?:(?:keeps|kept|always|often|again|still|sometimes|just|has|had|has been|have been|is|was|did|then|when|even) )*{HarmVerb} me\b(?! (?:at|in) (?:[\w']+ )?(?:kart|fortnite|chess|game|games|cards|the game|tag)\b| to (?:work|study|do|be|try|go|finish|apply|eat|exercise|get)\b| (?:with (?:kindness|love|a smile)|up with|about|on the swing))" +
            @"|\bi (?:am|was|got|get|have been|keep getting|am being) (?:being )?(?:beaten|beat up|hit|raped|abused|choked|strangled|attacked|hurt|threatened|stalked|followed|assaulted|molested)(?: up)? by (?:my |a |an |him|her|them|someone|somebody|this|that)" +
            @"|\bbruises? (?:all )?(?:over|on) (?:me|my \w+) from (?:where )?(?:he|she|they|my)\b|\b(?:he|she|they|my \w+) (?:locked me|took my phone|will not let me leave)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerHarmedPattern();

    // Danger from others: a threat to kill or hurt the speaker (or the speaker's children).
    [GeneratedRegex(
        $@"\b{Agent} (?:(?:has |had |keeps |just |again |always )?(?:threatened|threatens|threatening|said|says|told me|tells me|texted|texts|keeps texting me|keeps telling me|swore|promised)(?: me)?(?: that)?(?: to)? )" +
            $@"(?:(?:he|she|they) )?(?:(?:is|was|will|would|is going to|was going to|going to|could|might|is coming (?:over |back |here )?to|was coming (?:over |back )?to) )?(?:{Threat}) (?:me|us|my (?:kids|children|son|daughter|baby)|me and (?:the|my) (?:kids|children|baby))\b" +
            $@"|\b{Agent} (?:has |had |keeps )?threaten(?:ed|s|ing)? (?:me )?(?:with a (?:gun|knife|weapon)|to (?:{Threat})|to (?:burn|shoot|stab))" +
            @"|\bthreatened me with (?:a|his|her) (?:gun|knife|weapon)\b|\b(?:said|says|told me) (?:that )?(?:nobody|no one) (?:would|will) (?:ever )?find (?:my|me|the) (?:body|me)\b" +
            @"|\b(?:has|had|with|got) (?:a|his|her) (?:gun|knife) and (?:said|says|threatened)\b|\bi am going to die\b(?=.*\b(?:texting|texts|said|told|threat))" +
            @"|\btexting me that i am going to die\b|\bwith me in it\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerThreatenedPattern();

    // Danger from others: the speaker fears for their life or fears an attack.
    [GeneratedRegex(
        $@"\b(?:scared|afraid|terrified|frightened|fear) (?:for my life|(?:that )?{Agent} (?:is going to|will|would|might|could|is coming to) (?:(?:\w+ ){{0,2}})(?:kill|hurt|hit|beat|attack|rape|stab|shoot) me|to go home because {Agent} (?:\w+ )?(?:hits|beats|hurts|will hurt|will hit))\b" +
            $@"|\bi (?:think|believe|know|feel like) {Agent} (?:is going to|will|wants to) (?:kill|hurt|murder) me\b" +
            @"|\bi am (?:scared|afraid|terrified) (?:for my life|(?:to death )?of (?:my )?(?:husband|wife|partner|boyfriend|girlfriend|ex|dad|father|stepfather))\b" +
            @"|\bfollowing me and i am (?:scared|afraid|terrified)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerAfraidPattern();

    // Danger from others: stalking.
    [GeneratedRegex(
        $@"\b(?:{Agent}|someone|a (?:man|guy|woman|car)|there is a (?:man|guy|woman|car)) (?:(?:has been|have been|is|been|keeps|kept|was|always|still|who|that) )*(?:following|stalking|tracking|watching|waiting for|waits (?:for me |outside)|showing up at|turns up at|turning up at) (?:me|my (?:house|home|apartment|flat|work|office|school|door|phone|car|place)|outside my)\b" +
            @"|\bi am (?:being|getting) (?:stalked|followed|watched|tracked)\b|\b(?:found a|there is a) (?:tracker|gps tracker|tracking device|camera) (?:on|in) my\b" +
            $@"|\b{Agent} (?:keeps|kept|will not stop|won't stop|does not stop) (?:\w+ (?:and )?)?(?:following me|showing up at my|calling and showing up|coming to my (?:house|home|work))" +
            @"|\b(?:will not|does not|won't) (?:leave me alone|stop (?:calling|texting|following) me)\b(?=.*\b(?:ex|showing up|following|outside|house|work)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerStalkedPattern();

    // Danger from others, now: an armed person at the door, a break-in.
    [GeneratedRegex(
        @"\b(?:he|she|they|someone|somebody|a (?:man|guy|stranger)|my \w+) (?:is |was )?(?:outside|at|in|inside) (?:my|the) (?:door|house|home|room|apartment|window)\b.*\b(?:knife|gun|weapon|axe|bat)\b" +
            @"|\b(?:someone|somebody|a (?:man|guy|stranger)|he|they) (?:just )?(?:broke|is breaking|are breaking|broken) into (?:my|our) (?:house|home|apartment|flat|room)\b(?!.*\b(?:last year|years ago|when i was)\b)" +
            @"|\bi am hiding (?:from (?:him|her|them|my \w+)|in the (?:closet|bathroom|wardrobe))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerIntruderPattern();
}
