using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// The words by which a readout tells who said something, gathered in one place for the sentence rules of
/// <see cref="Briefing"/>: the reporting verbs, the phrases set between a speaker and the verb ("Trump, in turn,
/// stressed ..."), a speaker before the sentence's own subject ("According to Trump, ..."), the phrases that say a
/// leader said nothing on a topic ("declined to comment on ..."), the numbering before a paragraph, and the quotation
/// marks, with the apostrophes that are not one. The words that say a topic was not raised are
/// <see cref="NotDiscussedWords"/>; the forms of a leader's name and title are <see cref="LeaderNames"/>.
/// </summary>
public static partial class ReportingWords
{
    /// <summary>
    /// Whether a quotation is open after a sentence, given whether it was open before it: curly double quotes count
    /// up and down, straight double ones toggle, and where the sentence has neither, single quotes count up and down
    /// (an apostrophe, as in "Japan's" or "the leaders' meeting", is not counted).
    /// </summary>
    public static bool LeavesQuotationOpen(string sentence, bool open)
    {
        var before = open ? 1 : 0;
        if (sentence.Contains('“') || sentence.Contains('”'))
            return before + sentence.Count(c => c == '“') - sentence.Count(c => c == '”') > 0;
        if (sentence.Contains('"'))
            return sentence.Count(c => c == '"') % 2 == 1 ? !open : open;
        return before + SingleOpening().Count(sentence) - SingleClosing().Count(sentence) > 0;
    }

    /// <summary>
    /// The verbs of a reporting clause after a quotation, in the past and the present: "said", "says", "told", "added",
    /// "stressed", "pointed out", "went on" and their like.
    /// </summary>
    public const string Verb =
        @"(?:said|says|told|tells|added|adds|noted|notes|stressed|stresses|replied|replies|remarked|remarks|declared|declares|insisted|insists|explained|explains|warned|warns|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|stated|states|observed|observes|argued|argues|affirmed|affirms|commented|comments|recalled|recalls|continued|continues|concluded|concludes|acknowledged|answered|responded|asked|asks|wrote|writes|pointed out|went on)(?![\p{L}])";

    /// <summary>
    /// A phrase of one to four small-letter words set between commas after a subject and before its verb: "Trump,
    /// in turn, stressed", "Abe, for his part, said", "The President, however, noted". It tells how the subject spoke,
    /// never who, so the subject stays the speaker.
    /// </summary>
    public const string Inserted = @"(?:, (?:\p{Ll}+ ){0,3}\p{Ll}+,)";

    /// <summary>
    /// What names a speaker before a sentence's own words, up to the comma after the speaker: "According to Trump,
    /// ...", "In the words of the President, ...", "As stated by Prime Minister Abe, ...". The speaker follows it.
    /// </summary>
    public const string SourceFirst = @"(?:[Aa]ccording to|[Ii]n the words of|[Aa]s (?:stated|noted|said|put|explained) by)";

    /// <summary>
    /// What a subject's verb says when the leader said nothing on a topic: "did not comment", "declined to comment",
    /// "refused to comment", "had no comment", with the topic after "on" or "about" as the group <c>what</c> when the
    /// sentence names one. The group <c>said</c> is the phrase as written.
    /// </summary>
    public const string NoComment =
        @"^(?<said>(?:did not|didn't|does not|doesn't|would not|wouldn't|declined to|refused to|chose not to) comment|(?:had|has|offered|made|gave) no comment)(?: (?:on|about|upon) (?<what>[^,.;:()]+))?";

    /// <summary>
    /// A word by which a speaker speaks of himself: "I", "we", "my", "our", "us", "me" (not "US", the country). A label
    /// whose sentence has one quotes a speaker's own words, as a transcript does.
    /// </summary>
    public const string FirstPerson = @"(?<![\p{L}])(?:I|[Ww]e|[Mm]y|[Oo]urs?|us|[Mm]e)(?![\p{L}’'])";

    /// <summary>
    /// A paragraph's number or letter at its start, with the spaces after it: a number ("1.", "2)", "(3)"), a letter
    /// ("a)", "(b)", "B)", "c."), a Roman numeral in either case ("ii.", "II.", "(iii)", "iv)"), or a bullet. The
    /// paragraph is read as if it were absent.
    /// </summary>
    public const string Numbering =
        @"\G(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxl]{1,6}|[IVXL]{1,6})\)|(?:\d{1,3}|[A-Za-z]|[ivxl]{1,6}|[IVXL]{1,6})\.|[•·▪‣◦*–-])\s+";

    /// <summary>
    /// A single quotation mark that opens a quotation: ' or ‘ at a word's start, after no letter or digit ("said:
    /// 'We ..."). An apostrophe inside a word ("Japan's") is never one.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])['‘](?=[\p{L}\p{N}])")]
    private static partial Regex SingleOpening();

    /// <summary>
    /// A single quotation mark that closes a quotation: ' or ’ at a word's end, before no letter or digit ("act.'",
    /// "open,'"), but not the apostrophe of a plural's possessive before the word it qualifies ("the leaders' meeting").
    /// </summary>
    [GeneratedRegex(@"(?<=\S)['’](?![\p{L}\p{N}])(?<!s['’](?=\s+\p{Ll}))")]
    private static partial Regex SingleClosing();
}
