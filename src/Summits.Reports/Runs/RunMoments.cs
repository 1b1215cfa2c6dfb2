using Summits.Model;
using Summits.Scenarios;

namespace Summits.Reports.Runs;

/// <summary>
/// The x axis of a run's charts: the start, then each scenario step in the order it ran, each round
/// of a <c>rounds</c> step counted on its own (one world advance each). Every timeline event belongs to
/// exactly one moment.
/// </summary>
public sealed class RunMoments
{
    private readonly Dictionary<int, int> _indexOfEvent = [];

    private RunMoments(IReadOnlyList<string> labels) => Labels = labels;

    /// <summary>The moments' names: "start", a step id, or "step-id r3" for round 3 of a rounds step.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The last moment's index.</summary>
    public int Last => Labels.Count - 1;

    public static RunMoments Of(RunResult run)
    {
        var labels = new List<string> { "start" };
        var moments = new RunMoments(labels);
        (string Step, int? Round)? current = null;
        foreach (var e in run.Timeline)
        {
            if (current != (e.Step, e.Round))
            {
                current = (e.Step, e.Round);
                labels.Add(e.Round is { } round ? $"{e.Step} r{round}" : e.Step);
            }
            moments._indexOfEvent[e.Seq] = labels.Count - 1;
        }
        return moments;
    }

    /// <summary>The moment of the event numbered <paramref name="seq"/>; 0, the start, for 0.</summary>
    public int Of(int seq) => seq == 0 ? 0 : _indexOfEvent[seq];

    public int Of(TimelineEvent e) => Of(e.Seq);
}
