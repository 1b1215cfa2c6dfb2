using System.Text.Json;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary><c>summits record</c>, and the comparison with the record in <c>summits run --report</c>, as a user runs them.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-record-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Record_prints_each_fact_with_its_topic_implication_and_sources_in_every_format()
    {
        var table = await SummitsProcess.RunAsync("record");
        var csv = await SummitsProcess.RunAsync("record", "--format", "csv");
        var json = await SummitsProcess.RunAsync("record", "--format", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.StartsWith("Record after-the-summit on world abe-trump-2017-11-06: 4 facts, 2018-03-08 to 2020-01-01\n", table.Output, StringComparison.Ordinal);
        Assert.Contains("2018-06-12  singapore-summit  on north-korea\n", table.Output);
        Assert.Contains("    implies: US moves toward the low end (Dialogue first, with pressure eased to open talks)\n", table.Output);
        Assert.Contains("    source: The White House, \"Joint Statement of President Donald J. Trump", table.Output);

        var rows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,date,in_force,topic,implies,what,why,sources", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("f-35-purchase,2018-12-18,,defense-procurement,", rows[3], StringComparison.Ordinal);

        using var document = JsonDocument.Parse(json.Output);
        var facts = document.RootElement.GetProperty("facts");
        Assert.Equal(4, facts.GetArrayLength());
        Assert.Equal("2020-01-01", facts[3].GetProperty("inForce").GetString());
        Assert.Equal("low", facts[1].GetProperty("implies").GetProperty("move").GetProperty("toward").GetString());
    }

    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    public async Task Every_source_s_address_stands_alone_from_the_left_edge_on_the_line_after_its_credit(int columns)
    {
        // Three addresses: one short enough to fit beside its credit (20 characters), one that would fit after the
        // continuation indent of 8 at 80 columns but not on the credit's line (68), and one wider than 80 (95). One rule
        // for all three: the credit ends with ':' and the address is the next line, whole, at column 0.
        var addresses = new[] { "https://example.org/", "https://example.org/" + new string('a', 48), "https://example.org/" + new string('b', 75) };
        var file = Path.Combine(_folder, "sources.yaml");
        File.WriteAllText(file, $"record: sources\nworld: '{SeedFiles.World}'\nfacts:\n  - id: one\n    date: 2018-03-08\n    topic: tpp-11\n"
            + "    what: A fact with three sources.\n    implies:\n      position: { actor: JP, range: [90, 100] }\n    why: As written.\n    sources:\n"
            + string.Concat(addresses.Select((a, i) => $"      - {{ publisher: Publisher {i + 1}, title: Title {i + 1}, url: '{a}' }}\n")));

        var run = await SummitsProcess.RunInAsync(_folder, ["record", file], new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        for (var i = 0; i < addresses.Length; i++)
        {
            var at = Array.IndexOf(lines, addresses[i]);
            Assert.True(at > 0, $"{addresses[i]} is not a line of its own:\n{run.Output}");
            Assert.EndsWith($"Title {i + 1}\":", lines[at - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Record_shows_a_range_as_written_to_four_decimals_as_every_figure_is()
    {
        var file = Path.Combine(_folder, "fine.yaml");
        File.WriteAllText(file, $"record: fine\nworld: '{SeedFiles.World}'\nfacts:\n  - id: fine\n    date: 2018-03-08\n    topic: tpp-11\n"
            + "    what: A fact with a fine range.\n    implies:\n      position: { actor: JP, range: [89.9375, 100] }\n    why: As written.\n"
            + "    sources:\n      - { publisher: P, title: T, url: 'https://example.org/' }\n");

        var table = await SummitsProcess.RunAsync("record", file);
        var csv = await SummitsProcess.RunAsync("record", file, "--format", "csv");

        // The range as the file writes it, 89.9375 to 100: four decimals, not two (89.94).
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("    implies: JP at 89.9375–100 (Bring TPP 11 into force without the US)\n", table.Output);
        Assert.Contains(",JP at 89.9375–100 (Bring TPP 11 into force without the US),", csv.Output);
    }

    [Fact]
    public async Task A_mistake_in_a_record_file_is_one_line_with_its_place_and_exit_code_2()
    {
        var file = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(file, $"record: bad\nworld: '{SeedFiles.World}'\nfacts:\n  - id: one\n    date: 2018-13-01\n");

        var run = await SummitsProcess.RunAsync("record", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"{file}:5:11: 'date' is 2018-13-01, a day that does not exist: the month, 13, must be 01 to 12", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task The_report_of_a_run_on_the_seeded_world_says_what_happened_next()
    {
        var report = Path.Combine(_folder, "report");
        var run = await SummitsProcess.RunAsync("run", Path.Combine(SeedFiles.Root, "scenarios", "what-if", "us-presses-bilateral-fta.yaml"), "--engine", "local", "-q", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        var md = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains("## What happened next", md);
        Assert.Contains("| 2019-10-07 | us-japan-trade-agreements | bilateral-fta |", md);
        Assert.Contains("<h2>What happened next</h2>", File.ReadAllText(Path.Combine(report, "report.html")));
    }
}
