using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// A joint line names its leaders as its subject ("Abe, Trump confirmed …"). A leader the readout never labels
/// ("Trump: …") is still a leader of the world when an actor names it as its speaker, so the line is read as
/// joint from the world's speakers, not as narration.
/// </summary>
public sealed class JointAttributionTests
{
    // Line 1 is Abe's own (its "Abe:" label); line 3 names Abe and Trump as its subject. No line is labelled
    // "Trump:", so the readout alone knows Abe and not Trump, and cannot tell that "Trump" is a leader.
    private const string Readout = """
        Abe: We will keep up the pressure.

        Abe, Trump confirmed that the alliance is unshakable.
        """;

    private static string WriteWorld(string speakerOfUs)
    {
        var dir = Directory.CreateTempSubdirectory("summits-joint-").FullName;
        File.WriteAllText(Path.Combine(dir, "readout.txt"), Readout);
        var path = Path.Combine(dir, "world.yaml");
        File.WriteAllText(path, $$"""
            format: 2
            world: joint
            title: A joint line
            source: readout.txt
            actors:
              - { id: JP, name: Japan, leader: Shinzo Abe, speaker: Abe, capability: 0.5 }
              - { id: US, name: United States, leader: Donald Trump, speaker: {{speakerOfUs}}, capability: 0.5 }
            topics:
              - { id: a, title: Alliance, scale: { low: l, middle: m, high: h } }
            positions:
              - { actor: JP, topic: a, value: 90, salience: 0.5, speaker: Abe, kind: stated, quotes: ["We will keep up the pressure"], why: test }
              - { actor: US, topic: a, value: 95, salience: 0.5, speaker: both, kind: joint, quotes: ["the alliance is unshakable"], why: test }
            """);
        return path;
    }

    [Fact]
    public void A_joint_line_naming_a_leader_the_readout_never_labels_is_joint_by_the_worlds_speakers()
    {
        // With the world's speakers Abe and Trump, line 3's subject "Abe, Trump" is both leaders: a joint line,
        // which supports the US position of speaker 'both'. The world loads.
        var world = WorldFile.Load(WriteWorld("Trump"));
        var us = world.Positions.Single(p => p.Actor == "US");
        Assert.Equal(Provenance.Both, us.Provenance.Speaker);
        Assert.Equal(3, Assert.Single(us.Provenance.Quotes).Location.Line);
        var source = SourceText.Load(Path.Combine(Path.GetDirectoryName(WriteWorld("Trump"))!, "readout.txt"));
        Assert.Equal(Provenance.Both, QuoteAttribution.Of(source, ["Abe", "Trump"]).SpeakerOf(new SourceLocation(3, 1, 0)));
        // Without the world's speakers the readout alone cannot read "Trump" as a leader.
        Assert.Equal(Provenance.Nobody, QuoteAttribution.Of(source).SpeakerOf(new SourceLocation(3, 1, 0)));
    }
}
