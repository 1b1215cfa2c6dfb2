namespace Summits.Scenarios;

/// <summary>
/// A path written into a command that a line suggests, so that the command runs as written when pasted into a POSIX
/// shell: as it is when it holds only characters a shell takes literally, else in single quotes
/// (<c>'my tables/SOE Policy.csv'</c>, an inner quote written <c>'\''</c>).
/// </summary>
public static class ShellWord
{
    /// <summary>The word as a shell reads it back: itself when it holds only letters, digits and <c>_-./+:@%,=</c>, else quoted.</summary>
    public static string Of(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./+:@%,=".Contains(c, StringComparison.Ordinal))
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
