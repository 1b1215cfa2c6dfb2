namespace Summits.Tests;

/// <summary>The seeded world and the briefing it quotes, found in the repository from a test's output folder.</summary>
internal static class SeedFiles
{
    public static string Root { get; } = FindRoot();

    public static string World => Path.Combine(Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");

    public static string Source => Path.Combine(Root, "scenarios", "sources", "abe-trump-summit-2017-11-06.txt");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Summits.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Summits.sln");
    }
}
