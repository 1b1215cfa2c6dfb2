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
    /// ("ß" ss, "æ" ae, "ø" o, "ł" l, "đ" d, "þ" th, "œ" oe), over Latin-1 and Latin Extended-A and -B (U+00C0 to
    /// U+024F), by a table, as the project runs without culture data; any other character as it is.
    /// </summary>
    public static string Latin(string text)
    {
        var latin = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Plain.TryGetValue(c, out var plain))
                latin.Append(plain);
            else
                latin.Append(c);
        }
        return latin.ToString();
    }

    /// <summary>Each Latin letter with a mark (U+00C0 to U+024F) and its plain ASCII form: the base letter of its Unicode decomposition, or its usual spelling.</summary>
    private static readonly Dictionary<char, string> Plain = new()
    {
        ['À'] = "A", ['Á'] = "A", ['Â'] = "A", ['Ã'] = "A", ['Ä'] = "A", ['Å'] = "A", ['Æ'] = "Ae", ['Ç'] = "C", ['È'] = "E", ['É'] = "E", ['Ê'] = "E", ['Ë'] = "E",
        ['Ì'] = "I", ['Í'] = "I", ['Î'] = "I", ['Ï'] = "I", ['Ð'] = "D", ['Ñ'] = "N", ['Ò'] = "O", ['Ó'] = "O", ['Ô'] = "O", ['Õ'] = "O", ['Ö'] = "O", ['Ø'] = "O",
        ['Ù'] = "U", ['Ú'] = "U", ['Û'] = "U", ['Ü'] = "U", ['Ý'] = "Y", ['Þ'] = "Th", ['ß'] = "ss", ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['ä'] = "a",
        ['å'] = "a", ['æ'] = "ae", ['ç'] = "c", ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i", ['ð'] = "d",
        ['ñ'] = "n", ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ø'] = "o", ['ù'] = "u", ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ý'] = "y",
        ['þ'] = "th", ['ÿ'] = "y", ['Ā'] = "A", ['ā'] = "a", ['Ă'] = "A", ['ă'] = "a", ['Ą'] = "A", ['ą'] = "a", ['Ć'] = "C", ['ć'] = "c", ['Ĉ'] = "C", ['ĉ'] = "c",
        ['Ċ'] = "C", ['ċ'] = "c", ['Č'] = "C", ['č'] = "c", ['Ď'] = "D", ['ď'] = "d", ['Đ'] = "D", ['đ'] = "d", ['Ē'] = "E", ['ē'] = "e", ['Ĕ'] = "E", ['ĕ'] = "e",
        ['Ė'] = "E", ['ė'] = "e", ['Ę'] = "E", ['ę'] = "e", ['Ě'] = "E", ['ě'] = "e", ['Ĝ'] = "G", ['ĝ'] = "g", ['Ğ'] = "G", ['ğ'] = "g", ['Ġ'] = "G", ['ġ'] = "g",
        ['Ģ'] = "G", ['ģ'] = "g", ['Ĥ'] = "H", ['ĥ'] = "h", ['Ħ'] = "H", ['ħ'] = "h", ['Ĩ'] = "I", ['ĩ'] = "i", ['Ī'] = "I", ['ī'] = "i", ['Ĭ'] = "I", ['ĭ'] = "i",
        ['Į'] = "I", ['į'] = "i", ['İ'] = "I", ['ı'] = "i", ['Ĳ'] = "Ij", ['ĳ'] = "ij", ['Ĵ'] = "J", ['ĵ'] = "j", ['Ķ'] = "K", ['ķ'] = "k", ['ĸ'] = "k", ['Ĺ'] = "L",
        ['ĺ'] = "l", ['Ļ'] = "L", ['ļ'] = "l", ['Ľ'] = "L", ['ľ'] = "l", ['Ŀ'] = "L", ['ŀ'] = "l", ['Ł'] = "L", ['ł'] = "l", ['Ń'] = "N", ['ń'] = "n", ['Ņ'] = "N",
        ['ņ'] = "n", ['Ň'] = "N", ['ň'] = "n", ['Ŋ'] = "Ng", ['ŋ'] = "ng", ['Ō'] = "O", ['ō'] = "o", ['Ŏ'] = "O", ['ŏ'] = "o", ['Ő'] = "O", ['ő'] = "o", ['Œ'] = "Oe",
        ['œ'] = "oe", ['Ŕ'] = "R", ['ŕ'] = "r", ['Ŗ'] = "R", ['ŗ'] = "r", ['Ř'] = "R", ['ř'] = "r", ['Ś'] = "S", ['ś'] = "s", ['Ŝ'] = "S", ['ŝ'] = "s", ['Ş'] = "S",
        ['ş'] = "s", ['Š'] = "S", ['š'] = "s", ['Ţ'] = "T", ['ţ'] = "t", ['Ť'] = "T", ['ť'] = "t", ['Ŧ'] = "T", ['ŧ'] = "t", ['Ũ'] = "U", ['ũ'] = "u", ['Ū'] = "U",
        ['ū'] = "u", ['Ŭ'] = "U", ['ŭ'] = "u", ['Ů'] = "U", ['ů'] = "u", ['Ű'] = "U", ['ű'] = "u", ['Ų'] = "U", ['ų'] = "u", ['Ŵ'] = "W", ['ŵ'] = "w", ['Ŷ'] = "Y",
        ['ŷ'] = "y", ['Ÿ'] = "Y", ['Ź'] = "Z", ['ź'] = "z", ['Ż'] = "Z", ['ż'] = "z", ['Ž'] = "Z", ['ž'] = "z", ['ſ'] = "s", ['Ơ'] = "O", ['ơ'] = "o", ['Ư'] = "U",
        ['ư'] = "u", ['Ǎ'] = "A", ['ǎ'] = "a", ['Ǐ'] = "I", ['ǐ'] = "i", ['Ǒ'] = "O", ['ǒ'] = "o", ['Ǔ'] = "U", ['ǔ'] = "u", ['Ǖ'] = "U", ['ǖ'] = "u", ['Ǘ'] = "U",
        ['ǘ'] = "u", ['Ǚ'] = "U", ['ǚ'] = "u", ['Ǜ'] = "U", ['ǜ'] = "u", ['Ǟ'] = "A", ['ǟ'] = "a", ['Ǡ'] = "A", ['ǡ'] = "a", ['Ǧ'] = "G", ['ǧ'] = "g", ['Ǩ'] = "K",
        ['ǩ'] = "k", ['Ǫ'] = "O", ['ǫ'] = "o", ['Ǭ'] = "O", ['ǭ'] = "o", ['ǰ'] = "j", ['Ǵ'] = "G", ['ǵ'] = "g", ['Ǹ'] = "N", ['ǹ'] = "n", ['Ǻ'] = "A", ['ǻ'] = "a",
        ['Ȁ'] = "A", ['ȁ'] = "a", ['Ȃ'] = "A", ['ȃ'] = "a", ['Ȅ'] = "E", ['ȅ'] = "e", ['Ȇ'] = "E", ['ȇ'] = "e", ['Ȉ'] = "I", ['ȉ'] = "i", ['Ȋ'] = "I", ['ȋ'] = "i",
        ['Ȍ'] = "O", ['ȍ'] = "o", ['Ȏ'] = "O", ['ȏ'] = "o", ['Ȑ'] = "R", ['ȑ'] = "r", ['Ȓ'] = "R", ['ȓ'] = "r", ['Ȕ'] = "U", ['ȕ'] = "u", ['Ȗ'] = "U", ['ȗ'] = "u",
        ['Ș'] = "S", ['ș'] = "s", ['Ț'] = "T", ['ț'] = "t", ['Ȟ'] = "H", ['ȟ'] = "h", ['Ȧ'] = "A", ['ȧ'] = "a", ['Ȩ'] = "E", ['ȩ'] = "e", ['Ȫ'] = "O", ['ȫ'] = "o",
        ['Ȭ'] = "O", ['ȭ'] = "o", ['Ȯ'] = "O", ['ȯ'] = "o", ['Ȱ'] = "O", ['ȱ'] = "o", ['Ȳ'] = "Y", ['ȳ'] = "y",
    };
}
