using System.Globalization;
using System.Text;

namespace Summits.Hosting;

/// <summary>A value from a configuration source as an error message shows it: on one line, printable, and short.</summary>
internal static class ShownText
{
    /// <summary>The most characters of a value an error shows, the last of them an ellipsis when the value is cut.</summary>
    public const int Most = 40;

    /// <summary>
    /// <paramref name="text"/> with each control character (U+0000 to U+001F, U+007F to U+009F: <see cref="char.IsControl(char)"/>)
    /// written as its escape, <c>\u0000</c>, so that no message carries a raw NUL, a line break or a terminal's escape code.
    /// </summary>
    public static string Escaped(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c))
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                shown.Append(c);
        }
        return shown.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> escaped (<see cref="Escaped"/>) and cut to at most <see cref="Most"/> characters: a text
    /// of more is shown as its first <c>Most - 1</c> and an ellipsis, "…". Characters are counted as Unicode scalar values
    /// (an emoji is one; an escape such as <c>\u0000</c> is one, the character it stands for), and a cut never splits one.
    /// </summary>
    public static string Short(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        var kept = runes.Length <= Most ? runes : runes[..(Most - 1)];
        var shown = Escaped(string.Concat(kept.Select(r => r.ToString())));
        return runes.Length <= Most ? shown : shown + "…";
    }
}
