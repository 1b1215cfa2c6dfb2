using Json.Schema;

namespace Summits.Scenarios.Tests.Exercises;

/// <summary>The exercise and answers JSON Schemas accept the shipped files and refuse what the loader refuses without the world.</summary>
public sealed class ExerciseSchemaTests
{
    private static EvaluationResults Check(string schema, string yaml) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoFiles.Root, "scenarios", "schema", schema)))
            .Evaluate(YamlJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void The_shipped_exercises_and_answers_pass_their_schemas()
    {
        var folder = Path.Combine(RepoFiles.Root, "scenarios", "exercises");
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
            Assert.True(Check("exercise.schema.json", File.ReadAllText(file)).IsValid, file);
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "answers"), "*.yaml"))
            Assert.True(Check("answers.schema.json", File.ReadAllText(file)).IsValid, file);
    }

    [Theory]
    [InlineData("rounds: 3", "rounds: 0")]
    [InlineData("others: off", "others: nobody")]
    [InlineData("seed: 11", "seed: 11\nwhen: now")]
    public void A_mistake_the_schema_can_see_fails_it(string replace, string with)
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root, "scenarios", "exercises", "trade-for-defence.yaml"));
        Assert.Contains(replace, text);
        Assert.False(Check("exercise.schema.json", text.Replace(replace, with, StringComparison.Ordinal)).IsValid);
    }

    // bilateral-fta's multiple-choice question has two options: one alone is too few, and an option of no known kind is refused.
    [Theory]
    [InlineData("      - { id: us, says: The US moves further than Japan, moves-more: { actor: US, topic: bilateral-fta } }\n", "")]
    [InlineData("moves-more: { actor: US", "moves-most: { actor: US")]
    public void A_mistake_in_a_multiple_choice_question_fails_the_schema(string replace, string with)
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root, "scenarios", "exercises", "bilateral-fta.yaml"));
        Assert.Contains(replace, text);
        Assert.True(Check("exercise.schema.json", text).IsValid);
        Assert.False(Check("exercise.schema.json", text.Replace(replace, with, StringComparison.Ordinal)).IsValid);
    }

    private static string TradeForDefence => Path.Combine(RepoFiles.Root, "scenarios", "exercises", "trade-for-defence.yaml");

    // Each bound the loader sets, just past it: the loader refuses the file (at that place), and so does the schema.
    // points 0 to 1000; scoring: agreement 0 to 1000, the penalties −1000 to 0, value-step 0.01 to 100; an inject's
    // changes as a scenario's shock reads them: a salience to 0–1, a position by −100 to 100, a capability to 0–1,
    // an affinity to −1 to 1, and only the fields of its kind.
    [Theory]
    [InlineData("    points: 5\n", "    points: 1001\n")]
    [InlineData("    points: 5\n", "    points: -1\n")]
    [InlineData("injects:", "scoring: { agreement: 1001 }\ninjects:")]
    [InlineData("injects:", "scoring: { beyond-reservation: -1001 }\ninjects:")]
    [InlineData("injects:", "scoring: { breach: -1001 }\ninjects:")]
    [InlineData("injects:", "scoring: { must-not-give-up: -1001 }\ninjects:")]
    [InlineData("injects:", "scoring: { value-step: 0 }\ninjects:")]
    [InlineData("injects:", "scoring: { value-step: 101 }\ninjects:")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ salience: JP, topic: trade-imbalance, to: 1.5 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ position: JP, topic: trade-imbalance, by: 150 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ capability: JP, to: 2 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ affinity: JP, toward: US, to: -1.5 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ salience: JP, topic: trade-imbalance, at: 0.8 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ salience: JP, topic: trade-imbalance, to: 0.8, by: 0.1 }")]
    public void A_value_the_loader_refuses_the_schema_refuses_too(string replace, string with)
    {
        var text = File.ReadAllText(TradeForDefence);
        Assert.Contains(replace, text);
        var changed = text.Replace(replace, with, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => ExerciseFile.Parse(TradeForDefence, changed));
        Assert.False(Check("exercise.schema.json", changed).IsValid);
    }

    // The bounds themselves are inside: both the loader and the schema take them.
    [Theory]
    [InlineData("    points: 5\n", "    points: 1000\n")]
    [InlineData("injects:", "scoring: { agreement: 1000, beyond-reservation: -1000, breach: -1000, must-not-give-up: -1000, value-step: 0.01 }\ninjects:")]
    [InlineData("injects:", "scoring: { value-step: 100 }\ninjects:")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ position: JP, topic: trade-imbalance, by: -100 }")]
    [InlineData("{ salience: JP, topic: trade-imbalance, to: 0.8 }", "{ affinity: JP, toward: US, to: -1 }")]
    public void A_value_at_the_loader_s_bounds_passes_both(string replace, string with)
    {
        var text = File.ReadAllText(TradeForDefence).Replace(replace, with, StringComparison.Ordinal);
        ExerciseFile.Parse(TradeForDefence, text);
        Assert.True(Check("exercise.schema.json", text).IsValid);
    }
}
