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
