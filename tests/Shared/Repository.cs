namespace Summits.Tests;

/// <summary>The repository's own files, found from a test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SeedWorld => Path.Combine(Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");

    public static string SeedSource => Path.Combine(Root, "scenarios", "sources", "abe-trump-summit-2017-11-06.txt");

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
