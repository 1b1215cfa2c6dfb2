using System.Globalization;
using Summits.Model;

namespace Summits.Reports.Pages;

/// <summary>
/// How numbers appear in reports: by the one rule every line of words follows (<see cref="Figures.Text(double)"/>), at
/// most four decimals, never "-0", and every difference taken between the values as shown, so that a reader who
/// subtracts the printed numbers gets the printed change (22.37514 → 21.13486 is 22.3751 → 21.1349, −1.2402, whatever
/// the unrounded values were).
/// </summary>
public static class Shown
{
    /// <summary>The value with at most four decimals, half away from zero, invariant culture; −0.00001 reads "0".</summary>
    public static string Number(double value) => Figures.Text(value);

    /// <summary>The value as a reader sees it: <see cref="Number"/> read back.</summary>
    public static double Rounded(double value) => double.Parse(Number(value), CultureInfo.InvariantCulture);

    /// <summary>The change from <paramref name="from"/> to <paramref name="to"/> as the difference of their shown values.</summary>
    public static double Change(double from, double to) => Figures.Round(Rounded(to) - Rounded(from), Figures.Most);

    /// <summary>A change or a correlation with its sign, at most four decimals (<see cref="Number"/>): "+1.5", "-0.25", "0".</summary>
    public static string Signed(double change)
    {
        var text = Number(change);
        return change > 0 && text != "0" ? "+" + text : text;
    }

    /// <summary>The change between two values as shown, signed.</summary>
    public static string SignedChange(double from, double to) => Signed(Change(from, to));

    /// <summary>A share in 0..1 as a percentage with at most one decimal: 0.4567 → "45.7%".</summary>
    public static string Percent(double share)
    {
        var text = (share * 100).ToString("0.#", CultureInfo.InvariantCulture);
        return (text == "-0" ? "0" : text) + "%";
    }

    /// <summary>A p-value for reading: four decimals, "&lt;0.0001" below that.</summary>
    public static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text a person or a file wrote (a scenario's <c>about</c>), made a whole sentence for a report:
    /// trimmed, its first letter capitalised, and a full stop added unless it already ends in ".", "!",
    /// "?" or "…" (before any closing quote or bracket); a trailing comma, colon or semicolon gives way to
    /// it. Empty text stays empty.
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return "";
        if (char.IsLower(trimmed[0]))
            trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        var end = trimmed.TrimEnd(')', ']', '"', '\'', '”', '’', '»', '*', '_');
        if (end.Length > 0 && end[^1] is '.' or '!' or '?' or '…')
            return trimmed;
        // A clause left open (a trailing comma, colon or semicolon) is closed instead.
        return trimmed.TrimEnd(',', ';', ':').TrimEnd() + ".";
    }
}
