using System.Text;
using Summits.Grains;

namespace Summits.Scenarios;

/// <summary>
/// Makes ids (<c>[A-Za-z0-9][A-Za-z0-9_-]*</c>, at most <see cref="WorldKey.MaxIdLength"/> = 64 characters) from names,
/// so every id a writer makes (an imported KTAB table's world, actors and topics; a drafted readout's world, speakers and
/// topics) is one the world and scenario loaders accept. An id too long is cut by <see cref="WorldKey.Fit"/>: a readable
/// prefix, a '-' and a hash of the whole name, so two long names that differ only after the cut stay two ids.
/// </summary>
public static class IdText
{
    /// <summary>
    /// An id for <paramref name="text"/>: letters with accents written without them (<see cref="Latin"/>: "Sánchez"
    /// <c>Sanchez</c>), ASCII letters, digits and '_' kept (lower-cased unless <paramref name="keepCase"/>),
    /// every other run of characters made one '-', '-' and '_' trimmed from both ends; longer than 64 characters, the
    /// first 51 of that, a '-' and 12 hex digits of the SHA-256 of <paramref name="text"/> as given.
    /// </summary>
    /// <param name="fallback">The id when <paramref name="text"/> holds no letter or digit (may be empty, for "none").</param>
    public static string From(string text, string fallback, bool keepCase = false)
    {
        var id = new StringBuilder(text.Length);
        foreach (var c in Latin(text))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
                id.Append(keepCase ? c : char.ToLowerInvariant(c));
            else if (id.Length > 0 && id[^1] != '-')
                id.Append('-');
        }
        var result = id.ToString().Trim('-', '_');
        return result.Length > 0 ? WorldKey.Fit(result, text) : fallback;
    }

    /// <summary>
    /// An id made of ids <paramref name="parts"/> (<c>abe</c>, <c>draft</c>): joined with '-' (<c>abe-draft</c>) when that
    /// is at most 64 characters, else cut as <see cref="WorldKey.Derived"/> cuts a derived world's key, so a suffix or a
    /// number added to an id of 64 characters still gives an id.
    /// </summary>
    /// <exception cref="ArgumentException">When there are no parts.</exception>
    public static string Join(params ReadOnlySpan<string> parts) => WorldKey.Derived(parts).Value;

    /// <summary>
    /// A text with its Latin letters in ASCII where they have a plain form: accents and other marks dropped ("Sánchez"
    /// Sanchez, "Maizière" Maiziere, "Erdoğan" Erdogan) and the letters that are no base letter with a mark spelt out
    /// ("ß" ss, "æ" ae, "ø" o, "ł" l, "đ" d, "þ" th, "œ" oe); any other character as it is.
    /// </summary>
    public static string Latin(string text)
    {
        var latin = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                continue;
            latin.Append(c switch
            {
                'ß' => "ss", 'æ' => "ae", 'Æ' => "Ae", 'ø' => "o", 'Ø' => "O", 'ł' => "l", 'Ł' => "L", 'đ' => "d", 'Đ' => "D",
                'þ' => "th", 'Þ' => "Th", 'œ' => "oe", 'Œ' => "Oe", 'ı' => "i",
                _ => c.ToString(),
            });
        }
        return latin.ToString().Normalize(NormalizationForm.FormC);
    }
}
