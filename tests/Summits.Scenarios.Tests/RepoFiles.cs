namespace Summits.Scenarios.Tests;

/// <summary>Files of the repository the tests run in, found by walking up to Summits.sln.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedWorld => Path.Combine(Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");

    public static string ScenarioSchema => Path.Combine(Root, "scenarios", "schema", "scenario.schema.json");

    /// <summary>Every shipped what-if scenario, as paths relative to the root, so a failing test says which file.</summary>
    public static IReadOnlyList<string> WhatIfScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Root, "scenarios", "what-if"), "*.yaml")
            .Select(file => Path.GetRelativePath(Root, file))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Summits.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Summits.sln above {AppContext.BaseDirectory}");
    }
}
