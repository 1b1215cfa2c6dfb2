using System.Globalization;
using System.Text.Json;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>summits whatif -o</c> writes <c>samples.csv</c> and <c>expectations.csv</c> as part of its set: the same bytes
/// from either engine and from the same seed again, a row per run in run order whose expectation columns count what the
/// results document says, replaced by a rerun, and guarded against another command's set as the set's other files are.
/// </summary>
public sealed class StudySamplesFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-study-samples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string Fta = SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");

    private async Task Study(string output, params string[] more)
    {
        var run = await SummitsProcess.RunInAsync(_folder, ["whatif", Fta, "--runs", "6", "-q", "-o", output, .. more]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private string Text(string path) => File.ReadAllText(Path.Combine(_folder, path));

    [Fact]
    public async Task Both_engines_and_the_same_seed_again_write_the_same_samples_and_expectations_byte_for_byte()
    {
        await Study("local", "--engine", "local");
        await Study("again", "--engine", "local");
        await Study("grains", "--engine", "grains");

        foreach (var file in new[] { "samples.csv", "expectations.csv" })
        {
            var local = File.ReadAllBytes(Path.Combine(_folder, "local", file));
            Assert.Equal(local, File.ReadAllBytes(Path.Combine(_folder, "again", file)));
            Assert.Equal(local, File.ReadAllBytes(Path.Combine(_folder, "grains", file)));
        }
    }

    [Fact]
    public async Task Samples_csv_lists_the_runs_in_order_and_its_expectation_columns_count_what_the_results_document_says()
    {
        await Study("out", "--engine", "local");
        var lines = Text("out/samples.csv").Split('\n');
        var rows = lines[..^1].Select(line => CsvField.Split(line).Select(f => f.Text).ToArray()).ToArray();
        var header = rows[0];

        // The scenario's world samples 63 inputs of its own (the positions and saliences with a range, as
        // results.json's inputs lists them) and its vary block 3 (salience JP bilateral-fta, capability US, strategy
        // US); the world has 16 topics and 32 positions, and the scenario 3 expectations:
        // 2 + 66 + 16 + 16 + 32 + 3 = 135 columns, and a line ending each of the 1 + 6 lines.
        Assert.Equal("", lines[^1]);
        Assert.Equal(7, rows.Length);
        Assert.All(rows, row => Assert.Equal(135, row.Length));
        Assert.Equal(["run", "seed", "position JP north-korea", "salience JP north-korea"], header[..4]);
        Assert.Equal(["salience JP bilateral-fta", "capability US", "strategy US", "agreement north-korea"], header[65..69]);
        Assert.Equal(["agreement made north-korea", "final position JP north-korea"], [header[84], header[100]]);

        using var results = JsonDocument.Parse(Text("out/results.json"));
        var inputs = results.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToArray();
        Assert.Equal(inputs, header[2..68]);
        var each = results.RootElement.GetProperty("eachExpectation").EnumerateArray().ToArray();
        Assert.Equal(["event reject by JP from fta-ask", "position JP bilateral-fta moved toward US", "no agreement on bilateral-fta"], header[132..]);
        Assert.Equal(each.Select(e => e.GetProperty("what").GetString()), header[132..]);
        for (var k = 0; k < 3; k++)
            Assert.Equal(each[k].GetProperty("held").GetProperty("count").GetInt32(), rows[1..].Count(r => r[132 + k] == "true"));

        // Run order: run i is sample i − 1, whose run seed is SplitMix64(42 xor (i − 1)·0x9E3779B97F4A7C15), the seed
        // the results document names (docs/whatif.md); the strategy drawn is one of the vary entry's two choices.
        for (var run = 1; run <= 6; run++)
        {
            Assert.Equal(run.ToString(CultureInfo.InvariantCulture), rows[run][0]);
            Assert.Equal(WorldSampler.SeedOf(42, run - 1).ToString(CultureInfo.InvariantCulture), rows[run][1]);
            Assert.Contains(rows[run][67], new[] { "boulware", "linear" });
        }

        // expectations.csv: a row per expectation, the same counts and reasons, under its header.
        var expectations = Text("out/expectations.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => CsvField.Split(line).Select(f => f.Text).ToArray()).ToArray();
        Assert.Equal(["step", "line", "what", "held", "runs", "share", "low", "high", "because"], expectations[0]);
        Assert.Equal(4, expectations.Length);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(each[k].GetProperty("what").GetString(), expectations[k + 1][2]);
            Assert.Equal(each[k].GetProperty("held").GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture), expectations[k + 1][3]);
            Assert.Equal("6", expectations[k + 1][4]);
            Assert.Equal(each[k].GetProperty("because").GetString(), expectations[k + 1][8]);
        }
    }

    [Fact]
    public async Task The_files_are_the_studys_set_replaced_by_a_rerun_and_guarded_against_another_commands_set()
    {
        await Study("out", "--engine", "local");
        Assert.Equal("whatif\tsummits whatif -o\tresults.json\tagreements.csv\tpositions.csv\tsensitivity.csv\texpectations.csv\tsamples.csv",
            Text($"out/{OutputSet.ManifestName}").Split('\n')[1]);
        var first = Text("out/samples.csv");

        // Another seed's study replaces the set, samples.csv with it: other seeds, other draws.
        await Study("out", "--engine", "local", "--seed", "43");
        var second = Text("out/samples.csv");
        Assert.NotEqual(first, second);
        Assert.StartsWith("run,seed,", second, StringComparison.Ordinal);
        Assert.Equal(WorldSampler.SeedOf(43, 0).ToString(CultureInfo.InvariantCulture), CsvField.Split(second.Split('\n')[1])[1].Text);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));

        // A run's set would replace the study's agreements.csv: refused, naming every file of the study's set.
        var before = Directory.GetFiles(Path.Combine(_folder, "out")).Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText);
        var refused = await SummitsProcess.RunInAsync(_folder, ["run", Fta, "--engine", "local", "-q", "-o", "out"]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("summits run: error: -o 'out' holds the output of summits whatif -o (results.json, agreements.csv, positions.csv, sensitivity.csv, "
            + "expectations.csv, samples.csv), whose agreements.csv this output would replace; nothing was written: name another folder, or remove 'out' first "
            + "(see 'summits run --help')\n", refused.Error);
        Assert.Equal(before, Directory.GetFiles(Path.Combine(_folder, "out")).Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText));
    }
}
