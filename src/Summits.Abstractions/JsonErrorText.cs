using System.Text.Json;

namespace Summits.Grains;

/// <summary>
/// The words of a <see cref="JsonException"/> without the place .NET appends to them (<c>Path: $.a |
/// LineNumber: 1 | BytePositionInLine: 13.</c>, 0-based): every message that reports a JSON error already starts
/// with <c>file:line:col</c>, 1-based, so the place is said once, in the form a user's editor reads.
/// </summary>
public static class JsonErrorText
{
    /// <summary>
    /// <paramref name="error"/>'s message on one line, cut before its " Path: " or " LineNumber: " part:
    /// <c>',' is an invalid start of a value. LineNumber: 1 | BytePositionInLine: 13.</c> gives
    /// <c>',' is an invalid start of a value.</c>
    /// </summary>
    public static string Of(JsonException error) => Words(error.Message);

    /// <summary>
    /// The 1-based column, counted in characters, of the place <paramref name="error"/> reports in
    /// <paramref name="json"/>, the text it was read from: .NET's <c>BytePositionInLine</c> counts the UTF-8 bytes
    /// before the place in line <c>LineNumber</c> (both 0-based), so on a line holding 'ü' (two bytes) or an emoji (four
    /// bytes, two UTF-16 units) it runs ahead of the column an editor shows. Each Unicode scalar value (rune) counts
    /// one, as the places of settings and scenario errors count. 1 when the error gives no place.
    /// </summary>
    /// <param name="json">The text that was read, lines ending in '\n'.</param>
    /// <param name="error">The error .NET's JSON reader threw for it.</param>
    public static int Column(string json, JsonException error)
    {
        var lineIndex = error.LineNumber ?? 0;
        var bytes = (int)(error.BytePositionInLine ?? 0);
        var start = 0;
        for (var l = 0L; l < lineIndex; l++)
        {
            var next = json.IndexOf('\n', start);
            if (next < 0)
                return bytes + 1;
            start = next + 1;
        }
        var end = json.IndexOf('\n', start);
        var line = end < 0 ? json[start..] : json[start..end];
        var column = 1;
        var counted = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (counted >= bytes)
                return column;
            counted += rune.Utf8SequenceLength;
            column++;
        }
        // A place past the line's end (the text ends early): the bytes beyond it counted one a column.
        return column + Math.Max(0, bytes - counted);
    }

    /// <summary>As <see cref="Of"/>, for a message already taken from its exception.</summary>
    public static string Words(string message)
    {
        var cut = message.Length;
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
                cut = at;
        }
        return string.Join(' ', message[..cut].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
