using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Sets each fact of a record against how a run ended. The rules, checkable by hand from the run's
/// positions and agreements:
/// <list type="bullet">
/// <item>a position (actor in low..high) agrees when the actor's final value lies in low..high, ends included;</item>
/// <item>a move (actor toward an end) agrees when the actor ended at least <see cref="MoveImplied.Threshold"/> point
/// nearer that end than it started;</item>
/// <item>an agreement (parties in low..high) agrees when an agreement holding or strained at the end binds at least
/// those parties on the topic at a value in low..high; of several, the last the run made is read.</item>
/// </list>
/// </summary>
public static class RecordComparison
{
    /// <summary>One check per fact, in the record's (date) order.</summary>
    /// <param name="start">The world as the run began; <paramref name="final"/> as it ended. Both hold the record's topics.</param>
    /// <param name="subject">
    /// What the differences call what ended, as their reader knows it: <c>run</c> for a run's report ("The run left US at
    /// 95 ..."), <c>play</c> for an exercise's debrief ("The play left US at 95 ...").
    /// </param>
    /// <param name="asWritten">
    /// Whether every figure of the run is shown as written, to four decimals at most (<see cref="Figures.Text(double)"/>),
    /// as an exercise's debrief shows every figure of its play; otherwise, as a run's report shows its numbers, at two
    /// decimals, or at as many more (up to four) as it takes for the figures not to contradict what they support.
    /// </param>
    public static ImmutableArray<FactCheck> Of(SummitRecord record, World start, World final, string subject = "run", bool asWritten = false) =>
        [.. record.Facts.Select(f => Check(f, start, final, subject, asWritten))];

    /// <summary>One fact set against how a run (or play, <paramref name="subject"/>) ended, by the rules above, its figures by <paramref name="asWritten"/> (<see cref="Of"/>).</summary>
    /// <exception cref="ArgumentException">The fact implies something no rule compares.</exception>
    public static FactCheck Check(RecordFact fact, World start, World final, string subject = "run", bool asWritten = false)
    {
        // The decimals a figure takes: four at most, as written, or those the report's rule finds.
        int At(Func<int> fewest) => asWritten ? Figures.Most : fewest();
        var teller = $"The {subject}";
        var topic = final.Topics.FirstOrDefault(t => t.Id == fact.Topic) ?? start.Topic(fact.Topic);
        var implied = fact.Implies.Describe(topic);
        switch (fact.Implies)
        {
            case PositionImplied p:
            {
                var (from, to) = (ValueOf(start, p.Actor, fact.Topic), ValueOf(final, p.Actor, fact.Topic));
                // At the decimals that tell the start and end apart and put the end on its side of the range.
                var d = At(() => Math.Max(Apart(from, to), to is { } end ? InRange(end, p.Low, p.High) : Fewest));
                var ended = Path(p.Actor, from, to, d);
                var agrees = to is { } v && v >= p.Low && v <= p.High;
                var side = to < p.Low ? "below" : "above";
                return new FactCheck(fact, implied, ended, agrees, agrees ? "" : to is null
                    ? $"{teller} ended with no position of {p.Actor} on {fact.Topic}; the record has it at {Range(p.Low, p.High)}."
                    : $"{teller} ended with {p.Actor} at {Figures.Text(to.Value, d)} on {fact.Topic}, {side} the {Range(p.Low, p.High)} the record implies.");
            }
            case MoveImplied m:
            {
                var (from, to) = (ValueOf(start, m.Actor, fact.Topic), ValueOf(final, m.Actor, fact.Topic));
                var change = to is { } t && from is { } f ? t - f : 0;
                var toward = m.Toward == ScaleEnd.High ? change : -change;
                // At the decimals that tell the start and end apart and show the move on the side of the 1-point
                // threshold it is on: a move of 0.996 reads "60 → 60.996", not "60 → 61", beside "less than 1 point".
                var d = At(() => Math.Max(Apart(from, to), Decimals(decimals =>
                {
                    var shown = to is { } t && from is { } f ? Figures.Round(t, decimals) - Figures.Round(f, decimals) : 0;
                    var towardShown = Figures.Round(m.Toward == ScaleEnd.High ? shown : -shown, decimals);
                    return (towardShown >= MoveImplied.Threshold) == (toward >= MoveImplied.Threshold)
                        && (towardShown <= -MoveImplied.Threshold) == (toward <= -MoveImplied.Threshold);
                })));
                var ended = Path(m.Actor, from, to, d);
                var agrees = toward >= MoveImplied.Threshold;
                var end = m.Toward == ScaleEnd.Low ? "low" : "high";
                var anchor = m.Toward == ScaleEnd.Low ? topic.Scale.Low : topic.Scale.High;
                string difference = agrees ? "" : toward <= -MoveImplied.Threshold
                    ? $"{teller} moved {m.Actor} away from the {end} end on {fact.Topic} ({Figures.Text(from!.Value, d)} → {Figures.Text(to!.Value, d)}); the record has it move toward it ({anchor})."
                    : $"{teller} left {m.Actor} at {Figures.Text(to ?? from ?? 0, d)} on {fact.Topic}, less than {Implication.Value(MoveImplied.Threshold)} point from where it started; the record has it move toward the {end} end ({anchor}).";
                return new FactCheck(fact, implied, ended, agrees, difference);
            }
            case AgreementImplied a:
            {
                var binding = final.Agreements
                    .Where(g => g.Covers(fact.Topic) && g.Status is AgreementStatus.Holding or AgreementStatus.Strained && a.Parties.All(g.Parties.Contains))
                    .LastOrDefault();
                if (binding is null)
                {
                    var positions = Listed.And(a.Parties.Select(p => ValueOf(final, p, fact.Topic) is { } v ? $"{p} at {Figures.Text(v, At(() => Fewest))}" : $"no position of {p}"));
                    return new FactCheck(fact, implied, $"no agreement ({positions})", false,
                        $"{teller} made no agreement of {Listed.And(a.Parties)} on {fact.Topic} (it ended with {positions}); the record has one at {Range(a.Low, a.High)}.");
                }
                var value = binding.Terms[fact.Topic];
                var agrees = value >= a.Low && value <= a.High;
                var at = Figures.Text(value, At(() => InRange(value, a.Low, a.High)));
                var ended = $"agreement {binding.Id} at {at} ({KebabCase.Of(binding.Status)})";
                return new FactCheck(fact, implied, ended, agrees, agrees ? ""
                    : $"{teller}'s agreement {binding.Id} on {fact.Topic} stands at {at}, {(value < a.Low ? "below" : "above")} the {Range(a.Low, a.High)} the record implies.");
            }
            default:
                throw new ArgumentException($"no rule compares a {fact.Implies.GetType().Name} with a run", nameof(fact));
        }
    }

    private static double? ValueOf(World world, string actor, string topic) =>
        world.Positions.FirstOrDefault(p => p.Actor == actor && p.Topic == topic) is { } p ? (double)p.Value : null;

    /// <summary>
    /// Where the actor ended, as a noun phrase that reads both in a table cell and after "the run ended with", its
    /// values at <paramref name="decimals"/> (<see cref="Figures"/>).
    /// </summary>
    private static string Path(string actor, double? from, double? to, int decimals) => (from, to) switch
    {
        (null, null) => $"no position of {actor}",
        (null, { } t) => $"{actor} at {Figures.Text(t, decimals)}, a position it did not hold at the start",
        ({ } f, null) => $"no position of {actor} (it started at {Figures.Text(f, decimals)})",
        ({ } f, { } t) when Figures.Text(f, decimals) == Figures.Text(t, decimals) => $"{actor} at {Figures.Text(t, decimals)}, where it started",
        ({ } f, { } t) => $"{actor} at {Figures.Text(t, decimals)} (from {Figures.Text(f, decimals)})",
    };

    /// <summary>The decimals a run's report shows a figure with when no more are needed: two.</summary>
    private const int Fewest = 2;

    /// <summary>The fewest decimals, from <see cref="Fewest"/> to <see cref="Figures.Most"/>, at which <paramref name="truthful"/> holds; <see cref="Figures.Most"/> when none does.</summary>
    private static int Decimals(Func<int, bool> truthful)
    {
        for (var d = Fewest; d < Figures.Most; d++)
        {
            if (truthful(d))
                return d;
        }
        return Figures.Most;
    }

    /// <summary>The decimals that tell a start and an end apart when they differ (two when either is missing).</summary>
    private static int Apart(double? from, double? to) =>
        from is { } f && to is { } t ? Decimals(d => f == t || Figures.Round(f, d) != Figures.Round(t, d)) : Fewest;

    /// <summary>The decimals at which <paramref name="value"/> reads inside low..high exactly when it lies there.</summary>
    private static int InRange(double value, double low, double high) =>
        Decimals(d => Figures.Round(value, d) is var shown && (shown >= low && shown <= high) == (value >= low && value <= high));

    private static string Range(double low, double high) => low == high ? Implication.Value(low) : $"{Implication.Value(low)}–{Implication.Value(high)}";
}
