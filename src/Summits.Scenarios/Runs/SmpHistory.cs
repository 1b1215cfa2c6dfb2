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
/// <param name="Start">The table before the first turn: actors, dimensions (the world's topics, in its order), capabilities and salience shares.</param>
/// <param name="Turns">Turn 0 (the table as given), then the state after each turn.</param>
/// <param name="Columns">Each dimension's name in the CSVs and the report, in the order of <c>Start.Dimensions</c> (see <see cref="ColumnsOf"/>).</param>
public sealed record SmpHistory(SmpTable Start, ImmutableArray<SmpTurn> Turns, ImmutableArray<string> Columns)
{
    /// <summary>The history, or null when the run took no spatial-model turn.</summary>
    public static SmpHistory? Of(RunResult run)
    {
        if (Recorder.For(run) is not { } recorder)
            return null;
        foreach (var e in run.Timeline)
            recorder.See(e);
        return recorder.History(run);
    }

    /// <summary>
    /// Builds the history from a run's events as they are read, one at a time, so that a timeline read in pages (a
    /// detached world's) need not be held: it keeps the positions now and a snapshot at each spatial-model turn.
    /// </summary>
    public sealed class Recorder
    {
        private readonly HashSet<string> _steps;
        private readonly World _start;
        private readonly Dictionary<(string Actor, string Topic), Position> _positions;
        private readonly List<World> _snapshots = [];

        private Recorder(HashSet<string> steps, World start)
        {
            (_steps, _start) = (steps, start);
            _positions = start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => p);
        }

        /// <summary>A recorder for <paramref name="run"/>'s start and scenario (its timeline is not read); null when the scenario has no spatial-model step.</summary>
        public static Recorder? For(RunResult run)
        {
            var steps = run.Scenario.Steps.OfType<SmpTurnsStep>().Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            return steps.Count == 0 ? null : new Recorder(steps, run.Start);
        }

        private World Now() => _start with { Positions = [.. _start.Positions.Select(p => _positions[(p.Actor, p.Topic)])] };

        /// <summary>Takes the run's next event, in timeline order.</summary>
        public void See(TimelineEvent e)
        {
            if (e.Kind == EventKind.Round && _steps.Contains(e.Step))
                _snapshots.Add(Now());
            else if (e.Kind == EventKind.Move && e.Actor is { } actor && e.Topic is { } topic && e.After is { } after
                && _positions.TryGetValue((actor, topic), out var held))
                _positions[(actor, topic)] = held with { Value = new ScaleValue(after) };
        }

        /// <summary>The history of the events seen, with <paramref name="run"/>'s final capabilities; null when they hold no spatial-model turn.</summary>
        public SmpHistory? History(RunResult run)
        {
            if (_snapshots.Count == 0)
                return null;
            var snapshots = _snapshots.Append(Now()).ToList();
            var capabilities = run.Final.Actors.ToDictionary(a => a.Id, a => a);
            var tables = snapshots.Select(w => SmpTable.From(w with { Actors = [.. w.Actors.Select(a => capabilities[a.Id])] })).ToList();
            var turns = tables.Select((t, n) => SpatialModel.Assess(t, n, [], 0)).ToImmutableArray();
            return new SmpHistory(tables[0], turns, ColumnsOf(run.Start, tables[0].Dimensions));
        }
    }

    /// <summary>
    /// The name a KTAB user knows each dimension by: the header of its position column (<c>Pstn1</c>,
    /// <c>Policy Position</c>) when the world was imported from KTAB tables, every topic has one and no
    /// two share one; otherwise the topic ids.
    /// </summary>
    public static ImmutableArray<string> ColumnsOf(World world, ImmutableArray<string> dimensions)
    {
        var headers = dimensions.Select(d => world.Topics.FirstOrDefault(t => t.Id == d)?.Ktab?.Position).ToList();
        return headers.All(h => !string.IsNullOrWhiteSpace(h)) && headers.Distinct(StringComparer.Ordinal).Count() == headers.Count
            ? [.. headers.Select(h => h!)]
            : dimensions;
    }

    /// <summary>The number of turns taken (turn 0, the table as given, not counted).</summary>
    public int TurnCount => Turns.Length - 1;

    /// <summary>
    /// The capability × salience weighted mean of the positions on dimension <paramref name="dimension"/>
    /// at turn <paramref name="turn"/>: Σᵢ cᵢ sᵢₖ xᵢₖ / Σᵢ cᵢ sᵢₖ on the 0–100 scale, with the salience shares
    /// the spatial model uses; the plain mean when no actor weighs in (every cᵢ sᵢₖ is 0).
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">No such turn or dimension.</exception>
    public double WeightedMean(int turn, int dimension)
    {
        var positions = Turns[turn].Positions;
        double weights = 0, weighted = 0;
        for (var i = 0; i < Start.Actors.Length; i++)
        {
            var w = Start.Capabilities[i] * Start.Saliences[i][dimension];
            weights += w;
            weighted += w * positions[i][dimension];
        }
        return weights > 0 ? weighted / weights : positions.Average(p => p[dimension]);
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

    /// <summary>
    /// <c>actor,dimension,turn-0,turn-1,…</c>: every actor's position on every dimension at every turn,
    /// each dimension named as in <see cref="Columns"/> (a KTAB table's own position header, else the topic id).
    /// </summary>
    public string PositionsCsv()
    {
        var text = new StringBuilder("actor,dimension");
        AppendTurns(text);
        for (var i = 0; i < Start.Actors.Length; i++)
            for (var k = 0; k < Start.Dimensions.Length; k++)
            {
                text.Append(Csv(Start.Actors[i])).Append(',').Append(Csv(Columns[k]));
                foreach (var turn in Turns)
                    text.Append(',').Append(CsvNumber.Of(turn.Positions[i][k]));
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
            text.Append(Csv(Start.Actors[i]));
            foreach (var turn in Turns)
                text.Append(',').Append(CsvNumber.Of(turn.WinProbabilities[i]));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Csv(string value) => CsvLine.Cell(value);

    private void AppendTurns(StringBuilder text)
    {
        foreach (var turn in Turns)
            text.Append(",turn-").Append(turn.Number.ToString(CultureInfo.InvariantCulture));
        text.Append('\n');
    }
}
