using Icu;

namespace Summits.Cli.Output;

/// <summary>
/// Where a line may break inside text written without spaces (Chinese, Japanese), by the Unicode line breaking
/// algorithm (Unicode Standard Annex #14) as ICU implements it, with its strict rules for Japanese (a line never starts
/// with closing punctuation, a small kana or the prolonged sound mark, and never ends with opening punctuation).
/// ICU is the system's own library (libicu), reached through icu.net.
/// </summary>
public static class LineBreaks
{
    private static readonly Locale Strict = new("@lb=strict");

    private static readonly Lazy<bool> Loaded = new(() =>
    {
        try
        {
            Wrapper.Init();
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or FileLoadException)
        {
            return false;
        }
    });

    /// <summary>
    /// Whether the system's ICU library could be loaded. Without it no text breaks inside a word: a sentence written
    /// without spaces is one word, kept whole on its line.
    /// </summary>
    public static bool Available => Loaded.Value;

    /// <summary>
    /// The offsets (in UTF-16 code units, each in 1..<c>text.Length − 1</c>, ascending) at which a line may break
    /// inside <paramref name="text"/>, a text without spaces; empty when it has none or ICU is not available.
    /// </summary>
    public static IReadOnlyList<int> Opportunities(string text)
    {
        if (text.Length < 2 || !Available)
            return [];
        return [.. BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.LINE, Strict, text)
            .Select(b => b.End)
            .Where(end => end > 0 && end < text.Length)];
    }
}
