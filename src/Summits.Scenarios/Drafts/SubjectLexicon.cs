namespace Summits.Scenarios;

/// <summary>
/// The subjects a readout's statements are grouped by. A sentence goes to the subject whose words weigh
/// most in it (a term twice a name, <see cref="Subject"/>; the earliest on a tie). Every word matches whole
/// ("oil" not in "turmoil", "seas" not in "overseas"). A sentence with none of them, such as "We welcome your
/// action.", has no subject (<see cref="Of"/> gives null): <see cref="SeedDraft"/> gives it a topic of its own
/// and tells the user, rather than guess it belongs with the sentence before.
/// </summary>
public static class SubjectLexicon
{
    /// <summary>The subject of a not-discussed sentence that names neither a subject's word nor a thing of its own.</summary>
    public static Subject Other { get; } = new("other", "Other statements, not yet sorted into a subject", []);

    public static IReadOnlyList<Subject> Subjects { get; } =
    [
        new("north-korea", "North Korea", ["North Korean?", "DPRK", "Pyongyang", "Kim Jong[ -]Un"], "sanction(s|ed)?", "maximum pressure", "options on the table", "nuclear", "ballistic", "abduct(ion|ions|ees|ed)") { TermsNeedAName = true },
        new("china", "China", ["China", "Chinese", "Beijing", "Taiwan"]),
        new("russia", "Russia", ["Russian?", "Moscow", "Kremlin"]),
        new("ukraine", "Ukraine", ["Ukraine", "Ukrainians?", "Kyiv"]),
        new("middle-east", "The Middle East", ["Middle East", "Iran", "Iranian", "Israel", "Syria", "Gaza", "Iraq", "Houthi", "Red Sea"], "hostages", "ceasefire") { TermsNeedAName = true },
        new("indo-pacific", "A free and open Indo-Pacific", ["ASEAN", "Pacific Islands?"], "Indo-Pacific"),
        new("maritime-order", "The maritime order and the rule of law", ["South China Sea", "East China Sea"], "maritime", "rule of law", "navigation", "seas?"),
        new("bases-realignment", "Bases and their realignment", ["Okinawa", "Futenma", "Henoko", "Guam"], "relocat(e|ed|ion|ing)", "realign(ed|ment)?", "bases", "(military|air|naval) base", "base towns?"),
        new("defence-alliance", "Defence and the alliance", [], "NATO", "AUKUS", "defen[cs]e", "deterr(ence|ent)", "alliances?", "military", "Forces", "USFJ", "troops", "equipment", "procure(s|d|ment)?", "interceptors?", "F-35A?"),
        new("trade-economy", "Trade and the economy", [], "trade", "trading", "tariffs?", "deficits?", "imbalance", "investments?", "economic", "economy", "FTA", "EPA", "TPP", "TPP ?11", "CPTPP", "RCEP", "IPEF", "USMCA", "free trade", "exports?", "imports?", "markets?", "autos?", "Economic Dialogue", "supply[- ]chains?", "commerce", "critical minerals"),
        new("energy-climate", "Energy and climate", [], "energy", "climate", "LNG", "oil", "gas", "emissions?", "decarboni[sz]ation"),
        new("united-nations", "The United Nations", [], "UN", "United Nations", "Security Council"),
        new("technology", "Technology", [], "technolog(y|ies)", "digital", "cyber", "semiconductors?", "space", "life science"),
        new("health", "Health", [], "health", "pandemic", "vaccines?"),
        new("bilateral-relations", "The bilateral relationship", [], "friendship", "relations", "relationship", "ties", "partnership"),
    ];

    /// <summary>The subject of a sentence, or null if it uses none of the subjects' words.</summary>
    /// <param name="readout">The whole readout the sentence is from: a subject whose terms need its place named (North
    /// Korea, the Middle East) and that it never names is none of its sentences' (<see cref="Subject.IsIn"/>). Null: every
    /// subject may be the sentence's.</param>
    public static Subject? Of(string sentence, string? readout = null)
    {
        Subject? best = null;
        var bestHits = 0;
        var bestFirst = int.MaxValue;
        foreach (var subject in Subjects)
        {
            if (readout is not null && !subject.IsIn(readout))
                continue;
            var (hits, first) = subject.Score(sentence);
            if (hits > bestHits || (hits == bestHits && hits > 0 && first < bestFirst))
            {
                best = subject;
                bestHits = hits;
                bestFirst = first;
            }
        }
        return best;
    }
}
