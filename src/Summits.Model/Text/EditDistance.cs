namespace Summits.Model;

/// <summary>How far apart two names are, for "did you mean" suggestions: one measure for every command, key and file.</summary>
public static class EditDistance
{
    /// <summary>
    /// The optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>: the fewest
    /// insertions, deletions, substitutions and swaps of two neighbouring letters that turn one into the other
    /// (Damerau, 1964; each letter edited once), letters compared as they are (lower both for a comparison without
    /// regard to case). 0 for equal strings; at most the longer one's length.
    /// </summary>
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
