using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>What a fact of the record implies on its topic's 0–100 scale, checked against how a run ended.</summary>
public abstract record Implication
{
    /// <summary>The implication in words, naming the scale's anchors: "JP at 90–100 (Bring TPP 11 into force without the US)".</summary>
    public abstract string Describe(Topic topic);

    protected static string Span(double low, double high) => low == high ? Value(low) : $"{Value(low)}–{Value(high)}";

    /// <summary>
    /// A value on the scale as every figure of a play, a debrief, the record and a run's comparison with it is shown: as
    /// written, to four decimals at most, without trailing zeros (<see cref="Figures.Text(double)"/>): <c>60.125</c>, not <c>60.13</c>.
    /// </summary>
    public static string Value(double value) => Figures.Text(value);

    /// <summary>
    /// The scale's anchors (low at 0, middle at 50, high at 100) that a range holds, or, when it holds none,
    /// the two it lies between, quoted: 60–90 lies between the middle's words and the high end's.
    /// </summary>
    protected static string Anchor(Topic topic, double low, double high)
    {
        (double At, string Words)[] anchors = [(0, topic.Scale.Low), (50, topic.Scale.Middle), (100, topic.Scale.High)];
        var held = anchors.Where(a => a.At >= low && a.At <= high).Select(a => a.Words).ToList();
        if (held.Count > 0)
            return string.Join(" to ", held);
        var below = anchors.Last(a => a.At < low);
        var above = anchors.First(a => a.At > high);
        return $"between \"{below.Words}\" and \"{above.Words}\"";
    }
}

/// <summary>The parties (at least two) agreed on the topic at a value in <see cref="Low"/>..<see cref="High"/> (0–100).</summary>
public sealed record AgreementImplied(ImmutableArray<string> Parties, double Low, double High) : Implication
{
    public override string Describe(Topic topic) =>
        $"an agreement of {Listed.And(Parties)} at {Span(Low, High)} ({Anchor(topic, Low, High)})";
}

/// <summary>The actor's position moved toward one end of the scale, from where the summit left it.</summary>
public sealed record MoveImplied(string Actor, ScaleEnd Toward) : Implication
{
    /// <summary>The least move, in points of the 0–100 scale, that counts as a move in the implied direction.</summary>
    public const double Threshold = 1;

    public override string Describe(Topic topic) =>
        $"{Actor} moves toward the {(Toward == ScaleEnd.Low ? "low" : "high")} end ({(Toward == ScaleEnd.Low ? topic.Scale.Low : topic.Scale.High)})";
}

/// <summary>The actor's position ended in <see cref="Low"/>..<see cref="High"/> (0–100).</summary>
public sealed record PositionImplied(string Actor, double Low, double High) : Implication
{
    public override string Describe(Topic topic) => $"{Actor} at {Span(Low, High)} ({Anchor(topic, Low, High)})";
}
