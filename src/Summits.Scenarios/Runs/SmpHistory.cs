using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The turns of the spatial-model steps of a run, rebuilt from its start and its timeline: each
/// actor's positions at every turn and the probability that each actor's position prevails, the
/// tables a KTAB user reads ("history of actor positions", "history of actors' winning probabilities").
/// </summary>
public sealed record SmpHistory(SmpTable Start, ImmutableArray<SmpTurn> Turns)
{
    /// <summary>The history, or null when the run took no spatial-model turn.</summary>
    public static SmpHistory? Of(RunResult run)
    {
        var steps = run.Scenario.Steps.OfType<SmpTurnsStep>().Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (steps.Count == 0)
            return null;
        var positions = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => p);
        var snapshots = new List<World>();
        World Now() => run.Start with { Positions = [.. run.Start.Positions.Select(p => positions[(p.Actor, p.Topic)])] };
        foreach (var e in run.Timeline)
        {
            if (e.Kind == EventKind.Round && steps.Contains(e.Step))
                snapshots.Add(Now());
            else if (e.Kind == EventKind.Move && e.Actor is { } actor && e.Topic is { } topic && e.After is { } after
                && positions.TryGetValue((actor, topic), out var held))
                positions[(actor, topic)] = held with { Value = new ScaleValue(after) };
        }
        if (snapshots.Count == 0)
            return null;
        snapshots.Add(Now());
        var capabilities = run.Final.Actors.ToDictionary(a => a.Id, a => a);
        var tables = snapshots.Select(w => SmpTable.From(w with { Actors = [.. w.Actors.Select(a => capabilities[a.Id])] })).ToList();
        var turns = tables.Select((t, n) => SpatialModel.Assess(t, n, [], 0)).ToImmutableArray();
        return new SmpHistory(tables[0], turns);
    }

    /// <summary>After a run with spatial-model steps, the forecast per topic of its final positions (0–100); null otherwise.</summary>
    /// <remarks>Topics in the world's order (a KTAB table's column order), not alphabetical.</remarks>
    public static IReadOnlyDictionary<string, double>? FinalForecast(RunResult run)
    {
        if (!run.Scenario.Steps.OfType<SmpTurnsStep>().Any())
            return null;
        var table = SmpTable.From(run.Final);
        var turn = SpatialModel.Assess(table, 0, [], 0);
        return InOrder(table.Dimensions, turn.Forecast);
    }

    /// <summary>The forecast per topic after the last turn, 0–100, in the world's topic order.</summary>
    public IReadOnlyDictionary<string, double> Forecast => InOrder(Start.Dimensions, Turns[^1].Forecast);

    /// <summary>A dictionary that enumerates in insertion order, so state.json lists topics as the world does.</summary>
    private static Dictionary<string, double> InOrder(ImmutableArray<string> topics, ImmutableArray<double> forecast)
    {
        var inOrder = new Dictionary<string, double>(topics.Length, StringComparer.Ordinal);
        for (var k = 0; k < topics.Length; k++)
            inOrder.Add(topics[k], forecast[k]);
        return inOrder;
    }

    /// <summary><c>actor,topic,turn-0,turn-1,…</c>: every actor's position on every topic at every turn.</summary>
    public string PositionsCsv()
    {
        var text = new StringBuilder("actor,topic");
        AppendTurns(text);
        for (var i = 0; i < Start.Actors.Length; i++)
            for (var k = 0; k < Start.Dimensions.Length; k++)
            {
                text.Append(Start.Actors[i]).Append(',').Append(Start.Dimensions[k]);
                foreach (var turn in Turns)
                    text.Append(',').Append(turn.Positions[i][k].ToString("R", CultureInfo.InvariantCulture));
                text.Append('\n');
            }
        return text.ToString();
    }

    /// <summary><c>actor,turn-0,turn-1,…</c>: the probability that each actor's position prevails at every turn.</summary>
    public string ProbabilitiesCsv()
    {
        var text = new StringBuilder("actor");
        AppendTurns(text);
        for (var i = 0; i < Start.Actors.Length; i++)
        {
            text.Append(Start.Actors[i]);
            foreach (var turn in Turns)
                text.Append(',').Append(turn.WinProbabilities[i].ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }

    private void AppendTurns(StringBuilder text)
    {
        foreach (var turn in Turns)
            text.Append(",turn-").Append(turn.Number.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
    }
}
