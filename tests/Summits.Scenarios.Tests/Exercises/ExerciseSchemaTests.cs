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
}
