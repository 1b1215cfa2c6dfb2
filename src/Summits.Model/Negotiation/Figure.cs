namespace Summits.Model;

/// <summary>
/// A value as a line of words shows it (<see cref="Figures.Text(double)"/>: at most four decimals, no trailing zeros,
/// never <c>-0</c>), written straight into the interpolated string that quotes it rather than made a string of its own.
/// </summary>
public readonly struct Figure(double value) : ISpanFormattable
{
    /// <summary>The value as given, before it is rounded for showing.</summary>
    public double Value => value;

    public override string ToString() => Figures.Text(value);

    /// <summary>The figure's text; <paramref name="format"/> and <paramref name="formatProvider"/> are ignored: a figure has one form.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the figure's text; <paramref name="format"/> and <paramref name="provider"/> are ignored: a figure has one form.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Figures.TryWrite(value, destination, out charsWritten);
}
