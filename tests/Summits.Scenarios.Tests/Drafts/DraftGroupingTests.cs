namespace Summits.Scenarios.Tests;

/// <summary>
/// What decides a drafted statement's topic: the subject whose words weigh most in it, a subject's own term
/// (a trade pact, a base's relocation) counting twice a place's or a people's name; and for a sentence that
/// says something was not discussed, that thing: the lexicon's subject for it, else the words it names.
/// Every expected topic is worked out by hand from the words of the sentence.
/// </summary>
public sealed class DraftGroupingTests
{
    private static string Readout(string name) => Path.Combine(WorldsRepository.Root, "scenarios", "sources", "readouts", name);

    private static ILookup<string, string> TopicOf(SeedDraft draft) =>
        draft.Topics.SelectMany(t => t.Statements.Select(s => (s.Text, t.Subject.Id))).ToLookup(x => x.Text, x => x.Id);

    private static SeedDraft Draft(string text) => SeedDraft.From(Briefing.Read(new SourceText("readout.txt", text)), "readout.txt");

    [Fact]
    public void A_relocation_not_discussed_goes_to_the_bases_topic_and_an_unknown_thing_to_its_own()
    {
        // "the Futenma relocation": Futenma is a place (1) and relocation a term of the bases subject (2), and
        // no other subject's word is there, so it is bases-realignment's, not the catch-all. "the fisheries
        // quota" uses no subject's word at all: the topic is named after it.
        var topics = TopicOf(Draft("""
            Abe: We will deepen the alliance.

            There was no discussion on the Futenma relocation.

            The fisheries quota was not discussed.
            """));

        Assert.Equal(["bases-realignment-not-discussed"], topics["There was no discussion on the Futenma relocation."]);
        Assert.Equal(["fisheries-quota-not-discussed"], topics["The fisheries quota was not discussed."]);
    }

    [Fact]
    public void A_trade_pact_outweighs_the_country_named_beside_it()
    {
        // "China's application to join the CPTPP": China is a name (1), CPTPP a trade term (2): trade. Before,
        // CPTPP was no word of any subject and China won. "TPP 11" is a trade term too (2) against Japan, which
        // no subject lists.
        var topics = TopicOf(Draft("""
            Abe: We discussed China's application to join the CPTPP.

            Trump: Japan leads the TPP 11.
            """));

        Assert.Equal(["trade-economy"], topics["We discussed China's application to join the CPTPP."]);
        Assert.Equal(["trade-economy"], topics["Japan leads the TPP 11."]);
    }

    [Fact]
    public void The_White_House_readout_groups_by_the_weightiest_subject()
    {
        var topics = TopicOf(SeedDraft.From(Briefing.Read(SourceText.Load(Readout("whitehouse-biden-starmer-2024-09-13.txt"))), "readout.txt"));

        // Ukraine (a name, 1) and Russia (a name, 1) tie; Ukraine comes first.
        Assert.Equal(["ukraine"], topics["They reaffirmed their unwavering support for Ukraine as it continues to defend against Russia’s aggression."]);
        // Iran, Houthi and Red Sea are names of the Middle East (3); "Sea" is a maritime term (2): the Middle East.
        Assert.Equal(["middle-east"], topics["They also condemned Iran-backed Houthi attacks on commercial shipping in the Red Sea."]);
        // Russia twice (2), defense a term (2), Iran, North Korea and China once each (1); "industrial base" is
        // no word of the bases subject (only "bases" or a military, air or naval base is). Russia and
        // defence tie at 2 and Russia comes first.
        Assert.Equal(["russia"], topics["They expressed deep concern about Iran and North Korea’s provision of lethal weapons to Russia and the People’s Republic of China’s support to Russia’s defense industrial base."]);
    }

    [Fact]
    public void The_Downing_Street_readout_groups_by_the_weightiest_subject()
    {
        var topics = TopicOf(SeedDraft.From(Briefing.Read(SourceText.Load(Readout("uk-pm-biden-2024-07-10.txt"))), "readout.txt"));

        // NATO (a term, 2) and nothing else of a subject: defence and the alliance.
        Assert.Equal("defence-alliance", SubjectLexicon.Of("Both leaders agreed that in its 75th year, NATO is stronger and more united than ever.")?.Id);
        // Israel and Gaza are names (1 each), ceasefire and hostages terms (2 each): the Middle East, 6.
        Assert.Equal(["middle-east"], topics["Moving on to discuss the situation in Israel and Gaza, they discussed their shared ambition for an immediate ceasefire to get hostages out, get humanitarian aid in and make progress towards a two-state solution."]);
    }
}
