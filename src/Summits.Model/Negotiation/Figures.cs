using System.Globalization;

namespace Summits.Model;

/// <summary>
/// The one rule by which a line of words shows a figure (a position, a term, an offer, a distance, a window, a share,
/// a score): as written, rounded half away from zero to at most <see cref="Most"/> decimals, without trailing zeros
/// (<c>92</c>, <c>92.04</c>, <c>74.9968</c>). A figure does not take fewer decimals from what stands beside it, so the
/// same value reads alike wherever a play or its debrief quotes it ("from 94.9968 to 74.9968" above "US
/// now at 74.9968"). A difference smaller than the last of four decimals is not told.
/// </summary>
public static class Figures
{
    /// <summary>The most decimals a figure is shown with: four.</summary>
    public const int Most = 4;

    /// <summary>A value rounded to <paramref name="decimals"/>, half away from zero.</summary>
    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A value as a line shows it and computes with it: rounded half away from zero to <see cref="Most"/> decimals.</summary>
    public static double Shown(double value) => Round(value, Most);

    /// <summary>A value as a line shows it (<see cref="Shown(double)"/>), without trailing zeros: <c>92</c>, <c>92.04</c>, <c>74.9968</c>; never <c>-0</c>.</summary>
    public static string Text(double value) => Text(value, Most);

    /// <summary>A value at <paramref name="decimals"/> (0 to 4), without trailing zeros: <c>92</c>, <c>92.04</c>, <c>74.998</c>.</summary>
    public static string Text(double value, int decimals)
    {
        var format = decimals is >= 0 and <= Most ? Formats[decimals] : Format(decimals);
        var text = Round(value, decimals).ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>
    /// Writes a value as <see cref="Text(double)"/> shows it into <paramref name="destination"/>, for a line that quotes
    /// many figures without making a string of each (<see cref="Figure"/>). False when it does not fit.
    /// </summary>
    public static bool TryWrite(double value, Span<char> destination, out int charsWritten)
    {
        if (!Shown(value).TryFormat(destination, out charsWritten, Formats[Most], CultureInfo.InvariantCulture))
            return false;
        if (destination[..charsWritten] is "-0")
        {
            destination[0] = '0';
            charsWritten = 1;
        }
        return true;
    }

    // "0.#" serves 0 decimals as well: the value is already rounded. The formats of 0 to Most decimals are made once,
    // not at every figure a timeline's words quote.
    private static string Format(int decimals) => "0." + new string('#', Math.Max(1, decimals));

    private static readonly string[] Formats = [.. Enumerable.Range(0, Most + 1).Select(Format)];
}
