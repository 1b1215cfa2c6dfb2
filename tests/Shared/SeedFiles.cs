namespace Summits.Tests;

/// <summary>The repository's files, the seeded world and the briefing it quotes among them, found from a test's output folder.</summary>
internal static class SeedFiles
{
    public static string Root { get; } = FindRoot();

    public static string World => Path.Combine(Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");

    public static string Source => Path.Combine(Root, "scenarios", "sources", "abe-trump-summit-2017-11-06.txt");

    /// <summary>The file name of every shipped what-if scenario (<c>scenarios/what-if/*.yaml</c>), in ordinal order.</summary>
    public static TheoryData<string> WhatIfFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "scenarios", "what-if"), "*.yaml").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    /// <summary>A file or folder of the repository, by its path's parts below the root.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Summits.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Summits.sln");
    }
}
