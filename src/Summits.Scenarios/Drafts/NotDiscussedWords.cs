namespace Summits.Scenarios;

/// <summary>
/// The words by which a readout says a topic was not raised, shared by the sentence rule (<see cref="Briefing"/>) and
/// the title of a not-discussed topic (<see cref="SeedDraft.NotDiscussedTitle"/>), so that every sentence drafted as
/// not discussed also names its thing.
/// </summary>
public static class NotDiscussedWords
{
    /// <summary>Verbs after "did not" whose object is the thing not raised: "did not discuss", "did not touch on", "did not address".</summary>
    public const string Active = "discuss|raise|take up|touch on|touch upon|address|broach|bring up|mention|talk about|go into";

    /// <summary>What follows "was not" or "were not" after the thing not raised: "was not discussed", "were not on the agenda".</summary>
    public const string Passive = "discussed|raised|taken up|touched on|touched upon|addressed|broached|brought up|mentioned|talked about|gone into|on the agenda";

    /// <summary>A subject that says no leader did it: "Neither leader", "Neither side", "Neither of the leaders", "None of the leaders".</summary>
    public const string NoLeader = @"(?:[Nn]either (?:leader|side|party|of the (?:leaders|sides|parties|two(?: leaders| sides)?))|[Nn]one of the (?:leaders|sides|parties))";

    /// <summary>The past verbs after <see cref="NoLeader"/> whose object is the thing not raised: "Neither leader raised ...".</summary>
    public const string NoLeaderVerb = "discussed|raised|took up|touched on|touched upon|addressed|broached|brought up|mentioned|talked about|went into";

    /// <summary>The whole rule, as a regular expression a sentence matches anywhere.</summary>
    public const string Sentence =
        @"\b(?:no discussion (?:on|of|about)|(?:was|were) not (?:" + Passive + ")|did not (?:" + Active + @")|did not come up)\b|^" + NoLeader + " (?:" + NoLeaderVerb + @")\b";

    /// <summary>
    /// The rule with the thing not raised as a group: <c>after</c> the verb ("did not discuss <c>fishing rights</c>",
    /// "Neither leader raised <c>the issue of whaling</c>") or <c>before</c> it ("<c>Nuclear energy</c> was not discussed",
    /// "<c>The question of fishing rights</c> did not come up").
    /// </summary>
    public const string Object =
        @"\b(?:no discussion (?:on|of|about)|did not (?:" + Active + "))(?: the (?:issue|question|matter|subject|topic) of)? (?<after>[^,.;:()]+)|^"
        + NoLeader + " (?:" + NoLeaderVerb + @")(?: the (?:issue|question|matter|subject|topic) of)? (?<after>[^,.;:()]+)"
        + @"|(?<before>[^,.;:()]+?) (?:(?:was|were) not (?:" + Passive + @")|did not come up)\b";
}
