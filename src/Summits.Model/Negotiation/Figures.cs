using System.Globalization;

namespace Summits.Model;

/// <summary>
/// Figures as a line of words shows them beside what they are set against: at two decimals (half away from zero),
/// or with as many more, up to <see cref="Most"/>, as it takes for the figures not to contradict the statement they
/// support. Two values that differ never read alike ("moved from 92 to 92.04", not "from 92 to 92"), and a distance
/// on the far side of a threshold never reads as on the threshold ("19.002 from the agreed 94" where the rule is "more
/// than 19"). A difference smaller than the last of four decimals is not told. Every debrief, play and record line
/// that quotes such figures takes its decimals from here.
/// </summary>
public static class Figures
{
    /// <summary>The decimals a figure is shown with when fewer tell the truth: two.</summary>
    public const int Fewest = 2;

    /// <summary>The most decimals a figure is shown with: four.</summary>
    public const int Most = 4;

    /// <summary>A value rounded to <paramref name="decimals"/>, half away from zero.</summary>
    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A value at <paramref name="decimals"/> (0 to 4), without trailing zeros: <c>92</c>, <c>92.04</c>, <c>74.998</c>.</summary>
    public static string Text(double value, int decimals)
    {
        var text = Round(value, decimals).ToString("0." + new string('#', Math.Max(1, decimals)), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>The fewest decimals, from <see cref="Fewest"/> to <see cref="Most"/>, at which <paramref name="truthful"/> holds; <see cref="Most"/> when none does.</summary>
    /// <param name="truthful">Whether the figures shown at the given decimals tell the truth.</param>
    public static int Decimals(Func<int, bool> truthful)
    {
        for (var d = Fewest; d < Most; d++)
        {
            if (truthful(d))
                return d;
        }
        return Most;
    }

    /// <summary>
    /// The decimals at which each of <paramref name="values"/> (a before and after, a path) reads differently from the
    /// one before it wherever the two differ.
    /// </summary>
    public static int Apart(IReadOnlyList<double> values) =>
        Decimals(d => Enumerable.Range(1, Math.Max(0, values.Count - 1)).All(i => values[i] == values[i - 1] || Round(values[i], d) != Round(values[i - 1], d)));

    /// <summary>A before and an after at the decimals that tell them apart when they differ (<see cref="Apart"/>).</summary>
    public static (string Before, string After) Pair(double before, double after)
    {
        var d = Apart([before, after]);
        return (Text(before, d), Text(after, d));
    }

    /// <summary>
    /// Whether a distance shown at <paramref name="decimals"/> (the difference of two values as shown, itself rounded)
    /// falls on the same side of each threshold as the true <paramref name="distance"/>: more than it, or not.
    /// </summary>
    /// <param name="shown">The distance as shown.</param>
    /// <param name="thresholds">The thresholds the rule compares the distance with ("more than w strains").</param>
    public static bool SameSide(double distance, double shown, int decimals, params IEnumerable<double> thresholds) =>
        thresholds.All(t => (distance > t) == (shown > Round(t, decimals)));
}
