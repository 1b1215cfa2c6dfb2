namespace Summits.Scenarios.Tests;

/// <summary>
/// Every count a draft writes agrees with its noun: one statement, one candidate topic, two statements.
/// Each expected line is read off the small readout by hand.
/// </summary>
public sealed class DraftCountWordsTests
{
    private static string Written(string text) => SeedDraft.From(Briefing.Read(new SourceText("readout.txt", text)), "readout.txt").Write();

    [Fact]
    public void A_speaker_with_one_drafted_statement_is_said_to_have_one_statement_and_one_topic_is_one_topic()
    {
        // Abe says one sentence on trade, Trump two on trade: three stated statements, all under the one
        // candidate topic on trade. Abe's "why" counts 1 (singular), Trump's counts 2 (plural); the "about"
        // line counts 3 statements in 1 candidate topic (singular).
        var written = Written("""
            Abe: Japan wants free and fair trade.
            Trump: The U.S. wants fair trade. Trade must be reciprocal.
            """);

        Assert.Contains("in the briefing (1 drafted statement, stated or joint).", written);
        Assert.Contains("in the briefing (2 drafted statements, stated or joint).", written);
        Assert.Contains("grouped into 1 candidate topic.", written);
        Assert.DoesNotContain("(1 drafted statements", written);
        Assert.DoesNotContain("1 candidate topics", written);
    }

    [Fact]
    public void A_draft_of_one_statement_says_statement_not_statements()
    {
        // One sentence by Abe and nothing else: 1 stated, 0 joint and 0 not-discussed make 1 statement.
        var written = Written("Abe: Japan wants free and fair trade.\n");

        Assert.Contains("1 stated, 0 joint and 0 not-discussed statement by", written);
    }
}
