namespace Summits.Model;

/// <summary>What a world's saliences say: how much each topic matters on its own, or how an actor shares its attention among the topics.</summary>
[Alias("summits.salience-meaning")]
public enum SalienceMeaning
{
    /// <summary>Each salience, 0..1, says how much its topic matters to the actor, independently of the others.</summary>
    PerTopic = 0,

    /// <summary>
    /// Each salience, 0..1, is the share of the actor's attention its topic takes, an actor's summing to at
    /// most 1, as in a KTAB stakeholder table (KAPSARC, "Multidimensional Bargaining using KTAB").
    /// </summary>
    Shares = 1,
}
