using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>A subject summits talk about, and the words that mark a sentence as being about it.</summary>
/// <param name="Words">Whole-word patterns; one with a capital letter matches case-sensitively.</param>
public sealed class Subject(string id, string title, params string[] words)
{
    private readonly Regex[] _patterns = [.. words.Select(w => new Regex($@"\b{w}\b",
        (w.Any(char.IsUpper) ? RegexOptions.None : RegexOptions.IgnoreCase) | RegexOptions.CultureInvariant))];

    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>How many times the sentence uses the subject's words, and where it first does.</summary>
    public (int Hits, int First) Score(string sentence)
    {
        var hits = 0;
        var first = int.MaxValue;
        foreach (var pattern in _patterns)
        {
            foreach (Match match in pattern.Matches(sentence))
            {
                hits++;
                first = Math.Min(first, match.Index);
            }
        }
        return (hits, first);
    }
}
