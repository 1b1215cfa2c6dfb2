namespace Summits.Scenarios;

/// <summary>One dimension of a KTAB table: the headers of its position and salience columns.</summary>
public sealed record KtabDimension(string PositionHeader, string SalienceHeader)
{
    /// <summary>The dimension's name: the position header without the word that says it is a position.</summary>
    public string Name
    {
        get
        {
            var words = PositionHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (words.Count > 1 && IsPositionWord(words[^1]))
                words.RemoveAt(words.Count - 1);
            var name = string.Join(' ', words);
            foreach (var prefix in new[] { "Position", "Pstn", "Pos" })
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
                    return name[prefix.Length..].Trim();
            }
            return name;
        }
    }

    private static bool IsPositionWord(string word) =>
        word.Equals("Position", StringComparison.OrdinalIgnoreCase) || word.Equals("Pstn", StringComparison.OrdinalIgnoreCase)
        || word.Equals("Pos", StringComparison.OrdinalIgnoreCase);
}
