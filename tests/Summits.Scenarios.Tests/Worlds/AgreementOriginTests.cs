using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>Reports tell a seeded reaffirmation from a bargain struck at the meeting and from a stated intent.</summary>
public sealed class AgreementOriginTests
{
    private static readonly World Seed = WorldFile.Load(Summits.Tests.SeedFiles.World);

    [Theory]
    // Each expected cause is read off the seed file: the agreement's 'verb:' line, and the meaning that verb
    // has in docs/worlds.md (agreed: a bargain struck at the meeting; confirmed: a reaffirmation of what the
    // parties already held; intent: a stated intent, "they will …").
    [InlineData("nk-maximum-pressure", "seed, agreed (a bargain struck at the meeting)")]
    [InlineData("us-defense-commitment-unshakable", "seed, confirmed (a reaffirmation of what was held)")]
    [InlineData("free-open-indo-pacific-strategy", "seed, intent (a stated intent)")]
    [InlineData("alliance-deterrence-enhancement", "seed, intent (a stated intent)")]
    [InlineData("economic-dialogue-aso-pence", "seed, agreed (a bargain struck at the meeting)")]
    public void A_seeded_agreement_s_cause_names_its_kind(string id, string cause) =>
        Assert.Equal(cause, AgreementOrigin.Of(Seed.Agreements.Single(a => a.Id == id)));

    [Fact]
    public void The_three_kinds_read_differently()
    {
        // Written out from the verbs' meanings above; no two kinds may print the same words.
        Assert.Equal("a reaffirmation of what was held", AgreementOrigin.Meaning(AgreementVerb.Confirmed));
        Assert.Equal("a bargain struck at the meeting", AgreementOrigin.Meaning(AgreementVerb.Agreed));
        Assert.Equal("a stated intent", AgreementOrigin.Meaning(AgreementVerb.Intent));
    }

    [Fact]
    public void An_agreement_made_in_a_run_keeps_its_cause_alone()
    {
        // An agreement a run makes has no verb: its cause is the proposal's id, with nothing added.
        var made = Seed.Agreements[0] with { Cause = "package", Verb = null };
        Assert.Equal("package", AgreementOrigin.Of(made));
    }
}
