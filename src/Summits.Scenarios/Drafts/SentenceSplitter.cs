namespace Summits.Scenarios;

/// <summary>
/// Cuts a paragraph of a readout into sentences: at '.', '!' or '?' (after any closing quote or
/// bracket) followed by a space and a capital letter or an opening quote (double, curly, or a straight single
/// quote before a letter), but not after an
/// abbreviation such as <c>Mr.</c>, <c>Nov.</c> or <c>Jr.</c>, a single initial such as <c>R.</c>, or a
/// word with an inner period such as <c>U.S.</c> or <c>D.C.</c>. A sentence therefore never ends on
/// <c>U.S.</c>: "U.S. Forces Japan" stays whole, at the price of joining the rare sentence that does end
/// there to the next one. ICU's sentence rules (UAX #29 with CLDR's abbreviations) split both
/// "U.S. Forces" and "Dr. Smith", which readouts write often, so the rules here are the project's own.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Nos", "Gen", "Prof", "Rep", "Sen", "Gov", "Amb", "Hon",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "approx", "para",
    };

    /// <summary>The sentences of <c>text[from..to]</c> as (start, length) in <paramref name="text"/>, surrounding spaces left out.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text, int from, int to)
    {
        var sentences = new List<(int, int)>();
        var start = SkipSpace(text, from, to);
        for (var i = start; i < to; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
                continue;
            var end = i + 1;
            while (end < to && text[end] is '.' or '!' or '?')
                end++;
            while (end < to && text[end] is '"' or '”' or '’' or '\'' or ')' or ']' or '»')
                end++;
            var next = SkipSpace(text, end, to);
            var atEnd = next >= to;
            if (!atEnd && (next == end || !(char.IsUpper(text[next]) || IsOpening(text, next, to))))
                continue;
            if (!atEnd && text[i] == '.' && IsAbbreviation(text, from, i))
                continue;
            sentences.Add((start, end - start));
            start = next;
            i = next - 1;
        }
        var last = to;
        while (last > start && char.IsWhiteSpace(text[last - 1]))
            last--;
        if (last > start)
            sentences.Add((start, last - start));
        return sentences;
    }

    /// <summary>The sentences of <paramref name="text"/>, as text.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        [.. Split(text, 0, text.Length).Select(s => text.Substring(s.Start, s.Length))];

    private static bool IsAbbreviation(string text, int from, int period)
    {
        var start = period;
        while (start > from && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '“' or '"' or '‘' or '\''))
            start--;
        var word = text[start..period];
        return word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    /// <summary>
    /// Whether the character at <paramref name="at"/> opens a quotation or a bracket: “, ", ‘, ( or [, or a straight
    /// single quote before a letter or digit ('We ...), which after a sentence's end is a quotation's opening, not an apostrophe.
    /// </summary>
    private static bool IsOpening(string text, int at, int to) =>
        text[at] is '“' or '"' or '‘' or '(' or '[' || (text[at] == '\'' && at + 1 < to && char.IsLetterOrDigit(text[at + 1]));

    private static int SkipSpace(string text, int index, int to)
    {
        while (index < to && char.IsWhiteSpace(text[index]))
            index++;
        return index;
    }
}
