using System.Text.Json;

namespace Summits.Scenarios;

/// <summary>
/// What a file holds when it holds none of what its reader expects, said the same way by every reader (YAML files,
/// KTAB tables, <c>state.json</c>, telemetry lines): nothing at all (<c>the file is empty (0 bytes)</c>), only blank
/// lines or whitespace, only characters that carry nothing (a table's commas), or a JSON value of another kind than
/// the object expected (<c>the file holds a JSON null, not an object</c>). Each refusal stands at the place of the
/// first thing that is there (1:1 when nothing is), its column counted in characters, and says what was expected.
/// </summary>
public static class HeldText
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>The longest JSON string or number quoted whole; a longer one is cut and ends in '…'.</summary>
    private const int QuotedLength = 24;

    /// <summary>
    /// The refusal of <paramref name="text"/> when it holds nothing but whitespace: 0 bytes, a byte order mark alone,
    /// whitespace without a line end, or blank lines (counted as <see cref="TextLines"/> cuts them); null when it
    /// holds anything else.
    /// </summary>
    /// <param name="file">The file, as its reader names it in the refusal.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="expected">What the file should hold, after "expected ": "a KTAB table: …".</param>
    public static InputException? Blank(string file, string text, string expected)
    {
        using var reader = new StringReader(text);
        return Blank(file, reader, expected);
    }

    /// <summary>
    /// <see cref="Blank(string, string, string)"/> for text read a character at a time, so that a file too large to
    /// hold as one string (a telemetry file of up to a gigabyte) is judged without being held: reads until the first
    /// character that is not whitespace (null) or to the end. Give the reader the file's bytes as they are, a byte
    /// order mark included (a <see cref="StreamReader"/> that does not detect encodings), so that it can be said.
    /// </summary>
    public static InputException? Blank(string file, TextReader reader, string expected)
    {
        // Characters after the leading byte order marks; lines counted as TextLines cuts them (CR LF is one end).
        long characters = 0;
        var (marks, lines, open, ended, previous) = (0, 0, false, false, '\0');
        for (var read = reader.Read(); read >= 0; read = reader.Read())
        {
            var c = (char)read;
            if (c == ByteOrderMark && characters == 0)
            {
                marks++;
                continue;
            }
            if (!char.IsWhiteSpace(c))
                return null;
            characters++;
            if (c is '\n' or '\r')
            {
                if (!(c == '\n' && previous == '\r'))
                    lines++;
                (open, ended) = (false, true);
            }
            else
            {
                open = true;
            }
            previous = c;
        }
        if (marks == 0 && characters == 0)
            return Refusal(file, (1, 1), "the file is empty (0 bytes)", expected);
        if (characters == 0)
            return Refusal(file, (1, 1), "the file holds only a byte order mark (U+FEFF)", expected);
        return !ended
            ? Refusal(file, (1, 1), $"the file holds only whitespace ({Counted.Of((int)Math.Min(characters, int.MaxValue), "character")}, no line end)", expected)
            : Refusal(file, (1, 1), $"the file holds only {Counted.Of(lines + (open ? 1 : 0), "blank line")}", expected);
    }

    /// <summary>
    /// The refusal of a text whose every character but whitespace is one that carries nothing to its reader (a
    /// table's <paramref name="what"/>, such as "commas"), at the first of them: <c>the file holds only commas and
    /// whitespace</c>. Call it once <see cref="Blank(string, string, string)"/> has found the text not blank.
    /// </summary>
    /// <param name="what">The characters, in the plural: "commas".</param>
    public static InputException Only(string file, string text, string what, string expected) =>
        Refusal(file, FirstThing(text), $"the file holds only {what} and whitespace, nothing between them", expected);

    /// <summary>
    /// The refusal of a text that is well-formed JSON whose top value is not an object (<c>null</c>, <c>[]</c>,
    /// <c>3</c>, <c>"x"</c>, <c>true</c>), at that value; null for an object, for blank text and for text that is not
    /// JSON at all (its reader's parser says where that goes wrong).
    /// </summary>
    public static InputException? NotObject(string file, string text, string expected)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? null
                : Refusal(file, FirstThing(text), $"the file holds {JsonKind(document.RootElement)}, not an object", expected);
        }
    }

    /// <summary>
    /// A JSON value's kind, with the value itself where it is short: "a JSON null", "an empty JSON array ([])", "a JSON
    /// array of 2 values", "a JSON number (3)", "a JSON string (\"x\")", "a JSON boolean (true)", "a JSON object".
    /// </summary>
    public static string JsonKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "a JSON null",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "an empty JSON array ([])" : $"a JSON array of {Counted.Of(value.GetArrayLength(), "value")}",
        JsonValueKind.String => $"a JSON string ({Quoted(value.GetRawText())})",
        JsonValueKind.Number => $"a JSON number ({Quoted(value.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => $"a JSON boolean ({value.GetRawText()})",
        _ => "a JSON object",
    };

    /// <summary>
    /// The line and column (1-based, the column in characters: an emoji is one) of the first character of
    /// <paramref name="text"/> that is neither whitespace nor a byte order mark (which takes no column); 1:1 when there is none.
    /// </summary>
    public static (int Line, int Column) FirstThing(string text)
    {
        var (line, column) = (1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                (line, column) = (line + 1, 1);
                continue;
            }
            if (c == ByteOrderMark)
                continue;
            if (!char.IsWhiteSpace(c))
                return (line, column);
            if (!char.IsLowSurrogate(c))
                column++;
        }
        return (1, 1);
    }

    private static InputException Refusal(string file, (int Line, int Column) at, string holds, string expected) =>
        new(new FilePosition(file, at.Line, at.Column), $"{holds}; expected {expected}");

    private static string Quoted(string raw) => raw.Length <= QuotedLength ? raw : raw[..(QuotedLength - 1)] + "…";
}
