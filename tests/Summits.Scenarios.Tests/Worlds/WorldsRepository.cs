using System.Text.Json;
using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>Paths of the repository's shipped files, found from the test binaries, and a deep comparison of worlds.</summary>
internal static class WorldsRepository
{
    public static string Root { get; } = FindRoot();

    public static string SeedWorld => Path.Combine(Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");

    public static string Briefing => Path.Combine(Root, "scenarios", "sources", "abe-trump-summit-2017-11-06.txt");

    public static string KtabFolder => Path.Combine(Root, "scenarios", "worlds", "ktab");

    public static string Ktab(string file) => Path.Combine(KtabFolder, file);

    public static string WorldsFolder => Path.Combine(Root, "scenarios", "worlds");

    /// <summary>Worlds hold immutable arrays, which compare by reference; their JSON compares by content.</summary>
    public static string Json(World world) => JsonSerializer.Serialize(world, SummitsJson.Options);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Summits.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("the repository root (with Summits.sln) is not above the test binaries");
    }
}
