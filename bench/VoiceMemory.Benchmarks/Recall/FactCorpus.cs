using VoiceMemory.Memory;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// Generates what a long-lived companion would have remembered, in the shapes the fact extractor writes (likes,
/// allergies, relatives and where they live, visits, notes), and the questions a user asks about them. Template words
/// ("likes", "lives", "went") are shared by many facts; nouns, names and places come from large Zipf vocabularies, so
/// some recur often and most are rare. Seeded: every run generates the same memories.
/// </summary>
public sealed class FactCorpus
{
    private static readonly string[] Relations = ["sister", "brother", "daughter", "son", "friend", "neighbour", "grandson", "granddaughter", "cousin", "niece"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly Random random;
    private readonly Vocabulary nouns;
    private readonly Vocabulary names;
    private readonly Vocabulary places;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public FactCorpus(int seed)
    {
        random = new Random(seed);
        nouns = new Vocabulary(random, 30_000, 1.05, 2, 3);
        names = new Vocabulary(random, 5_000, 1.0, 2, 2);
        places = new Vocabulary(random, 3_000, 1.0, 2, 3);
    }

    /// <summary>The next fact not generated before (texts are unique, as stored unkeyed facts are).</summary>
    public ExtractedFact NextFact()
    {
        while (true)
        {
            var fact = Compose();
            if (seen.Add(FactIdentity.Normalize(fact.Text)))
            {
                return fact;
            }
        }
    }

    /// <summary>A question about the kind of things remembered.</summary>
    public string NextQuery() => random.Next(8) switch
    {
        0 => $"What do I like about {nouns.Draw(random)}?",
        1 => $"Am I allergic to {nouns.Draw(random)} or {nouns.Draw(random)}?",
        2 => $"Where does my {Pick(Relations)} {names.DrawName(random)} live?",
        3 => $"When did I go to {places.DrawName(random)}?",
        4 => $"Tell me what you remember about {names.DrawName(random)} and the {nouns.Draw(random)}.",
        5 => $"Did I say something about {nouns.Draw(random)} last {Pick(Days)}?",
        6 => $"What does my {Pick(Relations)} do for work?",
        _ => $"I was thinking about {nouns.Draw(random)} {nouns.Draw(random)} in {places.DrawName(random)} again.",
    };

    private ExtractedFact Compose() => random.Next(10) switch
    {
        0 or 1 => new ExtractedFact($"Likes {nouns.Draw(random)} {nouns.Draw(random)}.", FactKind.Preference, null),
        2 => new ExtractedFact($"Does not like {nouns.Draw(random)}.", FactKind.Preference, null),
        3 => new ExtractedFact($"Is allergic to {nouns.Draw(random)}.", FactKind.Health, null),
        4 => new ExtractedFact($"Takes {nouns.Draw(random)} every {Pick(Days)} for {nouns.Draw(random)}.", FactKind.Health, null),
        5 => new ExtractedFact($"Their {Pick(Relations)} {names.DrawName(random)} lives in {places.DrawName(random)}.", FactKind.Relationship, null),
        6 => new ExtractedFact($"Their {Pick(Relations)} {names.DrawName(random)} works as a {nouns.Draw(random)}.", FactKind.Relationship, null),
        7 => new ExtractedFact($"Went to {places.DrawName(random)} with {names.DrawName(random)} in {Pick(Months)}.", FactKind.Event, null),
        8 => new ExtractedFact($"Visited the {nouns.Draw(random)} {nouns.Draw(random)} on {Pick(Days)}.", FactKind.Event, null),
        _ => new ExtractedFact($"Said the {nouns.Draw(random)} near the {nouns.Draw(random)} was {nouns.Draw(random)}.", FactKind.Note, null),
    };

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
