using System.Globalization;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Every shipped scenario, each branch of a fork on its own, survives a storage fault: a write or a read that
/// fails once, from the first write of its seeding through its start and advances to the last read of its
/// results, then a retry, and the run writes the clean run's timeline.jsonl and state.json byte for byte. Too
/// long for every test run; <c>tests/faults</c> runs it (the category <see cref="Category"/>). By default it tries
/// <c>SUMMITS_FAULT_SEEDS</c> different points chosen by seed per scenario and operation (default 3; the operations:
/// writes failing before they reach storage, reads, writes failing after they landed); with
/// <c>SUMMITS_FAULT_POINTS=all</c> it tries every point of the clean run, one run per point. It runs on a silo of its
/// own whose checkpoint interval is <c>SUMMITS_FAULT_CHECKPOINT_EVERY</c> (<c>tests/faults --checkpoint-every N</c>; 1,
/// every advance, when unset).
/// </summary>
[Collection(ShippedFaultCollection.Name)]
[Trait("Category", Category)]
public sealed class ShippedScenarioFaultTests(ShippedFaultFixture fixture)
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
    public async Task A_shipped_scenario_writes_its_clean_bytes_after_a_storage_fault_at_any_point_and_a_retry(string file, string branch)
    {
        var path = Path.Combine(SeedFiles.Root, "scenarios", file);
        var loaded = BranchChoice.Load(path, branch == "" ? null : branch, null, p => p);
        var seeds = FaultSeeds();
        var every = EveryPoint();

        // The pure model is the reference: a clean run in grains writes its bytes (the engines agree).
        var outcomes = new List<string>();
        foreach (var (reads, afterWriting) in new[] { (false, false), (true, false), (false, true) })
        {
            var (clean, cleanKey, points) = await RetriedRun.CleanAsync(fixture, loaded, "shipped-fault", reads);
            var named = points.Select((point, i) => (Name: $"point {i + 1} of {points.Length}{(afterWriting ? " after writing" : "")}", Point: point)).ToArray();
            // Seeded: that many different points, drawn from a seed of the scenario's own (its path and branch),
            // so that scenarios are not all tried at the same places of their runs.
            if (!every)
                new Random(StableSeed($"{file}#{branch}#{reads}#{afterWriting}")).Shuffle(named);
            var chosen = every ? named : named.Take(seeds);
            foreach (var batch in chosen.Chunk(4))
            {
                await Task.WhenAll(batch.Select(async c =>
                {
                    var key = Key();
                    fixture.Storage.Fail(c.Point.Operation, c.Point.StateName, ChosenFaultStorage.Moved(c.Point.Grain, cleanKey, key), c.Point.Nth, afterWriting);
                    var (run, failures) = await RetriedRun.RunAsync(fixture, loaded, key, deactivate: reads);
                    if (RetriedRun.Mismatch(c.Point, cleanKey, clean, run, failures) is { } mismatch)
                    {
                        lock (outcomes)
                            outcomes.Add($"{c.Name}: {mismatch}");
                    }
                }));
            }
        }
        Assert.Empty(outcomes);
    }

    /// <summary>
    /// Whether <c>SUMMITS_FAULT_POINTS</c> asks for every failure point (<c>all</c>) rather than the seeded ones
    /// (<c>seeded</c>, or unset).
    /// </summary>
    /// <exception cref="ArgumentException">Any other value, named with the valid choices.</exception>
    internal static bool EveryPoint() => Environment.GetEnvironmentVariable("SUMMITS_FAULT_POINTS") switch
    {
        null or "" or "seeded" => false,
        "all" => true,
        var other => throw new ArgumentException($"SUMMITS_FAULT_POINTS is '{other}'; expected which failure points to try; valid choices: seeded or all"),
    };

    /// <summary>How many failure points <c>SUMMITS_FAULT_SEEDS</c> asks for per scenario and operation: 3 when unset.</summary>
    /// <exception cref="ArgumentException">A value that is not a whole number from 1 to 9999, named with the valid range.</exception>
    internal static int FaultSeeds() => Environment.GetEnvironmentVariable("SUMMITS_FAULT_SEEDS") switch
    {
        null => 3,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9999 && text[0] != '0' => n,
        var other => throw new ArgumentException($"SUMMITS_FAULT_SEEDS is '{other}'; expected how many failure points to draw per scenario and operation: a whole number from 1 to 9999"),
    };

    /// <summary>
    /// The checkpoint interval <c>SUMMITS_FAULT_CHECKPOINT_EVERY</c> asks the fault runs' silo for (what
    /// <c>tests/faults --checkpoint-every N</c> sets): 1, every advance, when unset.
    /// </summary>
    /// <exception cref="ArgumentException">A value that is not a whole number from 1 to 1000, named with the valid range.</exception>
    internal static int CheckpointEvery() => Environment.GetEnvironmentVariable("SUMMITS_FAULT_CHECKPOINT_EVERY") switch
    {
        null or "" => 1,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 && text[0] != '0' => n,
        var other => throw new ArgumentException($"SUMMITS_FAULT_CHECKPOINT_EVERY is '{other}'; expected the checkpoint interval of the fault runs: a whole number from 1 to 1000"),
    };

    /// <summary>A seed that is the same in every process for the same text (string hashes are not).</summary>
    private static int StableSeed(string text) => BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string Key() => $"shipped-fault-{Guid.NewGuid():N}";
}
