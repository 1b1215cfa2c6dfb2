using System.Globalization;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Every shipped scenario, each branch of a fork on its own, survives a storage fault chosen from a seed:
/// a write or a read that fails once, then a retry, and the run writes the clean run's timeline.jsonl and
/// state.json byte for byte. Too long for every test run; <c>tests/faults</c> runs it (the category
/// <see cref="Category"/>), with <c>SUMMITS_FAULT_SEEDS</c> seeds per scenario and operation (default 3).
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", Category)]
public sealed class ShippedScenarioFaultTests(ClusterFixture fixture)
{
    public const string Category = "ShippedScenarioFaults";

    /// <summary>Every branch of every shipped scenario (<c>scenarios/what-if/</c> and <c>scenarios/bench/</c>), by file and branch.</summary>
    public static TheoryData<string, string> Shipped()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(SeedFiles.Root, "scenarios");
        var files = new[] { "what-if", "bench" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.yaml"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var loaded = ScenarioFile.Load(file);
            foreach (var branch in loaded.Fork is { } fork ? fork.Branches.Select(b => b.Name) : [""])
                data.Add(Path.GetRelativePath(root, file), branch);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task A_shipped_scenario_writes_its_clean_bytes_after_a_seeded_storage_fault_and_a_retry(string file, string branch)
    {
        var path = Path.Combine(SeedFiles.Root, "scenarios", file);
        var loaded = BranchChoice.Load(path, branch == "" ? null : branch, null, p => p);
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("SUMMITS_FAULT_SEEDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 3;

        // The pure model is the reference: a clean run in grains writes its bytes (the engines agree).
        var outcomes = new List<string>();
        foreach (var reads in new[] { false, true })
        {
            var (clean, cleanKey, points) = await RetriedRun.CleanAsync(fixture, loaded, "shipped-fault", reads);
            for (var seed = 1; seed <= seeds; seed++)
            {
                var key = Key();
                var point = fixture.Storage.FailOneOf(points, cleanKey, key, seed);
                var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key, deactivate: reads);
                if (RetriedRun.Mismatch(point, cleanKey, clean, run, failures) is { } mismatch)
                    outcomes.Add($"seed {seed}: {mismatch}");
            }
        }
        Assert.Empty(outcomes);
    }

    private static string Key() => $"shipped-fault-{Guid.NewGuid():N}";
}
