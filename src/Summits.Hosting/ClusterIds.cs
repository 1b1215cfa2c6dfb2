namespace Summits.Hosting;

/// <summary>
/// The id that tells one Summits cluster from another on the same Redis server: its silos join the membership kept under
/// it, and its grains' state and reminders are kept under it (it is the cluster's Orleans cluster id and service id
/// alike). 1 to <see cref="MostLength"/> characters, ASCII letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, beginning
/// with a letter or a digit, so that it stands in a Redis key and on a command line as it is.
/// </summary>
public static class ClusterIds
{
    /// <summary>The id of a cluster when none is given: <c>summits</c>.</summary>
    public const string Default = "summits";

    /// <summary>The longest id accepted, in characters: 64.</summary>
    public const int MostLength = 64;

    /// <summary>What an id must be, in words, for error messages.</summary>
    public const string Expected = "a cluster id of 1 to 64 characters: ASCII letters, digits, '.', '-' and '_', beginning with a letter or a digit";

    /// <summary>
    /// The one line that refuses <paramref name="written"/> for <paramref name="option"/>, with <paramref name="why"/> from
    /// <see cref="Read"/>: <c>--cluster-id must be a cluster id of 1 to 64 characters: …, not 'a b': ' ' is not allowed in it</c>,
    /// the value escaped and cut to 40 characters.
    /// </summary>
    public static string Refusal(string option, string written, string why) =>
        $"{option} must be {Expected}, not '{ShownText.Short(written)}': {why}";

    /// <summary>Reads <paramref name="text"/> as a cluster id.</summary>
    /// <returns>The id as written; null when it is none, <paramref name="why"/> then saying what is wrong in a few words.</returns>
    public static string? Read(string? text, out string why)
    {
        why = "";
        if (string.IsNullOrEmpty(text))
        {
            why = "it is empty";
            return null;
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (!(rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '.' or '-' or '_')))
            {
                why = $"'{ShownText.Short(rune.ToString())}' is not allowed in it";
                return null;
            }
        }
        if (!char.IsAsciiLetterOrDigit(text[0]))
        {
            why = $"it begins with '{text[0]}'";
            return null;
        }
        if (text.Length > MostLength)
        {
            why = $"it is {text.Length} characters long";
            return null;
        }
        return text;
    }
}
