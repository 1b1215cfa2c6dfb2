using System.Globalization;

namespace Summits.Scenarios;

/// <summary>
/// Spells a number for every CSV file Summits writes that carries the model's numbers whole (a study's, a run's, a
/// comparison's, a world's positions, the timeline, the bench's; not a table of rounded figures, such as
/// <c>analyze</c>'s): invariant, with the fewest digits that read back as the same double, and always in plain
/// decimal notation, never with an exponent (<c>0.000012</c>, not the <c>1.2E-05</c> of <c>"R"</c>), so that a
/// spreadsheet or a reader that takes decimals alone reads every cell as the number it is.
/// </summary>
public static class CsvNumber
{
    /// <summary>
    /// <paramref name="value"/> as plain decimal text: <c>"R"</c>'s digits with its exponent, if any, written out as
    /// zeros and a moved point (<c>-4E-07</c> is <c>-0.0000004</c>, <c>1E+15</c> is <c>1000000000000000</c>), so that
    /// it reads back as the same double. NaN and the infinities are written as <c>"R"</c> writes them.
    /// </summary>
    public static string Of(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) && double.IsFinite(value) ? Plain(text) : text;
    }

    /// <summary>
    /// Writes <see cref="Of"/>'s text to <paramref name="output"/>, formatting into <paramref name="buffer"/> (32
    /// characters hold any <c>"R"</c> text) so that a number without an exponent allocates nothing.
    /// </summary>
    public static void Write(TextWriter output, double value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        if (buffer[..written].Contains('E') && double.IsFinite(value))
            output.Write(Plain(buffer[..written].ToString()));
        else
            output.Write(buffer[..written]);
    }

    // "R" writes an exponent as [-]d[.ddd]E±xx, its digits without trailing zeros: shift the point by the exponent.
    private static string Plain(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        var mantissa = text[(negative ? 1 : 0)..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var plain = point <= 0 ? "0." + new string('0', -point) + digits
            : point >= digits.Length ? digits + new string('0', point - digits.Length)
            : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }
}
