using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// How far a run's timeline has gone toward one event or order expectation that is still to be checked: how
/// many of its patterns have matched, each strictly after the one before, and the sequence number of the
/// last match. Fed every event as it is written, it gives the same verdict as searching the whole timeline
/// (an event expectation is an order of one pattern), while the run keeps one small record per expectation.
/// </summary>
[GenerateSerializer, Alias("summits.event-watch")]
public sealed class EventWatch
{
    /// <summary>The index of the expect step in the scenario's steps.</summary>
    [Id(0)] public int Step { get; init; }

    /// <summary>The index of the expectation in its step.</summary>
    [Id(1)] public int Expectation { get; init; }

    /// <summary>How many of the expectation's patterns have matched so far, in order.</summary>
    [Id(2)] public int Matched { get; set; }

    /// <summary>The sequence number of the last event that matched (0 when none has).</summary>
    [Id(3)] public int LastSeq { get; set; }

    /// <summary>The patterns an event or order expectation waits for, in order; empty for any other expectation.</summary>
    public static ImmutableArray<EventPattern> PatternsOf(Expectation expectation) => expectation switch
    {
        EventExpectation e => [e.Pattern],
        OrderExpectation o => o.Patterns,
        _ => [],
    };

    /// <summary>A watch for every event and order expectation in the steps from <paramref name="from"/> on.</summary>
    public static List<EventWatch> For(Scenario scenario, int from)
    {
        var watches = new List<EventWatch>();
        for (var s = from; s < scenario.Steps.Length; s++)
        {
            if (scenario.Steps[s] is not ExpectStep expect)
                continue;
            for (var k = 0; k < expect.Expectations.Length; k++)
            {
                if (!PatternsOf(expect.Expectations[k]).IsEmpty)
                    watches.Add(new EventWatch { Step = s, Expectation = k });
            }
        }
        return watches;
    }

    /// <summary>Moves on when <paramref name="e"/> matches the next pattern awaited; one event matches at most one pattern.</summary>
    public void See(Scenario scenario, TimelineEvent e)
    {
        var patterns = PatternsOf(((ExpectStep)scenario.Steps[Step]).Expectations[Expectation]);
        if (Matched < patterns.Length && patterns[Matched].Matches(e))
        {
            Matched++;
            LastSeq = e.Seq;
        }
    }
}
