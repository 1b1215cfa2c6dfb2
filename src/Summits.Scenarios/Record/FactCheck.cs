namespace Summits.Scenarios;

/// <summary>
/// One fact of the record set against how a run ended: what the fact implies on its topic, what the run
/// ended with there, whether the two agree, and, where they do not, the difference in words.
/// </summary>
/// <param name="Implied">What the fact implies, in words with the scale's anchor.</param>
/// <param name="Ended">What the run ended with on the topic: a noun phrase that reads after "the run ended with": "JP at 90 (from 85)", "JP at 60, where it started", "agreement X at 75 (holding)".</param>
/// <param name="Difference">Where they disagree, a sentence saying how; empty where they agree.</param>
public sealed record FactCheck(RecordFact Fact, string Implied, string Ended, bool Agrees, string Difference)
{
    /// <summary>"agrees", or the difference in words.</summary>
    public string Verdict => Agrees ? "agrees" : Difference;
}
