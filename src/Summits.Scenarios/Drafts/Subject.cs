using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// A subject summits talk about, and the words that mark a sentence as being about it: the names of the
/// places and people it concerns, and its own terms. A term says more than a name: "China's application to
/// join the CPTPP" names China but is about the trade pact, so a term counts twice what a name counts.
/// </summary>
/// <param name="names">Whole-word patterns of places, peoples and leaders; one with a capital letter matches case-sensitively.</param>
/// <param name="terms">Whole-word patterns of the subject's own terms, matched the same way.</param>
public sealed class Subject(string id, string title, string[] names, params string[] terms)
{
    /// <summary>What one use of a term counts, against 1 for a name.</summary>
    public const int TermWeight = 2;

    private readonly (Regex Pattern, int Weight)[] _patterns =
        [.. names.Select(w => (Pattern(w), 1)), .. terms.Select(w => (Pattern(w), TermWeight))];

    private readonly Regex[] _names = [.. names.Select(Pattern)];

    /// <summary>
    /// True for a subject of a place whose terms are words said of other places too ("sanctions" and "nuclear" of
    /// North Korea's, "ceasefire" of the Middle East's): its terms count only in a readout that names one of its places
    /// or people (<see cref="IsIn"/>). False for a subject whose terms are its own (trade's "tariffs", the Indo-Pacific's).
    /// </summary>
    public bool TermsNeedAName { get; init; }

    /// <summary>
    /// Whether a sentence may be about this subject in a readout whose whole text is <paramref name="readout"/>: always,
    /// but for a subject whose <see cref="TermsNeedAName"/>, which must be named in the readout: "sanctions" in a
    /// Japan–Russia readout that never names North Korea is not about North Korea.
    /// </summary>
    public bool IsIn(string readout) => !TermsNeedAName || Names(readout);

    /// <summary>True when <paramref name="text"/> uses one of the subject's names (its places, peoples and leaders).</summary>
    public bool Names(string text) => _names.Any(n => n.IsMatch(text));

    /// <summary>The subject's words that <paramref name="text"/> uses, each once, in the order they first stand in it ("sanctions", "nuclear").</summary>
    public IReadOnlyList<string> WordsIn(string text) =>
        [.. _patterns.SelectMany(p => p.Pattern.Matches(text)).OrderBy(m => m.Index).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static Regex Pattern(string word) => new($@"\b{word}\b",
        (word.Any(char.IsUpper) ? RegexOptions.None : RegexOptions.IgnoreCase) | RegexOptions.CultureInvariant);

    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>The weighted count of the subject's words in the sentence (a name 1, a term <see cref="TermWeight"/>), and where it first uses one.</summary>
    public (int Hits, int First) Score(string sentence)
    {
        var hits = 0;
        var first = int.MaxValue;
        foreach (var (pattern, weight) in _patterns)
        {
            foreach (Match match in pattern.Matches(sentence))
            {
                hits += weight;
                first = Math.Min(first, match.Index);
            }
        }
        return (hits, first);
    }
}
