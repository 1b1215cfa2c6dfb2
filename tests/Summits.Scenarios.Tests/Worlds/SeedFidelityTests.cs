using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The seed's quotes stand on lines the briefing attributes to the position's speaker, and each quoted
/// agreement records the verb that governs its quote in its sentence. Each mistake the seed once had is edited back in and must
/// be refused at its quote with file:line:column.
/// </summary>
public sealed class SeedFidelityTests
{
    private static readonly World Seed = WorldFile.Load(Summits.Tests.SeedFiles.World);

    private static Position PositionOf(string actor, string topic) => Seed.Positions.Single(p => p.Actor == actor && p.Topic == topic);

    /// <summary>
    /// The seed with the head of Japan's north-korea position (its speaker, kind and the quotes before
    /// Abe's "We support the U.S. position …", line 27) replaced by <paramref name="head"/>.
    /// </summary>
    private static EditedSeed JapanOnNorthKorea(string head) => EditedSeed.Replace("""
                speaker: Abe
                kind: stated
                quotes:
                  - "We support the U.S. position
            """, head + "\n" + """
                  - "We support the U.S. position
            """);

    [Fact]
    public void Japan_on_north_korea_quoting_Abe_s_own_line_as_joint_is_refused()
    {
        // Line 27 of the briefing reads "Abe: We support the U.S. position of …": Abe's own line, not a joint one.
        var seed = JapanOnNorthKorea("""
                speaker: both
                kind: joint
                quotes:
            """);
        seed.FailsAt(seed.Find("\"We support the U.S. position", "\""), "line 27", "Abe's own line", "not the position's speaker 'both'");
    }

    [Fact]
    public void Japan_on_china_role_quoting_Abe_s_own_line_as_joint_is_refused()
    {
        // Line 36 reads "Abe: We will cooperate closely with China …".
        var seed = EditedSeed.Replace("""
                speaker: Abe
                kind: stated
                quotes:
                  - "We will cooperate closely
            """, """
                speaker: both
                kind: joint
                quotes:
                  - "We will cooperate closely
            """);
        seed.FailsAt(seed.Find("\"We will cooperate closely with China", "\""), "line 36", "Abe's own line");
    }

    [Fact]
    public void The_US_on_china_role_quoting_Trump_s_own_line_as_joint_is_refused()
    {
        // Line 33 reads "Trump: We will continue to seek further cooperation from China."; the edit makes
        // the US position joint.
        var seed = EditedSeed.Replace("""
                speaker: Trump
                kind: stated
                quotes:
                  - "We will continue to seek
            """, """
                speaker: both
                kind: joint
                quotes:
                  - "We will continue to seek
            """);
        seed.FailsAt(seed.Find("\"We will continue to seek further cooperation", "\""), "line 33", "Trump's own line", "set the position's speaker to 'Trump'");
    }

    [Fact]
    public void A_quote_of_narration_cannot_support_a_leader_s_position()
    {
        // Line 64 opens "According to the Japanese government’s briefing, there was no discussion on ...":
        // narration, attributed to nobody, although the same line goes on with the Japanese side's (Abe's) reply.
        var seed = EditedSeed.Replace("""
                speaker: Abe
                kind: inferred
                quotes:
                  - "When the U.S. side took up
            """, """
                speaker: Abe
                kind: inferred
                quotes:
                  - "According to the Japanese government’s briefing, there was no discussion on the TPP 11’s efforts"
                  - "When the U.S. side took up
            """);
        seed.FailsAt(seed.Find("\"According to the Japanese government’s briefing, there was no discussion on the TPP 11’s efforts\"", "\""), "line 64", "narration", "speaker 'none'");
    }

    [Fact]
    public void The_Japanese_side_s_reply_is_Abe_s_and_cannot_be_quoted_as_narration()
    {
        // Line 64: "..., the Japanese side explained: “...”": the Japanese side is Abe's (the one Prime Minister named).
        Assert.Equal("Abe", PositionOf("JP", "trade-imbalance").Provenance.Speaker);
        var seed = EditedSeed.Replace("""
                speaker: Abe
                kind: inferred
                quotes:
                  - "When the U.S. side took up
            """, """
                speaker: none
                kind: inferred
                quotes:
                  - "When the U.S. side took up
            """);
        seed.FailsAt(seed.Find("\"When the U.S. side took up", "\""), "line 64", "Abe's own line", "speaker 'Abe'");
    }

    [Fact]
    public void Japan_on_north_korea_stated_by_Abe_quoting_a_joint_line_is_refused_with_Abe_s_lines()
    {
        // The seed once quoted line 18, "Abe, Trump confirmed that the two countries stand together …", in
        // Abe's stated position: a joint line, not Abe's words alone. Abe's own lines, read off the briefing
        // by hand: 12, 21, 27, 36 and 61 open "Abe:", and line 64's "the Japanese side explained" is Abe's
        // (the one Prime Minister the briefing names): 12, 21, 27, 36, 61 and 64. The briefing is named as the
        // world's 'source:' key, ../sources/abe-trump-summit-2017-11-06.txt, joined to the world's folder (given
        // whole) with its '..' resolved: scenarios/sources/abe-trump-summit-2017-11-06.txt under the repository.
        var seed = JapanOnNorthKorea("""
                speaker: Abe
                kind: stated
                quotes:
                  - "the two countries stand together\u00A0one hundred percent\u00A0on the North Korea issue"
            """);
        var at = seed.Find("\"the two countries stand together\\u00A0one hundred percent\\u00A0on the North Korea issue\"\n      - \"We support", "\"");
        var error = seed.FailsAt(at);
        Assert.Equal(
            $"{EditedSeed.PathBeside}:{at.Line}:{at.Column}: this quote stands on line 18 of {Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Summits.Tests.SeedFiles.World)!, "../sources/abe-trump-summit-2017-11-06.txt"))}, which is a joint line of Abe and Trump (speaker 'both'), " +
            "not the position's speaker 'Abe': a stated position quotes only lines of 'Abe' (lines 12, 21, 27, 36, 61 and 64); " +
            "a joint line belongs in an agreement's 'quote' or in a position with speaker 'both' (kind 'joint' or 'inferred'); or quote a line of 'Abe'",
            error.Message);
    }

    [Fact]
    public void A_leader_s_inferred_position_quoting_a_joint_line_is_refused_too()
    {
        // Line 18 is joint whatever the kind: Trump's inferred position on sanctions may quote only Trump's lines
        // (15, 24, 33 and 50, each opening "Trump:").
        var seed = EditedSeed.Replace("""
                speaker: Trump
                kind: inferred
                quotes:
                  - "We welcome your action."
            """, """
                speaker: Trump
                kind: inferred
                quotes:
                  - "We welcome your action."
                  - "They agreed that now is not the time to hold dialogue, but to apply maximum pressure."
            """);
        seed.FailsAt(seed.Find("\"We welcome your action.\"\n      - \"They agreed", "\"They"),
            "line 18", "a joint line of Abe and Trump", "an inferred position quotes only lines of 'Trump' (lines 15, 24, 33 and 50)");
    }

    [Fact]
    public void A_leader_s_own_line_supports_the_leader_s_stated_position()
    {
        // Line 27 reads "Abe: We support the U.S. position of “putting all options on the table.”".
        var japan = PositionOf("JP", "north-korea");
        Assert.Equal(PositionKind.Stated, japan.Provenance.Kind);
        Assert.Equal("Abe", japan.Provenance.Speaker);
        Assert.Equal(27, Assert.Single(japan.Provenance.Quotes).Location.Line);
    }

    [Fact]
    public void Joint_lines_support_agreements_and_positions_of_both()
    {
        // Line 18 ("Abe, Trump confirmed …", then "They agreed …") is joint: the seed quotes
        // them in the US's joint position on north-korea and in the nk-maximum-pressure agreement, and loads.
        var us = PositionOf("US", "north-korea");
        Assert.Equal(Provenance.Both, us.Provenance.Speaker);
        Assert.All(us.Provenance.Quotes, q => Assert.Equal(18, q.Location.Line));
        Assert.Equal(18, Seed.Agreements.Single(a => a.Id == "nk-maximum-pressure").Quote!.Location.Line);
        // Line 30, both its sentences, is quoted whole by the agreement on China's role.
        var china = Seed.Agreements.Single(a => a.Id == "china-constructive-dialogue");
        Assert.Equal(new SourceLocation(30, 1, china.Quote!.Location.Paragraph), china.Quote.Location);
    }

    [Fact]
    public void No_stated_position_of_the_seed_quotes_a_line_that_is_not_its_speaker_s()
    {
        // Every stated position's quotes, with the line each stands on; the speakers' lines as read above:
        // Abe 12, 21, 27, 36, 61, 64; Trump 15, 24, 33, 50.
        var lines = new Dictionary<string, int[]> { ["Abe"] = [12, 21, 27, 36, 61, 64], ["Trump"] = [15, 24, 33, 50] };
        var stated = Seed.Positions.Where(p => p.Provenance.Kind == PositionKind.Stated).ToList();
        // JP on north-korea, north-korea-sanctions, china-role and defense-procurement; the US on china-role,
        // unsc-permanent-seat and trade-imbalance: 7.
        Assert.Equal(7, stated.Count);
        Assert.All(stated, p => Assert.All(p.Provenance.Quotes, q => Assert.Contains(q.Location.Line, lines[p.Provenance.Speaker])));
    }

    [Fact]
    public void A_joint_kind_needs_the_speaker_both()
    {
        var seed = EditedSeed.Replace("""
                speaker: Abe
                kind: stated
                quotes:
                  - "We decided to implement further sanctions on North Korea."
            """, """
                speaker: Abe
                kind: joint
                quotes:
                  - "We decided to implement further sanctions on North Korea."
            """);
        seed.FailsAt(seed.Find("speaker: Abe\n    kind: joint", "Abe"), "a joint position is spoken by both leaders", "not 'Abe'");
    }

    [Fact]
    public void The_US_welcoming_Japan_s_sanctions_states_no_level_so_it_is_inferred()
    {
        // "We welcome your action." (line 24) welcomes Japan's step but names no level of its own.
        var us = PositionOf("US", "north-korea-sanctions");
        Assert.Equal(PositionKind.Inferred, us.Provenance.Kind);
        Assert.Equal("Trump", us.Provenance.Speaker);
        Assert.Equal(24, Assert.Single(us.Provenance.Quotes).Location.Line);
    }

    [Fact]
    public void The_US_on_defence_procurement_comes_from_outside_the_briefing_with_its_reference()
    {
        var us = PositionOf("US", "defense-procurement");
        Assert.Equal(PositionKind.External, us.Provenance.Kind);
        Assert.Empty(us.Provenance.Quotes);
        Assert.Contains("Joint Press Conference", us.Provenance.Reference);
    }

    [Fact]
    public void An_external_position_without_a_reference_is_refused()
    {
        var seed = EditedSeed.Replace("""
                kind: external
                reference: The White House, "Remarks by President Trump and Prime Minister Abe of Japan in Joint Press Conference", Akasaka Palace, Tokyo, 6 November 2017

            """, """
                kind: external

            """);
        seed.FailsAt(seed.Find("kind: external", "external"), "must name where under 'reference'");
    }

    [Fact]
    public void A_reference_on_a_stated_position_is_refused()
    {
        var seed = EditedSeed.Replace("""
                  - "We decided to implement further sanctions on North Korea."
            """, """
                  - "We decided to implement further sanctions on North Korea."
                reference: a newspaper
            """);
        seed.FailsAt(seed.Find("reference: a newspaper", "a newspaper"), "belongs to kind 'external' or 'not-discussed'");
    }

    [Theory]
    [InlineData("US", "north-korea", "the two countries stand together\u00A0one hundred percent\u00A0on the North Korea issue", 18)]
    [InlineData("JP", "defense-procurement", "It will continue to procure the new SM-3 Block 2A missile interceptor", 61)]
    public void What_the_seed_once_left_out_is_quoted(string actor, string topic, string quote, int line) =>
        Assert.Equal(line, Assert.Single(PositionOf(actor, topic).Provenance.Quotes, q => q.Text == quote).Location.Line);

    [Fact]
    public void The_joint_welcome_of_China_s_contributions_is_quoted_by_the_agreement_on_China_s_role() =>
        Assert.Contains("welcomed China’s making positive contributions to\u00A0peace and prosperity of the international community",
            Seed.Agreements.Single(a => a.Id == "china-constructive-dialogue").Quote!.Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("nk-maximum-pressure", AgreementVerb.Agreed)]
    [InlineData("us-defense-commitment-unshakable", AgreementVerb.Confirmed)]
    [InlineData("china-constructive-dialogue", AgreementVerb.Confirmed)]
    [InlineData("maritime-rule-of-law", AgreementVerb.Confirmed)]
    [InlineData("free-open-indo-pacific-strategy", AgreementVerb.Intent)]
    [InlineData("alliance-deterrence-enhancement", AgreementVerb.Intent)]
    [InlineData("usfj-realignment-okinawa", AgreementVerb.Confirmed)]
    [InlineData("sectoral-cooperation-autos-life-science", AgreementVerb.Confirmed)]
    [InlineData("economic-dialogue-aso-pence", AgreementVerb.Agreed)]
    [InlineData("high-trade-investment-standards", AgreementVerb.Agreed)]
    public void Each_seeded_agreement_records_the_verb_of_its_sentence(string id, AgreementVerb verb) =>
        Assert.Equal(verb, Seed.Agreements.Single(a => a.Id == id).Verb);

    [Fact]
    public void A_verb_the_sentence_does_not_use_is_refused()
    {
        // "Abe, Trump confirmed cooperation in autos, life science, and other areas." says confirmed, not agreed.
        var seed = EditedSeed.Replace("""
                verb: confirmed
                quote: "Abe, Trump confirmed cooperation
            """, """
                verb: agreed
                quote: "Abe, Trump confirmed cooperation
            """);
        seed.FailsAt(seed.Find("verb: agreed\n    quote: \"Abe, Trump confirmed cooperation", "agreed"), "needs its quoted sentence to say 'agreed'", "verb: confirmed");
    }

    [Fact]
    public void An_intent_quoting_a_sentence_that_first_agrees_is_refused()
    {
        // Line 41's second sentence reads "They agreed on the importance of the Indo-Pacific region and will
        // promote a strategy …": quoted whole, its verb is the first it says, "agreed"; the strategy the topic
        // measures is only the clause after "will", so recording the whole sentence as an intent is refused.
        var seed = EditedSeed.Replace("""
                quote: "will promote a strategy for a free and open Indo-Pacific"
            """, """
                quote: "They agreed on the importance of the Indo-Pacific region and will promote a strategy for a free and open Indo-Pacific."
            """);
        seed.FailsAt(seed.Find("verb: intent\n    quote: \"They agreed on the importance", "intent"),
            "'verb: intent' must be the verb that governs the quote", "is governed by 'agreed' (verb: agreed)", "quote only that clause");
    }

    [Fact]
    public void The_seed_records_the_indo_pacific_strategy_as_the_intent_clause_of_its_sentence()
    {
        // Briefing line 41 (counted in the source file): "… They agreed on the importance of the Indo-Pacific
        // region and will promote a strategy for a free and open Indo-Pacific."; the agreement quotes the clause
        // after "will", verbatim.
        var agreement = Seed.Agreements.Single(a => a.Id == "free-open-indo-pacific-strategy");
        Assert.Equal(AgreementVerb.Intent, agreement.Verb);
        Assert.Equal("will promote a strategy for a free and open Indo-Pacific", agreement.Quote!.Text);
        Assert.Equal(41, agreement.Quote.Location.Line);
    }

    [Theory]
    // The first of the three words inside the quote, by position, whatever words come after it.
    [InlineData("They agreed on X and will promote Y.", "They agreed on X and will promote Y.", AgreementVerb.Agreed)]
    [InlineData("They agreed on X and will promote Y.", "will promote Y", AgreementVerb.Intent)]
    [InlineData("They confirmed that both will promote Y.", "They confirmed that both will promote Y.", AgreementVerb.Confirmed)]
    // A quote with none of them: the last before it in the sentence, else the first after it.
    [InlineData("A, B confirmed that X holds and that Y is unshakable.", "Y is unshakable", AgreementVerb.Confirmed)]
    [InlineData("They agreed on X and will promote a strategy.", "a strategy", AgreementVerb.Intent)]
    [InlineData("Y, as they agreed.", "Y", AgreementVerb.Agreed)]
    // "willing" is not "will": whole words only; a sentence with none of the three has none.
    [InlineData("They are willing to talk.", "They are willing to talk.", null)]
    public void The_verb_governing_a_quote_is_the_first_in_it_else_the_nearest_before_it(string sentence, string quote, AgreementVerb? verb) =>
        Assert.Equal(verb, Fidelity.Governing(sentence, quote));

    [Fact]
    public void A_quoted_agreement_without_a_verb_is_refused_with_the_verb_its_sentence_uses()
    {
        var seed = EditedSeed.Replace("""
                verb: intent
                quote: "They will continue to make efforts
            """, """
                quote: "They will continue to make efforts
            """);
        seed.FailsAt(seed.Find("quote: \"They will continue to make efforts", "\""), "records how the source puts it under 'verb'", "'verb: intent'");
    }

    [Fact]
    public void Attribution_reads_speakers_joint_lines_and_narration_from_the_briefing()
    {
        var attribution = QuoteAttribution.Of(SourceText.Load(Summits.Tests.SeedFiles.Source));
        Assert.Equal("Abe", attribution.SpeakerOf(new SourceLocation(21, 1, 0)));
        Assert.Equal("Trump", attribution.SpeakerOf(new SourceLocation(24, 1, 0)));
        Assert.Equal(Provenance.Both, attribution.SpeakerOf(new SourceLocation(30, 1, 0)));
        // "They will continue to make efforts …" follows the joint line 41: joint.
        Assert.Equal(Provenance.Both, attribution.SpeakerOf(new SourceLocation(44, 1, 0)));
        Assert.Equal(Provenance.Nobody, attribution.SpeakerOf(new SourceLocation(64, 1, 0)));
    }
}
