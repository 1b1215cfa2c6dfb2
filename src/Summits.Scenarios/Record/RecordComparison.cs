using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Sets each fact of a record against how a run ended. The rules, checkable by hand from the run's
/// positions and agreements, each value taken as shown, to four decimals at most (<see cref="Figures"/>):
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
    public static ImmutableArray<FactCheck> Of(SummitRecord record, World start, World final, string subject = "run") =>
        [.. record.Facts.Select(f => Check(f, start, final, subject))];

    /// <summary>
    /// One fact set against how a run (or play, <paramref name="subject"/>) ended, by the rules above. Every figure is
    /// shown as written, to four decimals at most (<see cref="Figures.Text(double)"/>), as the record's ranges are and as
    /// every figure of a play and its debrief is, in a run's report and a debrief alike.
    /// </summary>
    /// <exception cref="ArgumentException">The fact implies something no rule compares.</exception>
    public static FactCheck Check(RecordFact fact, World start, World final, string subject = "run")
    {
        var teller = $"The {subject}";
        var topic = final.Topics.FirstOrDefault(t => t.Id == fact.Topic) ?? start.Topic(fact.Topic);
        var implied = fact.Implies.Describe(topic);
        switch (fact.Implies)
        {
            case PositionImplied p:
            {
                var (from, to) = (ValueOf(start, p.Actor, fact.Topic), ValueOf(final, p.Actor, fact.Topic));
                var ended = Path(p.Actor, from, to);
                var agrees = to is { } v && Figures.Shown(v) >= p.Low && Figures.Shown(v) <= p.High;
                var side = to is { } below && Figures.Shown(below) < p.Low ? "below" : "above";
                return new FactCheck(fact, implied, ended, agrees, agrees ? "" : to is null
                    ? $"{teller} ended with no position of {p.Actor} on {fact.Topic}; the record has it at {Range(p.Low, p.High)}."
                    : $"{teller} ended with {p.Actor} at {Figures.Text(to.Value)} on {fact.Topic}, {side} the {Range(p.Low, p.High)} the record implies.");
            }
            case MoveImplied m:
            {
                var (from, to) = (ValueOf(start, m.Actor, fact.Topic), ValueOf(final, m.Actor, fact.Topic));
                // The change between the values as shown, so that the printed figures decide it: 60 → 60.9942 is 0.9942.
                var change = to is { } t && from is { } f ? Figures.Shown(Figures.Shown(t) - Figures.Shown(f)) : 0;
                var toward = m.Toward == ScaleEnd.High ? change : -change;
                var ended = Path(m.Actor, from, to);
                var agrees = toward >= MoveImplied.Threshold;
                var end = m.Toward == ScaleEnd.Low ? "low" : "high";
                var anchor = m.Toward == ScaleEnd.Low ? topic.Scale.Low : topic.Scale.High;
                string difference = agrees ? "" : toward <= -MoveImplied.Threshold
                    ? $"{teller} moved {m.Actor} away from the {end} end on {fact.Topic} ({Figures.Text(from!.Value)} → {Figures.Text(to!.Value)}); the record has it move toward it ({anchor})."
                    : $"{teller} left {m.Actor} at {Figures.Text(to ?? from ?? 0)} on {fact.Topic}, less than {Implication.Value(MoveImplied.Threshold)} point from where it started; the record has it move toward the {end} end ({anchor}).";
                return new FactCheck(fact, implied, ended, agrees, difference);
            }
            case AgreementImplied a:
            {
                var binding = final.Agreements
                    .Where(g => g.Covers(fact.Topic) && g.Status is AgreementStatus.Holding or AgreementStatus.Strained && a.Parties.All(g.Parties.Contains))
                    .LastOrDefault();
                if (binding is null)
                {
                    var positions = Listed.And(a.Parties.Select(p => ValueOf(final, p, fact.Topic) is { } v ? $"{p} at {Figures.Text(v)}" : $"no position of {p}"));
                    return new FactCheck(fact, implied, $"no agreement ({positions})", false,
                        $"{teller} made no agreement of {Listed.And(a.Parties)} on {fact.Topic} (it ended with {positions}); the record has one at {Range(a.Low, a.High)}.");
                }
                var value = Figures.Shown(binding.Terms[fact.Topic]);
                var agrees = value >= a.Low && value <= a.High;
                var at = Figures.Text(value);
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
    /// values as written (<see cref="Figures"/>).
    /// </summary>
    private static string Path(string actor, double? from, double? to) => (from, to) switch
    {
        (null, null) => $"no position of {actor}",
        (null, { } t) => $"{actor} at {Figures.Text(t)}, a position it did not hold at the start",
        ({ } f, null) => $"no position of {actor} (it started at {Figures.Text(f)})",
        ({ } f, { } t) when Figures.Text(f) == Figures.Text(t) => $"{actor} at {Figures.Text(t)}, where it started",
        ({ } f, { } t) => $"{actor} at {Figures.Text(t)} (from {Figures.Text(f)})",
    };

    private static string Range(double low, double high) => low == high ? Implication.Value(low) : $"{Implication.Value(low)}–{Implication.Value(high)}";
}
