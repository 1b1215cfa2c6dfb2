using System.Text.RegularExpressions;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The shipped files' texts (exercises, scenarios, worlds, the record) name what no deal is worth to a side as the
/// rest of the product does: "no deal (its BATNA)", the field's term (docs/model.md), as an exercise's answers say it.
/// </summary>
public sealed partial class ShippedBatnaWordingTests
{
    // "no deal" is the BATNA unless it says that no agreement exists on a topic ("no deal on trade alone exists").
    [GeneratedRegex(@"no deal(?! \(its BATNA\))(?! on )")]
    private static partial Regex BareNoDeal();

    [Fact]
    public void Every_text_that_sets_terms_against_no_deal_names_it_as_the_BATNA()
    {
        // Every line of every shipped YAML file but its comments, which are the author's notes and no text a student
        // or an analyst is shown.
        var files = Directory.GetFiles(Path.Combine(RepoFiles.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);
        var bare = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (At: $"{Path.GetRelativePath(RepoFiles.Root, file)}:{i + 1}", Line: line)))
            .Where(x => !x.Line.TrimStart().StartsWith('#') && BareNoDeal().IsMatch(x.Line))
            .Select(x => $"{x.At}: {x.Line.Trim()}")
            .ToList();

        Assert.True(bare.Count == 0, string.Join("\n", bare));
    }

    [Fact]
    public void Trade_for_defence_asks_students_to_read_each_reason_against_the_BATNA()
    {
        var exercise = ExerciseFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "exercises", "trade-for-defence.yaml"));

        // The file's third objective, as a student reads it.
        Assert.Equal("Read each answer's reason (how much the terms are worth to the side that answers, against what no deal (its BATNA) is worth to it) and say why the other side moved.",
            exercise.Objectives[2]);
    }

    [Theory]
    [InlineData("accepts what beats no deal.", true)]
    [InlineData("worth less to Japan than no deal, its BATNA.", true)]
    [InlineData("worth less to Japan than no deal (its BATNA).", false)]
    [InlineData("so no deal on trade alone exists", false)]
    public void A_bare_no_deal_is_told_from_one_named_as_the_BATNA(string text, bool bare)
    {
        // Worked by hand: only the parenthesis "(its BATNA)" right after "no deal", or "no deal on" a topic, passes.
        Assert.Equal(bare, BareNoDeal().IsMatch(text));
    }
}
