using Summits.Model;

namespace Summits.Scenarios;

/// <summary>The text a world's quotes are taken from, and where each quote stands in it.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;
    private readonly int[] _paragraphOfLine;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        // A line ends at LF, CR LF or a lone CR, so quotes in an old Mac file get their real lines.
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (text[i] is '\n' or '\r')
                starts.Add(i + 1);
        }
        _lineStarts = [.. starts];
        _paragraphOfLine = new int[_lineStarts.Length];
        var paragraph = 0;
        var previousBlank = true;
        for (var line = 0; line < _lineStarts.Length; line++)
        {
            var blank = string.IsNullOrWhiteSpace(LineText(line));
            if (!blank && previousBlank)
                paragraph++;
            _paragraphOfLine[line] = paragraph;
            previousBlank = blank;
        }
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>Reads a source text named on the command line.</summary>
    /// <exception cref="InputException">at <c>path:1:1</c>: the file is missing, not a regular file, or larger than <see cref="InputFile.TextLimit"/>.</exception>
    public static SourceText Load(string path) =>
        new(path, InputFile.ReadText(path, path, "source text", InputFile.TextLimit, problem => new InputException(new FilePosition(path, 1, 1), problem)));

    /// <summary>Where the quote stands, compared ordinal (curly quotes stay curly), or null if it is not in the text.</summary>
    public SourceLocation? Find(string quote)
    {
        if (quote.Length == 0)
            return null;
        var index = Text.IndexOf(quote, StringComparison.Ordinal);
        return index < 0 ? null : Locate(index);
    }

    /// <summary>
    /// The line, column and paragraph of the character at <paramref name="index"/> (0-based, in UTF-16 units) in the
    /// text, the column counted in characters as an editor shows it: one more than the Unicode scalar values before it
    /// in its line, so an emoji (two UTF-16 units) is one.
    /// </summary>
    public SourceLocation Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
            line = ~line - 1;
        return new SourceLocation(line + 1, Text[_lineStarts[line]..index].EnumerateRunes().Count() + 1, _paragraphOfLine[line]);
    }

    /// <summary>A hint for a quote that is not verbatim: does it match once quote marks and spaces are made plain?</summary>
    public string Hint(string quote)
    {
        var plainText = Plain(Text);
        var plainQuote = Plain(quote);
        return plainText.Contains(plainQuote, StringComparison.Ordinal)
            ? "it matches only when quote marks and spaces are made plain: copy the source's characters exactly (it uses ’ “ ”)"
            : "no passage of the source reads like it";
    }

    private string LineText(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        return Text[start..end];
    }

    private static string Plain(string text) =>
        string.Join(' ', text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
