using System.Globalization;
using Icu;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// Where a line may break inside text written without spaces (Chinese, Japanese), by the Unicode line breaking
/// algorithm (Unicode Standard Annex #14) as ICU implements it, with its strict rules for Japanese (a line never starts
/// with closing punctuation, a small kana or the prolonged sound mark, and never ends with opening punctuation).
/// ICU is the system's own library (libicu), reached through icu.net. On a system without it the text breaks between
/// any two of its characters instead, a character kept whole with the marks that combine with it (a text element, as
/// <see cref="StringInfo"/> finds them: "か" and its voicing mark "゙", an emoji and its modifiers), and the command says so,
/// in those words, in a note at its end (<see cref="MissingIcu"/>, once however often it broke such text); nothing
/// else changes.
/// </summary>
public static class LineBreaks
{
    /// <summary>
    /// The note a command ends with when it broke text without ICU (<see cref="FormatNotes.Say"/>): what is missing, what
    /// is done instead, and what to install, in one line.
    /// </summary>
    public const string MissingIcu =
        "note: the ICU library (libicu) could not be loaded, so text written without spaces breaks between any two of its characters (each kept whole with the marks that combine with it) rather than by the Unicode line breaking rules; installing it (on Debian 12, apt-get install libicu72) gives those rules";

    /// <summary>The strict line breaking locale, or null when ICU cannot be loaded.</summary>
    private static readonly Lazy<Locale?> Strict = new(Load);

    private static Locale? Load()
    {
        try
        {
            Wrapper.Init();
            return new Locale("@lb=strict");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException
            or FileLoadException or FileNotFoundException or MissingMemberException or TypeInitializationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The offsets (in UTF-16 code units, each in 1..<c>text.Length − 1</c>, ascending) at which a line may break
    /// inside <paramref name="text"/>, a text without spaces; empty when it has none. Without ICU, every boundary
    /// between two characters, each kept whole with its combining marks (text elements), with the note <see cref="MissingIcu"/>.
    /// </summary>
    public static IReadOnlyList<int> Opportunities(string text) => Opportunities(text, Strict.Value);

    /// <summary>
    /// <see cref="Opportunities(string)"/> by <paramref name="strict"/> (ICU's strict line breaking locale), or, when it
    /// is null, between every two characters, each kept whole with its combining marks (text elements), with the note <see cref="MissingIcu"/>.
    /// </summary>
    internal static IReadOnlyList<int> Opportunities(string text, Locale? strict)
    {
        if (text.Length < 2)
            return [];
        if (strict is not null)
        {
            return [.. BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.LINE, strict, text)
                .Select(b => b.End)
                .Where(end => end > 0 && end < text.Length)];
        }
        var every = StringInfo.ParseCombiningCharacters(text).Skip(1).ToArray();
        if (every.Length > 0)
            FormatNotes.Say(MissingIcu);
        return every;
    }
}
