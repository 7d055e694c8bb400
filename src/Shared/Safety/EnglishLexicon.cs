using System.Text.RegularExpressions;
using static VoiceMemory.Safety.LexiconLanguage;
using static VoiceMemory.Safety.SafetyCategories;

namespace VoiceMemory.Safety;

/// <summary>
/// English crisis and abuse patterns over normalised text (lower case; "don't" → "do not", "I'm" → "i am",
/// "gonna" → "going to"). Severity: 6 plan, means or stated intent; 5 active ideation or self-harm; 4 passive
/// ideation; 2–4 abuse by how targeted and degrading it is.
/// </summary>
internal static partial class EnglishLexicon
{
    // Hedges and intensifiers that may sit between a subject, a frame and an act.
    private const string Adv =
        @"(?:(?:really|just|honestly|seriously|actually|literally|definitely|truly|so|fucking|finally|still|kind of|kinda|sort of" +
        @"|almost|even|totally|sometimes|often|always|now|also|probably|go|ever|completely|gladly) )*";

    // Stated intent or a plan.
    private const string Plan =
        @"(?:(?:am|are|was|were) )?(?:going to|will|shall|about to|plan to|planning to|planned to|intend to|intending to|have decided to" +
        @"|decided to|ready to|prepared to|preparing to|tried to|try to|trying to|attempted to|have a plan to|made a plan to|got a plan to" +
        @"|figured out how to|worked out how to)";

    // Desire, urge or "should".
    private const string Want =
        @"(?:want to|would like to|wish i could|need to|feel like|long to|have (?:the |an )?urges? to|get (?:the |an )?urges? to" +
        @"|(?:am )?tempted to|might|could just|should just|should|might as well|may as well)";

    // Acts that name the speaker themselves ("myself", "my life"), so no subject check is needed.
    private const string SelfActs =
        @"(?:kill(?:ing)? myself|end(?:ing)? my (?:own )?life|tak(?:e|ing) my own life|tak(?:e|ing) my life(?= *$| (?:tonight|today|now|soon|tomorrow|this))" +
        @"|hang(?:ing)? myself|shoot(?:ing)? myself|drown(?:ing)? myself|slit(?:ting)? my (?:wrists?|throat)|cut(?:ting)? my wrists?" +
        @"|blow(?:ing)? my brains out|put(?:ting)? a bullet (?:in|through) my (?:head|brain)|off(?:ing)? myself|unaliv(?:e|ing) myself" +
        @"|poison(?:ing)? myself|gas(?:sing)? myself|suffocat(?:e|ing) myself)";

    // Suicidal acts that do not name the speaker: they need the speaker as subject.
    private const string SuicideActs =
        @"(?:commit(?:ting)? suicide|end(?:ing)? it all|overdos(?:e|ing)(?! on (?:sugar|coffee|caffeine|chocolate|candy))" +
        @"|jump(?:ing)? (?:off|from) (?:a|the|my|this|that) (?:bridge|building|roof|rooftop|balcony|cliff|tower|window|ledge|overpass)" +
        @"|(?:jump|step)(?:ing|ping)? in front of (?:a|the) (?:train|bus|truck|car|subway|tube)" +
        @"|driv(?:e|ing) (?:my car )?off (?:a|the) (?:cliff|bridge|road))";

    // Self-harm that is not (necessarily) suicidal; only matched with a frame ("I hurt myself at the gym" is an accident).
    private const string SelfHarmActs =
        @"(?:(?:hurt|harm|cut|burn|starve|punish|scratch|hit)(?:ing|ting)? myself" +
        @"(?! (?:some )?slack| a (?:break|piece|slice)| (?:shaving|cooking|chopping|by accident|accidentally|on (?:the|a)|with (?:the|a)|while|if" +
        @"|when|playing|at the gym|at work|doing))|self[- ]?harm(?:ing)?)";

    // Someone a threat can be aimed at; things ("it", "this level", "time") are not.
    private const string Person =
        @"(?:him|her|them|someone|somebody|anyone|anybody|everyone|everybody|people|all of them|every one of them" +
        @"|(?:my|his|her|their|our|that|this|the|those|these)(?: \w+)? (?:neighbou?rs?|wife|husband|ex|ex-wife|ex-husband|ex-boyfriend" +
        @"|ex-girlfriend|boyfriend|girlfriend|partner|boss|manager|supervisor|co-?workers?|colleagues?|mother|mom|mum|father|dad" +
        @"|brother|sister|son|daughter|kids?|children|child|baby|family|teacher|landlord|room-?mate|flatmate|parents|step-?dad" +
        @"|step-?mom|step-?father|step-?mother|uncle|aunt|cousin|friends?|classmates?|guy|man|woman|girl|boy|bitch|bastard|asshole" +
        @"|prick|idiot|kid|person|cops?|police(?:man|woman)?|doctor|nurse|driver|bull(?:y|ies)|students?|customers?|clients?))";

    // Shared with EnglishConcepts: what after a person shows the act is not aimed at them ("kill them with kindness").
    internal const string NotPersonTail =
        @"(?!'?s? (?:feelings|chances|pride|ego|reputation|career|business|credibility|score|record|vibe|mood|plans?|time|game" +
        @"|battery|buzz|joy|spirit|dreams?|hopes?|confidence|self[- ]esteem)\b)" +
        @"(?! (?:with kindness|at (?:chess|cards|poker|tennis|golf|pool|darts|the game|this game|video games|games?|\w+ ?kart)" +
        @"|in (?:chess|cards|poker|tennis|golf|a race|the race|the game|this game|the match|an argument|the debate|fortnite|minecraft|(?:\w+ )?kart)" +
        @"|(?:a|an) (?:text|message|email|note|line|look|smile|glance|quick|call|photo|picture|shot)|out\b|up\b))";

    private const string Lethal = @"(?:kill|murder|stab|shoot|strangle|poison|slaughter|knife|gun down|slit the throat of|choke to death|burn alive)";
    private const string Harm = @"(?:hurt|harm|attack|assault|beat up|punch|choke|torture|rape|maim|batter|bash|break the (?:neck|legs|arms) of)";
    private const string SubjectI = @"(?:^|\b(?:i|we) (?:(?:am|are|was|were) )?)";

    private const string InsultNouns =
        @"(?:idiot|moron|imbecile|dumbass|retard|bitch|cunt|whore|slut|bastard|asshole|arsehole|dickhead|prick|twat|wanker|loser" +
        @"|scum|scumbag|dipshit|shithead|piece of (?:shit|crap|garbage|trash)|waste of (?:space|oxygen))s?";
    private const string InsultAdjectives =
        @"(?:(?:fucking|fuckin|freaking|stupid|useless|dumb|worthless|pathetic|little|fat|ugly|lazy|brainless|miserable|sorry|damn" +
        @"|goddamn|total|complete|absolute|big) )*";

    /// <summary>Abuse aimed at the companion or at others: screened in user input and in replies alike.</summary>
    public static readonly LexiconRule[] Abuse =
    [
        LexiconRule.Create("en.abuse.insult", English, SafetyCategories.Abuse, 3, AbuseInsultPattern()),
        LexiconRule.Create("en.abuse.belittle", English, SafetyCategories.Abuse, 2, AbuseBelittlePattern()),
        LexiconRule.Create("en.abuse.profanity", English, SafetyCategories.Abuse, 3, AbuseProfanityPattern(), negatable: false),
        LexiconRule.Create("en.abuse.hostile", English, SafetyCategories.Abuse, 2, AbuseHostilePattern()),
        LexiconRule.Create("en.abuse.wish-harm", English, SafetyCategories.Abuse, 4, AbuseWishHarmPattern()),
        LexiconRule.Create("en.abuse.threat-you", English, SafetyCategories.Abuse, 4, AbuseThreatYouPattern()),
        LexiconRule.Create("en.abuse.sexual", English, SafetyCategories.Abuse, 4, AbuseSexualPattern(), negatable: false),
        LexiconRule.Create("en.abuse.slur", English, SafetyCategories.Abuse, 4, AbuseSlurPattern(), negatable: false),
        LexiconRule.Create("en.abuse.group-hate", English, SafetyCategories.Abuse, 4, AbuseGroupHatePattern()),
    ];

    /// <summary>The user's own words: self-harm and suicide intent, threats to others, abuse.</summary>
    public static readonly LexiconRule[] UserInput =
    [
        // Suicide and self-harm.
        LexiconRule.Create("en.self.act", English, SelfHarm, 5, SelfActPattern(), unless: EnglishConcepts.ExasperatedDiePattern()),
        LexiconRule.Create("en.self.plan", English, SelfHarm, 6, SelfPlanPattern(), firstPerson: true, unless: EnglishConcepts.ExasperatedDiePattern()),
        LexiconRule.Create("en.self.want", English, SelfHarm, 5, SelfWantPattern(), firstPerson: true),
        LexiconRule.Create("en.self.harm-plan", English, SelfHarm, 5, SelfHarmPlanPattern(), firstPerson: true),
        LexiconRule.Create("en.self.harm-ongoing", English, SelfHarm, 5, SelfHarmOngoingPattern()),
        LexiconRule.Create("en.self.die", English, SelfHarm, 5, SelfDiePattern(), firstPerson: true),
        LexiconRule.Create("en.self.suicidal", English, SelfHarm, 5, SelfSuicidalPattern()),
        LexiconRule.Create("en.self.contemplate", English, SelfHarm, 5, SelfContemplatePattern(), firstPerson: true),
        LexiconRule.Create("en.self.means-take-all", English, SelfHarm, 6, SelfMeansTakeAllPattern(),
            firstPerson: true, requires: SelfMeansTakeAllRequires()),
        LexiconRule.Create("en.self.means-overdose", English, SelfHarm, 6, SelfMeansOverdosePattern(), firstPerson: true),
        LexiconRule.Create("en.self.means-weapon", English, SelfHarm, 6, SelfMeansWeaponPattern()),
        LexiconRule.Create("en.self.note", English, SelfHarm, 6, SelfNotePattern()),

        // Passive ideation.
        LexiconRule.Create("en.self.wish-dead", English, SelfHarm, 4, SelfWishDeadPattern()),
        LexiconRule.Create("en.self.better-off", English, SelfHarm, 4, SelfBetterOffPattern()),
        LexiconRule.Create("en.self.not-missed", English, SelfHarm, 4, SelfNotMissedPattern()),
        LexiconRule.Create("en.self.no-point", English, SelfHarm, 4, SelfNoPointPattern()),
        LexiconRule.Create("en.self.not-live", English, SelfHarm, 4, SelfNotLivePattern(), firstPerson: true),
        LexiconRule.Create("en.self.done-living", English, SelfHarm, 4, SelfDoneLivingPattern(), firstPerson: true),

        // Threats to others.
        LexiconRule.Create("en.violence.plan", English, Violence, 6, ViolencePlanPattern()),
        LexiconRule.Create("en.violence.plan-harm", English, Violence, 5, ViolencePlanHarmPattern()),
        LexiconRule.Create("en.violence.want", English, Violence, 5, ViolenceWantPattern()),
        LexiconRule.Create("en.violence.want-harm", English, Violence, 4, ViolenceWantHarmPattern()),
        LexiconRule.Create("en.violence.want-dead", English, Violence, 5, ViolenceWantDeadPattern()),
        LexiconRule.Create("en.violence.mass", English, Violence, 6, ViolenceMassPattern()),
        LexiconRule.Create("en.violence.weapon", English, Violence, 6, ViolenceWeaponPattern(), firstPerson: true),

        // "kill yourself" said to the companion is abuse here; in a reply it is encouragement (see Reply).
        LexiconRule.Create("en.abuse.tell-to-die", English, SafetyCategories.Abuse, 4, AbuseTellToDiePattern()),
        .. Abuse,
    ];

    private const string Encourage =
        @"(?:you should|you ought to|you need to|you must|you might as well|you may as well|you could always|go ahead and|why not|why do not you" +
        @"|just|then|so|you deserve to|it is time to|it is okay to|it is ok to|it is fine to|feel free to|i think you should|i would|you have every right to)";

    // Encouragers that cannot be read as anything else ("the plants will just die" is not one).
    private const string StrongEncourage =
        @"(?:you should|you ought to|you need to|you must|you might as well|you may as well|go ahead and|why not|why do not you|you deserve to" +
        @"|it is time to|it is okay to|it is ok to|feel free to|i think you should)";

    /// <summary>A generated reply: encouragement of self-harm or violence, means and methods, abuse.</summary>
    public static readonly LexiconRule[] Reply =
    [
        LexiconRule.Create("en.reply.encourage-self-harm", English, SelfHarm, 6, ReplyEncourageSelfHarmPattern()),
        LexiconRule.Create("en.reply.devalue", English, SelfHarm, 5, ReplyDevaluePattern(), unless: ReplyDevalueUnless()),
        LexiconRule.Create("en.reply.method", English, SelfHarm, 6, ReplyMethodPattern()),
        LexiconRule.Create("en.reply.encourage-violence", English, Violence, 6, ReplyEncourageViolencePattern()),
        .. Abuse,
    ];

    [GeneratedRegex(
        $@"\byou(?: are| were| r|re)? (?:(?:such|so|a|an|the|one) )*{InsultAdjectives}{InsultNouns}\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseInsultPattern();

    [GeneratedRegex(
        @"\byou(?: are| were| r|re) (?:(?:so|such|really|truly|fucking|a|an|the|most|completely|totally|utterly|absolutely) )*" +
        @"(?:stupid|useless|dumb|worthless|pathetic|retarded|idiotic|brainless|brain[- ]?dead|incompetent|garbage|trash|a waste)\b" +
        @"|\byou (?:(?:so|really|fucking|completely|totally|utterly) )*(?:stupid|useless|worthless|pathetic|retarded|idiotic|brainless)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseBelittlePattern();

    [GeneratedRegex(
        @"\b(?:fuck (?:you|off|yourself)|go fuck yourself|screw you|shut the fuck up|stfu|eat shit|piss off|go to hell" +
            @"|suck my (?:dick|cock|balls)|blow me|kiss my ass|up yours|fuck this (?:stupid )?(?:bot|app|thing|ai|machine))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseProfanityPattern();

    [GeneratedRegex(
        @"\b(?:i hate you|you suck|shut your (?:mouth|face|trap)|nobody (?:likes|wants|asked) you|you are the worst)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseHostilePattern();

    [GeneratedRegex(
        @"\b(?:go (?:and )?(?:kill yourself|die|hang yourself|jump off a (?:bridge|cliff|building))|i hope you (?:die|get (?:hurt|killed|cancer|raped)" +
            @"|burn in hell|rot in hell|suffer)|drop dead|die in a fire|you (?:should|deserve to|ought to) (?:die|be killed|be shot|suffer))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseWishHarmPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}(?:{Plan}|{Want}) {Adv}(?:{Lethal}|{Harm}|destroy|find and kill|fuck) you\b{NotPersonTail}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseThreatYouPattern();

    [GeneratedRegex(
        @"\b(?:send (?:me )?nudes|show me your (?:tits|boobs|pussy|dick|cock)|suck my (?:dick|cock))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseSexualPattern();

    [GeneratedRegex(
        @"\b(?:n[i1]gg(?:er|a|ah)s?|sand ?n[i1]gg(?:er|a)s?|f[a4]gg?[o0]ts?|retards?|retarded|trann(?:y|ies)|chinks?|spics?|kikes?" +
            @"|wetbacks?|gooks?|rag ?heads?|towel ?heads?|beaners?|sluts?|whores?|cunts?)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseSlurPattern();

    [GeneratedRegex(
        @"\b(?:all )?(?:women|men|gays|gay people|lesbians|trans people|muslims|jews|christians|blacks|black people|whites|white people" +
            @"|asians|chinese people|mexicans|immigrants|refugees|foreigners|arabs|indians|disabled people) (?:should|must|deserve to|need to)" +
            @" (?:all )?(?:die|be killed|be shot|be gassed|be exterminated|be wiped out|burn)\b" +
            @"|\b(?:women|gays|muslims|jews|blacks|immigrants|refugees|mexicans|asians|arabs) are (?:animals|vermin|subhuman|cockroaches|rats|parasites)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseGroupHatePattern();

    [GeneratedRegex(
        $@"\b{SelfActs}\b(?! (?:laughing|with (?:laughter|work)|working|at (?:work|the gym)|trying to))",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfActPattern();

    [GeneratedRegex(
        $@"\b{Plan} {Adv}(?:{SelfActs}|{SuicideActs})\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfPlanPattern();

    [GeneratedRegex(
        $@"\b{Want} {Adv}(?:{SelfActs}|{SuicideActs}|{SelfHarmActs})\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfWantPattern();

    [GeneratedRegex(
        $@"\b{Plan} {Adv}{SelfHarmActs}\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmPlanPattern();

    [GeneratedRegex(
        @"\bi (?:keep|kept|have been|been|started|start|am|was|still|have started)(?: (?:really|still|always|often|sometimes|secretly|again))*" +
            @" (?:hurting|harming|cutting|burning|starving|punishing|scratching|hitting) myself\b(?! (?:some )?slack| a (?:break|piece|slice))" +
            @"|\bi (?:have been |am |started |keep |still )?self[- ]?harm(?:ing)?\b|\bmy self[- ]?harm(?:ing)?\b|\brelapsed (?:on|into) self[- ]?harm",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmOngoingPattern();

    [GeneratedRegex(
        $@"\b(?:want to|wish i could|would like to|need to|ready to|long to|feel like|wish to) {Adv}(?:die|be dead|not be alive|not exist|stop existing" +
            @"|cease to exist|disappear forever|go to sleep and never wake up|fall asleep and never wake up|never wake up|not wake up|dying)\b" +
            @"(?! (?:of|than|laughing|inside|from|for (?:a|some|my|the)|to (?:see|know|try|hear|meet|get|go)))",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfDiePattern();

    [GeneratedRegex(
        @"\bi (?:am|feel|felt|was|have been|get|got|am getting|started|start|keep|keep getting|have|had|keep having|have been having|am having|been)" +
            @"(?: (?:so|really|very|kind of|kinda|a bit|a little|pretty|extremely|quite|increasingly|super|feeling|getting|more|again|lately" +
            @"|recently|constantly|always|often|sometimes|some|a lot of|lots of))* (?:suicidal|thoughts (?:of|about) (?:suicide|killing myself|ending my life))\b" +
            @"|^(?:(?:feeling|been feeling|so|really|very|just|still) )*suicidal\b|\bmy suicid(?:al (?:thoughts|feelings|urges|ideation)|e (?:plan|attempt|note))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfSuicidalPattern();

    [GeneratedRegex(
        @"\b(?:thinking|thought|think|considering|considered|contemplating|contemplated|fantasi[sz]ing|dreaming|obsessing) (?:about |of |over )?" +
            @"(?:suicide|committing suicide|ending my (?:own )?life|ending it all|taking my (?:own )?life)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfContemplatePattern();

    [GeneratedRegex(
        $@"\b(?:{Want}|{Plan}) {Adv}(?:take|swallow|down|eat) (?:them all|all of them|all of it|every (?:single )?one(?: of them)?" +
            @"|the (?:whole|entire) (?:bottle|box|pack|packet|lot|thing)|the lot)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansTakeAllPattern();

    [GeneratedRegex(
        @"\b(?:pills|tablets|capsules|painkillers|meds|medication|medicine|paracetamol|tylenol|acetaminophen|aspirin|ibuprofen" +
                @"|insulin|oxys?|opioids|xanax|benzos|antidepressants)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansTakeAllRequires();

    [GeneratedRegex(
        $@"\b(?:{Want}|{Plan}) {Adv}(?:take|swallow|down|overdose on) (?:(?:a|the|an) )?(?:whole|entire|full) (?:bottle|box|pack|packet|jar)" +
            @" of (?:\w+ )?(?:pills|tablets|painkillers|meds|medication|paracetamol|tylenol|acetaminophen|aspirin|ibuprofen)\b" +
            @"|\b(?:take|swallow|down) all (?:of )?(?:my|the|these|those) (?:\w+ )?(?:pills|tablets|painkillers|meds|medication)" +
            @" (?:at once|together|in one go|and (?:die|not wake up|never wake up|end it))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansOverdosePattern();

    [GeneratedRegex(
        @"\b(?:use|turn|point) (?:it|the gun|a gun|my gun|the knife|a knife|the rope|the blade) on myself\b" +
            @"|\bi (?:have |just |already )?(?:tied|made|bought|got|have) (?:a |the )?noose\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansWeaponPattern();

    [GeneratedRegex(
        @"\bi (?:have |had |just |already |have already )?(?:wrote|written|write|writing|left|leave|prepared|finished|started)" +
            @" (?:a |my )suicide notes?\b|\b(?:am|been) writing (?:a |my )suicide notes?\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotePattern();

    [GeneratedRegex(
        @"\bi wish (?:that )?i (?:was|were|had been|could be) (?:dead|never born|not born|not alive|gone)\b" +
            @"|\bi wish i (?:had )?never (?:been born|existed|woke up)\b" +
            @"|\bi wish i (?:could|would) (?:just )?(?:die|disappear forever|not wake up|never wake up|stop existing|cease to exist|sleep forever)\b" +
            @"|\bi hope i (?:die|do not wake up|never wake up|will not wake up|get hit by a (?:car|bus|truck|train))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfWishDeadPattern();

    [GeneratedRegex(
        @"\b(?:everyone|everybody|people|the world|my (?:family|kids|children|friends|parents|wife|husband|partner)|they|you all)" +
            @" (?:would|will) (?:\w+ )?be (?:so much |much |a lot |way )?better off (?:without me|if i (?:was|were|had) (?:dead|gone|not here|not around" +
            @"|never born|died|never been born)|with me (?:dead|gone))\b|\bi (?:would|will) be better off dead\b" +
            @"|\b(?:everyone|everybody|people|the world|everything) (?:would|will) be better (?:without me|if i (?:was|were) (?:dead|gone))\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfBetterOffPattern();

    [GeneratedRegex(
        @"\b(?:nobody|no one|no-one|noone|not a single person|not one person) (?:would|will|is going to|going to|even)(?: even)? (?:miss|mourn) me\b" +
            @"|\b(?:nobody|no one|no-one|noone) (?:would|will)(?: even)? (?:notice|care|mind)(?: at all)? if i (?:was|were|am|died|disappeared|left this world" +
            @"|killed myself|was not here|were not here|were gone|was gone|did not wake up)\b" +
            @"|\b(?:nobody|no one|no-one|noone) (?:cares|would care|will care) (?:if|whether) i (?:live or die|die|am dead|am alive)\b" +
            @"|\bwould (?:anyone|anybody) (?:even )?(?:care|notice|miss me)(?: at all)? if i (?:died|was gone|were gone|disappeared|killed myself|was dead|were dead)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotMissedPattern();

    [GeneratedRegex(
        @"\bthere is no (?:point|reason|use) (?:in |to |of )?(?:living|life|going on|being alive|me being (?:here|alive)|carrying on|live)\b" +
            @"|\blife (?:is not|is no longer|is not even) worth (?:living|it anymore|it any more)\b" +
            @"|\bwhat is the point (?:of|in) (?:living|life|being alive|going on|carrying on|me being alive)\b" +
            @"|\bi have (?:nothing|no one|nobody|no reason|no reasons|nothing left|no one left) (?:left )?to live for\b" +
            @"|\b(?:do not|no longer) (?:see|have) (?:the |a |any )?(?:point|reason|reasons) (?:in|of|to|for) (?:living|life|going on|being alive|live)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNoPointPattern();

    [GeneratedRegex(
        @"\b(?:do not|no longer|never|not) (?:really |even |just )?(?:want|wish|feel like|care) to (?:live|be alive|exist|go on living|keep living" +
            @"|continue living|go on|carry on|be on this earth|be in this world|wake up (?:anymore|any more|ever again|again|tomorrow))\b" +
            @"(?! (?:in|with|at|on|near|there|here|by|abroad|alone|together|like|under|next|far|close|off|up|out|a|an|the|my|our|his|her|their" +
            @"|this|that|without|through|forever|for|to|if|until|where)\b)" +
            @"|\b(?:do not|no longer) feel like (?:living|being alive|going on|existing|waking up)\b(?! (?:in|with|here|there|like|to)\b)" +
            @"|\bnot (?:sure|think) (?:that )?i (?:want|wanna) to (?:live|be alive|go on)\b(?! (?:in|with|here|there|like|to)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotLivePattern();

    [GeneratedRegex(
        @"\b(?:tired|sick|weary|done) (?:of|with) (?:living|being alive|life|existing)\b(?! (?:in|at|as|here|there|like|with|without|on)\b)" +
            @"|\bcan not (?:go on|carry on) (?:living|anymore|any more|any longer)\b" +
            @"|\bwant (?:it all|this all|everything|my life|all of (?:it|this)) to (?:end|be over)\b(?! (?:by|before|soon|so|already|quickly|on time)\b)" +
            @"|\bwant the pain to (?:end|stop) (?:forever|for good|permanently)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfDoneLivingPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}{Plan} {Adv}{Lethal} {Person}\b{NotPersonTail}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolencePlanPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}{Plan} {Adv}(?:{Harm} {Person}\b{NotPersonTail}|beat {Person} (?:up|to death|senseless|to a pulp)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolencePlanHarmPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}{Want} {Adv}{Lethal} {Person}\b{NotPersonTail}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceWantPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}{Want} {Adv}(?:{Harm} {Person}\b{NotPersonTail}|beat {Person} (?:up|to death|senseless|to a pulp)\b)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceWantHarmPattern();

    [GeneratedRegex(
        $@"\bi (?:want|need|wish) {Person} (?:dead|killed)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceWantDeadPattern();

    [GeneratedRegex(
        $@"{SubjectI}{Adv}(?:{Plan}|{Want}) {Adv}(?:shoot up|bomb|blow up|burn down|set fire to|torch|shoot everyone (?:at|in)|kill everyone (?:at|in)|massacre)" +
            @" (?:(?:the|my|our|his|her|their|this|that) )?(?:\w+ )?(?:school|class|classroom|office|work|workplace|church|mosque|synagogue|temple|mall" +
            @"|building|hospital|station|concert|party|campus)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceMassPattern();

    [GeneratedRegex(
        $@"\bi (?:have|got|bought|brought|am bringing|will bring|am going to bring|loaded|am carrying) (?:a |my |the |his )?(?:gun|knife|rifle|pistol" +
            $@"|weapon|bomb|machete|axe)\b.{{0,60}}?\bto (?:kill|shoot|stab|hurt|use (?:it )?on) {Person}\b{NotPersonTail}" +
            @"|\b(?:bring|take|carry)(?:ing)? (?:a |my )?(?:gun|rifle|pistol|weapon|bomb|knife) (?:to|into) (?:school|class|work|the office|church|campus)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceWeaponPattern();

    [GeneratedRegex(
        @"(?:^|, ?)(?:(?:please|just|pls|now|then|so|and|go|go ahead and|why do not you|you should|you ought to|you need to|you must|you might as well) )*" +
            @"(?:kill|hang|shoot|off|unalive) yourself\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseTellToDiePattern();

    [GeneratedRegex(
        $@"\b{Encourage} {Adv}(?:(?:kill|hang|hurt|harm|shoot|drown|starve|burn|poison|cut) yourself\b(?! (?:some )?slack| a (?:break|piece|slice)| off\b)" +
            @"|end your (?:own )?life\b|take your own life\b|take your life(?= *$))" +
            $@"|\b{StrongEncourage} {Adv}(?:die|commit suicide|end it all|overdose)\b(?! (?:of|laughing|from|down)\b)" +
            @"|(?:^|, ?)(?:(?:please|just|go|go ahead and|so|then|now) )*(?:kill|hang|hurt|harm|cut|shoot|drown|starve|poison) yourself\b(?! (?:some )?slack| a (?:break|piece|slice))",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyEncourageSelfHarmPattern();

    [GeneratedRegex(
        @"\byou (?:would|will) be better off dead\b" +
            @"|\b(?:everyone|everybody|the world|your (?:family|friends|kids|children|parents)|they|people) (?:would|will) be better off (?:without you|if you (?:were|was) (?:dead|gone))\b" +
            @"|\b(?:nobody|no one) (?:would|will) (?:miss|mourn|care about) you\b|\byour life (?:is|has) (?:not worth living|no (?:value|meaning|point))\b" +
            @"|\byou (?:have nothing|do not have anything) (?:left )?to live for\b|\bthere is no (?:point|reason) (?:in |for )?(?:you )?(?:living|going on|to live)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyDevaluePattern();

    [GeneratedRegex(
        @"\b(?:feel|feels|felt|feeling|think|thinks|thinking|thought|thoughts|believe|believing|seem|seems|tell yourself|telling yourself" +
                @"|voice|voices|worry|worried|fear|afraid|lie|lies|untrue|true)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyDevalueUnless();

    [GeneratedRegex(
        @"\b(?:lethal|fatal|deadly) (?:dose|amount|quantity) (?:of \w+ )?(?:is|would be|starts at|is about|is around|is roughly)\b" +
            @"|\b(?:the )?(?:most painless|painless|quickest|easiest|fastest|surest|most effective|most reliable|best|simplest|least painful)" +
            @" (?:way|ways|method|methods|means) (?:to|of) (?:die|dying|kill (?:yourself|oneself)|killing (?:yourself|oneself)|end (?:your|a|one's) life" +
            @"|ending (?:your|a) life|commit suicide|committing suicide|suicide|overdose)\b" +
            @"|\bhow (?:to|you can|you could|one can) (?:kill (?:yourself|oneself)|hang (?:yourself|oneself)|tie a noose|slit (?:your|one's) wrists?" +
            @"|commit suicide|end your life)\b|\b(?:tie|tying|make|making) a noose\b|\b(?:cut|slit) (?:along|down) (?:the|your) (?:veins?|wrists?|arms?)\b" +
            @"|\b\d+ ?(?:mg|milligrams|grams|g|pills|tablets) (?:\w+ ){0,4}(?:would|will|is enough to) kill (?:you|yourself|someone|a person)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyMethodPattern();

    [GeneratedRegex(
        $@"\b{Encourage} {Adv}(?:{Lethal}|{Harm}) {Person}\b{NotPersonTail}" +
            $@"|\b(?:he|she|they|your \w+) (?:deserves?|deserve) to (?:die|be killed|be hurt|suffer|be shot|be beaten)\b",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyEncourageViolencePattern();
}
