using Json.Schema;

namespace Summits.Scenarios.Tests;

/// <summary>Every shipped what-if scenario loads, and the JSON Schema editors check it with agrees that it is right.</summary>
public sealed class ShippedScenarioTests
{
    public static TheoryData<string> Files => [.. RepoFiles.WhatIfScenarios()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_on_its_world(string file)
    {
        var loaded = ScenarioFile.Load(Path.Combine(RepoFiles.Root, file));
        Assert.NotEmpty(loaded.Scenario.Steps);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), loaded.Scenario.Id);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Passes_the_scenario_schema(string file)
    {
        var results = ScenarioSchema.Check(File.ReadAllText(Path.Combine(RepoFiles.Root, file)));
        Assert.True(results.IsValid, ScenarioSchema.Describe(results));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Names_the_schema_on_its_first_line(string file)
    {
        var first = File.ReadLines(Path.Combine(RepoFiles.Root, file)).First();
        Assert.Equal("# yaml-language-server: $schema=../schema/scenario.schema.json", first);
    }

    [Fact]
    public void There_are_shipped_scenarios()
    {
        Assert.Contains(Path.Combine("scenarios", "what-if", "baseline.yaml"), RepoFiles.WhatIfScenarios());
    }
}
