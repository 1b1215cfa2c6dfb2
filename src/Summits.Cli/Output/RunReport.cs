using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Prints the end of a run for people: positions that moved, agreements against the topic's reference points, expectations.</summary>
public static class RunReport
{
    /// <summary>At <see cref="Verbosity.Minimal"/>, the largest moves of positions listed under their count.</summary>
    public const int MinimalMoves = 3;

    /// <summary>At <see cref="Verbosity.Minimal"/>, the agreements made or changed listed with their reference points; the rest are counted.</summary>
    public const int MinimalAgreements = 5;

    /// <summary>At <see cref="Verbosity.Minimal"/>, the ids named in a list of unchanged agreements or of forecast topics; the rest are counted.</summary>
    public const int MinimalNamed = 12;

    /// <summary>
    /// Writes the summary. At <see cref="Verbosity.Minimal"/> (<c>-q</c>) it is bounded whatever the world's size: the
    /// positions that moved are counted and the <see cref="MinimalMoves"/> largest moves listed, at most
    /// <see cref="MinimalAgreements"/> agreements made or changed are listed and the rest counted with where to find
    /// them, and a list of ids names at most <see cref="MinimalNamed"/>. At <see cref="Verbosity.Normal"/> every moved
    /// position and every agreement made or changed is listed; at <see cref="Verbosity.Detailed"/> and above every
    /// final position, moved or not.
    /// </summary>
    /// <param name="width">The columns the lines are later wrapped to; a list of parties longer than fits beside an agreement's id is named in part and counted.</param>
    /// <param name="cancellation">Checked as the reference points are worked out (seconds on a large world); a cancelled summary throws <see cref="OperationCanceledException"/> with its lines half-written to <paramref name="output"/>, which the caller drops.</param>
    public static void WriteSummary(TextWriter output, RunResult run, Verbosity verbosity = Verbosity.Normal, int width = TerminalWidth.Default, CancellationToken cancellation = default)
    {
        var n = TimelineTable.N;
        var minimal = verbosity <= Verbosity.Minimal;
        output.WriteLine();
        var start = run.Start.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);
        var all = run.Final.Positions
            .Select(p => (p, from: start.GetValueOrDefault((p.Actor, p.Topic), double.NaN)))
            .ToList();
        var moved = all
            .Where(x => double.IsNaN(x.from) || n(x.p.Value) != n(x.from))
            .ToList();
        var listed = verbosity >= Verbosity.Detailed ? all : moved;
        if (minimal)
        {
            // The largest moves, the biggest change first (the earlier in the final state on a tie); a position new
            // since the start has no change to rank and is only counted.
            listed = [.. moved.Where(x => !double.IsNaN(x.from)).OrderByDescending(x => Math.Abs(x.p.Value - x.from)).Take(MinimalMoves)];
            output.WriteLine(moved.Count == 0 ? $"Positions that moved since the start: 0 of {all.Count}"
                : moved.Count <= MinimalMoves && listed.Count == moved.Count ? $"Positions that moved since the start: {moved.Count} of {all.Count}:"
                : $"Positions that moved since the start: {moved.Count} of {all.Count}; the {(listed.Count == 1 ? "largest move" : $"{listed.Count} largest moves")} (-v normal lists them all):");
        }
        else
        {
            output.WriteLine(verbosity >= Verbosity.Detailed ? $"Every position at the end, {moved.Count} of {all.Count} moved since the start" : "Positions that moved since the start");
            if (listed.Count == 0)
                output.WriteLine("  (none)");
        }
        foreach (var (p, from) in listed)
        {
            // The change is taken between the values as printed, so that a reader's subtraction agrees.
            var change = double.IsNaN(from) ? "new" : n(from) == n(p.Value) ? "unchanged" : Reports.Pages.Shown.SignedChange(from, p.Value);
            output.WriteLine($"  {TerminalWidth.PadRight(p.Topic, 26)} {TerminalWidth.PadRight(p.Actor, 6)} {TerminalWidth.PadLeft(double.IsNaN(from) ? "" : n(from), 8)} → {TerminalWidth.PadRight(n(p.Value), 8)} ({change})");
        }

        var forecast = SmpHistory.FinalForecast(run);
        if (forecast is not null)
        {
            output.WriteLine();
            output.WriteLine("Forecast of KTAB's spatial model (each position weighted by the probability that it prevails)");
            foreach (var (topic, value) in minimal ? forecast.Take(MinimalNamed) : forecast)
                output.WriteLine($"  {TerminalWidth.PadRight(topic, 26)} {n(value)}");
            if (minimal && forecast.Count > MinimalNamed)
                output.WriteLine($"  and {forecast.Count - MinimalNamed} more topics (-v normal lists them all; -o DIR writes every one to state.json)");
        }

        // The spatial model makes no agreements: its summary lists them only when the world came with some.
        if (forecast is null || run.Start.Agreements.Length > 0 || run.Final.Agreements.Length > 0)
            WriteAgreements(output, run, width, minimal, cancellation);

        var passed = run.Timeline.Count(e => e.Kind == EventKind.ExpectationPassed);
        output.WriteLine();
        foreach (var line in ConvergenceText.Lines(run))
            output.WriteLine(line);
        output.WriteLine($"{Counted.Of(run.Timeline.Length, "event")}, seed {run.Scenario.Seed}. Expectations: {passed} passed, {run.Failures} failed.");
        foreach (var failure in ExpectationText.Failures(run))
            output.WriteLine($"  FAILED {failure}");
    }

    /// <summary>
    /// Agreements made or changed, each against its topic's reference points; the rest named as unchanged. When
    /// <paramref name="minimal"/>, the first <see cref="MinimalAgreements"/> made or changed are listed and the rest
    /// counted, and the lists of ids name at most <see cref="MinimalNamed"/>.
    /// </summary>
    private static void WriteAgreements(TextWriter output, RunResult run, int width, bool minimal, CancellationToken cancellation)
    {
        var n = TimelineTable.N;
        output.WriteLine();
        output.WriteLine("Agreements made or changed (value, against the weighted mean and median of the topic's holders, and the Nash and Kalai–Smorodinsky points among the agreement's parties)");
        var seeded = run.Start.Agreements.ToDictionary(a => a.Id, a => a.Status);
        // The reference points take a while on a large table; a run that changed no agreement needs none.
        var changed = run.Final.Agreements.Any(a => !seeded.TryGetValue(a.Id, out var was) || was != a.Status);
        var analyses = changed ? run.Analyses(cancellation).ToDictionary(a => a.Topic) : [];
        var bargaining = changed ? run.Bargaining(cancellation).Where(c => c.Agreement is not null).ToDictionary(c => c.Id) : [];
        var unchanged = new List<string>();
        var returned = new List<string>();
        var history = StatusHistory(run);
        var shown = 0;
        var more = 0;
        foreach (var a in run.Final.Agreements)
        {
            var isNew = !seeded.TryGetValue(a.Id, out var was);
            if (!isNew && was == a.Status)
            {
                if (history.TryGetValue(a.Id, out var changes))
                    returned.Add($"{a.Id} ({KebabCase.Of(a.Status)}; {string.Join(", ", changes)})");
                else
                    unchanged.Add(a.Id);
                continue;
            }
            if (minimal && shown == MinimalAgreements)
            {
                more++;
                continue;
            }
            shown++;
            var change = isNew ? "new" : $"was {KebabCase.Of(was)}";
            // Every party is in agreements.csv and state.json; a line names as many as fit (at least 20 columns' worth).
            var parties = TerminalWidth.Abbreviate(a.Parties, Math.Max(20, width - 8), "+");
            output.WriteLine($"  {TerminalWidth.PadRight(a.Id, 36)} {KebabCase.Of(a.Status)} ({change})  {parties}  {a.Rule}  cause {a.Cause}");
            foreach (var (topic, value) in a.Terms)
            {
                var line = $"      {topic} = {n(value)}";
                if (analyses.TryGetValue(topic, out var x))
                    line += $"   mean {n(x.WeightedMean)}, median {n(x.WeightedMedian)}";
                output.WriteLine(line);
            }
            if (bargaining.TryGetValue(a.Id, out var joint))
                output.WriteLine($"      among {Among([.. joint.Analysis.Parties.Select(p => p.Actor)], a.Parties, Math.Max(20, width - 8))}{(joint.Analysis.Topics.Length > 1 ? $", jointly over {string.Join('+', joint.Analysis.Topics)}" : "")}: {JointText(joint)}");
        }
        if (more > 0)
            output.WriteLine($"  and {more} more {(more == 1 ? "agreement" : "agreements")} made or changed: -o DIR writes every one to agreements.csv and timeline.jsonl, and --format json prints the timeline");
        if (unchanged.Count + returned.Count == run.Final.Agreements.Length)
            output.WriteLine("  (none)");
        string Names(IEnumerable<string> names) => minimal ? Listed.AndMore(names, MinimalNamed) : Listed.And(names);
        if (returned.Count > 0)
            output.WriteLine($"  back where it started: {Names(returned)}");
        if (unchanged.Count > 0)
            output.WriteLine($"  unchanged since the start: {Names(unchanged.Select(id => Unchanged(run, id)))}");
    }

    /// <summary>
    /// For each agreement whose status changed during the run, its changes in order ("strained by out, restored by
    /// back": the status word and the step or proposal that caused it), read from the timeline's agreement events,
    /// whose reason opens with the agreement's id. An agreement that ends with the status it began with but moved
    /// in between is back where it started, not unchanged.
    /// </summary>
    private static Dictionary<string, List<string>> StatusHistory(RunResult run)
    {
        var history = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var ids = run.Final.Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in run.Timeline)
        {
            var word = e.Kind switch
            {
                EventKind.AgreementStrained => "strained",
                EventKind.AgreementBreached => "breached",
                EventKind.AgreementSuperseded => "superseded",
                EventKind.AgreementPartlySuperseded => "partly superseded",
                EventKind.AgreementRestored => "restored",
                _ => null,
            };
            if (word is null || e.Why is not { } why)
                continue;
            var colon = why.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 || !ids.Contains(why[..colon]))
                continue;
            var id = why[..colon];
            if (!history.TryGetValue(id, out var list))
                history[id] = list = [];
            var change = $"{word} by {e.Cause}";
            // A change applied to several topics of a package is one event per topic: it is said once.
            if (list.Count == 0 || list[^1] != change)
                list.Add(change);
        }
        return history;
    }

    private static string Unchanged(RunResult run, string id) =>
        run.Final.Agreements.First(a => a.Id == id).Verb is { } verb ? $"{id} ({KebabCase.Of(verb)}: {AgreementOrigin.Meaning(verb)})" : id;

    /// <summary>
    /// The parties the Nash and Kalai–Smorodinsky points are taken among: their ids joined by '+' when they fit
    /// in <paramref name="room"/> columns; when they do not and they are the agreement's own parties (named,
    /// in part, on the line above), "its N parties"; else as many ids as fit and the count of the rest.
    /// </summary>
    private static string Among(IReadOnlyList<string> parties, IReadOnlyCollection<string> agreement, int room)
    {
        var all = string.Join('+', parties);
        if (TerminalWidth.Cells(all) <= room)
            return all;
        return parties.Count == agreement.Count && parties.All(agreement.Contains)
            ? $"its {parties.Count} parties"
            : TerminalWidth.Abbreviate(parties, room, "+");
    }

    /// <summary>
    /// An agreement's reference points among its own parties (the Nash and Kalai–Smorodinsky points, over
    /// all the topics of its terms) and its distance to the Pareto frontier, in one line.
    /// </summary>
    public static string JointText(BargainingCase c)
    {
        var a = c.Analysis;
        string Terms(Outcome o) => string.Join(", ", o.Terms.Select(t => $"{t.Key} {TimelineTable.N(t.Value)}"));
        var nash = a.NashTie is { } nashTie
            ? $"not unique: every outcome from {Terms(a.Nash[0])} to {Terms(a.Nash[^1])} ties ({BargainingAnalysis.RangeText(nashTie)})"
            : a.Nash.Length == 0 ? "none" : string.Join(" or ", a.Nash.Select(Terms)) + (a.Nash.Length > 1 ? " (not unique)" : "");
        var ks = a.KalaiSmorodinsky is not { } k ? "none"
            : a.KalaiSmorodinskyTie is { } ksTie ? $"not unique: {Terms(k)} among ties over {BargainingAnalysis.RangeText(ksTie)}"
            : Terms(k);
        // A distance that rounds to 0 at the figures' four decimals is not told (Figures).
        var distance = c.Agreement is { } g ? Figures.Shown(a.DistanceToFrontier(g.Terms)) : 0;
        return $"Nash {nash}; Kalai–Smorodinsky {ks}; " + (distance > 0
            ? $"{Figures.Text(distance)} utility inside the Pareto frontier"
            : "on the Pareto frontier");
    }
}
