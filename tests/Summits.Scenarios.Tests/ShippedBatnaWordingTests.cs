using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The shipped files' texts (exercises and their answers, scenarios, worlds, the record) name no deal as the BATNA, the
/// field's term (docs/model.md), wherever they set something against it, in one of the two forms the product's own words
/// use: "no deal (its BATNA)", as an exercise's answers say it, or the two side by side between commas, "no deal, its
/// BATNA" (as the role brief and docs/exercises.md say it) or "its BATNA, no deal" (where the text is already inside a
/// parenthesis). Only the files' string values are read, as the project's YAML loader gives them, so a comment (the
/// author's note, which no student or analyst is shown) is no text, and each value's runs of whitespace are read as one
/// space, so a folded text reads as it is shown whatever its line breaks. "no deal" is found in any case, as a whole
/// phrase, across a line break too.
/// </summary>
public sealed partial class ShippedBatnaWordingTests
{
    private const RegexOptions Phrase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\bno deal\b", Phrase)]
    private static partial Regex NoDeal();

    // The two forms that name no deal as the BATNA; the parenthesis may go on after the BATNA ("(its BATNA, best
    // alternative to a negotiated agreement)").
    [GeneratedRegex(@"\bno deal(?: \(its BATNA\b|, its BATNA\b)|\bits BATNA, no deal\b", Phrase)]
    private static partial Regex NamedAsTheBatna();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// Where "no deal" says that no agreement exists, not what no deal is worth to a side: each such phrasing in the
    /// shipped files, whole. No other is let through.
    /// </summary>
    private static readonly string[] NoAgreementExists = ["no deal on trade alone exists"];

    [Fact]
    public void Every_text_that_sets_something_against_no_deal_names_it_as_the_BATNA()
    {
        var files = Directory.GetFiles(Path.Combine(RepoFiles.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var read = files.SelectMany(file => Texts(Path.GetRelativePath(RepoFiles.Root, file), File.ReadAllText(file))).ToList();

        var bare = read.Where(r => r.Found.Bare.Count > 0).Select(r => $"{r.At}: {r.Text}").ToList();
        Assert.True(bare.Count == 0, string.Join("\n", bare));
        // The one phrasing let through is read where it stands: trade-for-defence's facilitator-note, a folded text
        // whose "no deal on trade alone" and "exists" stand on two lines of the file (lines 21 and 22), and whose "no
        // deal (its BATNA)" is read as named.
        var note = Assert.Single(read, r => r.At.StartsWith(Path.Combine("scenarios", "exercises", "trade-for-defence.yaml") + ":", StringComparison.Ordinal)
            && r.Text.StartsWith("Let students propose trade alone first", StringComparison.Ordinal));
        Assert.Equal((0, 1, 1), (note.Found.Bare.Count, note.Found.Named, note.Found.Exempt));
    }

    [Fact]
    public void Trade_for_defence_asks_students_to_read_each_reason_against_the_BATNA()
    {
        var exercise = ExerciseFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "exercises", "trade-for-defence.yaml"));

        // The file's third objective, as a student reads it: the BATNA named inside the parenthesis without a second one.
        Assert.Equal("Read each answer's reason (how much the terms are worth to the side that answers, against what its BATNA, no deal, is worth to it) and say why the other side moved.",
            exercise.Objectives[2]);
    }

    [Theory]
    // Worked by hand: each "no deal" found as a whole phrase in any case, after the whitespace is made one space, is
    // bare unless one of the two forms names it as the BATNA or it stands in the listed "no deal on trade alone exists".
    [InlineData("accepts what beats no deal.", 1, 0, 0)]
    [InlineData("No deal is worth 0.5 to it.", 1, 0, 0)]
    [InlineData("worth less to Japan than no deal (its BATNA).", 0, 1, 0)]
    [InlineData("worth less to Japan than NO DEAL (its BATNA, best alternative to a negotiated agreement).", 0, 1, 0)]
    [InlineData("worth less to Japan than no deal, its BATNA.", 0, 1, 0)]
    [InlineData("against what its BATNA, no deal, is worth to it", 0, 1, 0)]
    [InlineData("beats no\n   deal\n   (its BATNA)", 0, 1, 0)]
    [InlineData("beats no\n  deal.", 1, 0, 0)]
    [InlineData("beats no deal (its\nBATNA) and than no deal", 1, 1, 0)]
    [InlineData("so no deal on trade alone\n  exists", 0, 0, 1)]
    [InlineData("takes 55 over no deal on procurement", 1, 0, 0)]
    [InlineData("no deal (the BATNA)", 1, 0, 0)]
    [InlineData("a piano deal, no dealer and no deals", 0, 0, 0)]
    public void A_bare_no_deal_is_told_from_one_named_as_the_BATNA(string text, int bare, int named, int exempt)
    {
        var found = Find(text);

        Assert.Equal((bare, named, exempt), (found.Bare.Count, found.Named, found.Exempt));
    }

    [Fact]
    public void Only_string_values_are_read_so_a_comment_is_not_and_a_folded_text_is_read_across_its_lines()
    {
        // Worked by hand: the comment's "no deal" is no value; 'note' folds to "beats no deal (its BATNA), and no deal
        // on trade alone exists" (named, then the listed phrasing); the second 'because' folds to "worth less than No
        // deal." (bare), its block starting at its '>-' on line 8 (after the 5 lines above and "steps:", "  - expect:"),
        // column 16 (6 spaces, "because:" in 7-14, a space, then '>'); the key 'no deal' is a name, not a text.
        const string text = "because: takes 55 over no deal (its BATNA).  # not no deal alone\n"
            + "note: >-\n  beats no deal\n  (its BATNA), and no\n  deal on trade alone exists\n"
            + "steps:\n  - expect:\n      because: >-\n        worth less than No\n        deal.\n"
            + "no deal: 1\n";

        var read = Texts("test.yaml", text).ToList();

        var bare = Assert.Single(read, r => r.Found.Bare.Count > 0);
        Assert.Equal(("test.yaml:8:16", "worth less than No deal."), (bare.At, bare.Text));
        Assert.Equal(2, read.Sum(r => r.Found.Named));
        Assert.Equal(1, read.Sum(r => r.Found.Exempt));
    }

    // A reservation value is a bound, not a range: a value is above, below or beyond it, never inside or within it,
    // whether the bound is named ("inside Japan's reservation value") or left understood ("inside the US's.").
    [GeneratedRegex(@"\b(?:inside|within)\b[^.;,]*\breservation value|\b(?:inside|within) (?:the )?\w+'s?(?=[.,;)]|$)", Phrase)]
    private static partial Regex InsideABound();

    [Fact]
    public void No_shipped_text_puts_a_value_inside_a_reservation_value()
    {
        var files = Directory.GetFiles(Path.Combine(RepoFiles.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        var inside = files.SelectMany(file => Texts(Path.GetRelativePath(RepoFiles.Root, file), File.ReadAllText(file)))
            .Where(r => InsideABound().IsMatch(r.Text)).Select(r => $"{r.At}: {r.Text}").ToList();
        Assert.True(inside.Count == 0, string.Join("\n", inside));
    }

    [Theory]
    // Worked by hand: the two texts this wording replaced are caught, the bound said as a bound and a window (a range) are not.
    [InlineData("an FTA at 35 is inside Japan's reservation value, and procurement", true)]
    [InlineData("76 is beyond Japan's reservation value, and 55 is inside the US's.", true)]
    [InlineData("a price within its reservation value", true)]
    [InlineData("an FTA at 35 is below Japan's reservation value (36.25 at the start)", false)]
    [InlineData("55 is above the US's (44.5).", false)]
    [InlineData("procurement at 75, inside Japan's 20.75-point window around 60", false)]
    public void A_value_put_inside_a_reservation_value_is_told_from_one_on_its_side(string text, bool inside) =>
        Assert.Equal(inside, InsideABound().IsMatch(text));

    private sealed record Found(IReadOnlyList<int> Bare, int Named, int Exempt);

    /// <summary>Each string value of a YAML text with the place it starts at (file:line:column) and what it holds.</summary>
    private static IEnumerable<(string At, string Text, Found Found)> Texts(string file, string text)
    {
        static IEnumerable<YamlScalarNode> Values(YamlNode node) => node switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children.SelectMany(Values),
            // A key is a name, not a text anyone reads as a sentence.
            YamlMappingNode mapping => mapping.Children.Values.SelectMany(Values),
            _ => [],
        };
        foreach (var scalar in Values(YamlDocument.LoadMapping(file, text)))
        {
            if (scalar.Value is not { Length: > 0 } value)
                continue;
            var shown = Whitespace().Replace(value, " ").Trim();
            yield return ($"{file}:{scalar.Start.Line}:{scalar.Start.Column}", shown, Find(shown));
        }
    }

    /// <summary>The places of every bare "no deal" in <paramref name="text"/>, and how many are named as the BATNA or let through.</summary>
    private static Found Find(string text)
    {
        text = Whitespace().Replace(text, " ");
        var named = NamedAsTheBatna().Matches(text).Select(m => (m.Index, m.Length)).ToList();
        var exempt = NoAgreementExists
            .SelectMany(phrase => Regex.Matches(text, $@"\b{Regex.Escape(phrase)}\b", Phrase).Select(m => (m.Index, m.Length)))
            .ToList();
        static bool Within(Match m, List<(int Index, int Length)> spans) => spans.Any(s => m.Index >= s.Index && m.Index + m.Length <= s.Index + s.Length);
        var bare = NoDeal().Matches(text).Where(m => !Within(m, named) && !Within(m, exempt)).Select(m => m.Index).ToList();
        return new Found(bare, named.Count, exempt.Count);
    }
}
