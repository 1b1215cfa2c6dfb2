using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Cli.Bench;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every CSV file and CSV output Summits writes with the model's numbers whole spells a number in plain decimals, never with the exponent of
/// .NET's round-trip format (<c>1E-05</c>), as a study's CSVs do: the timeline, a run's agreements and trajectories,
/// a world's positions, the bench's figures.
/// </summary>
public sealed partial class CsvPlainNumbersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-csv-numbers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A digit followed by an exponent, as "R" writes one: 1E-05, 4.2E+20.
    [GeneratedRegex("[0-9]E[-+]?[0-9]")]
    private static partial Regex Exponent();

    [Fact]
    public void A_timeline_rows_before_after_terms_and_agreed_are_plain_decimals()
    {
        // By hand: 0.000012 is 1.2E-05 in "R", written out 1.2 with the point moved five places left; 4E-07 is
        // 0.0000004; 1E-05 is 0.00001; 99.5 has no exponent and stays as it is. The row's 14 cells: seq 3, step s, no
        // round, actor A, event move, topic t, before, after, terms (t=VALUE), cause c, no why, no agreement, no
        // parties, agreed.
        var text = new StringWriter();
        TimelineCsv.Write(text, new TimelineEvent(3, "s", null, EventKind.Move, "A", "t", 0.000012, 99.5, "c", null,
            ImmutableArray.Create(new Term("t", 4e-7)), Agreed: 1e-5));

        Assert.Equal("3,s,,A,move,t,0.000012,99.5,t=0.0000004,c,,,,0.00001\n", text.ToString());
    }

    [Fact]
    public void A_bench_csvs_value_is_a_plain_decimal()
    {
        // 4.2E-06 written out: 0.0000042; 1E+21 (a rate no bench reaches, but a double "R" writes with an exponent):
        // 1 followed by 21 zeros.
        var machine = new BenchReport.Machine(2, "Linux", ".NET 10.0", 7.8, ReadyToRun: false);
        var document = new BenchReport.Document(machine, Quick: false, 1.5,
            [new BenchResult("1", "small", 4.2e-6, "s"), new BenchResult("2", "large", 1e21, "calls/s")]);

        var rows = BenchReport.Csv(document).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();

        Assert.Equal(["0.0000042", "1" + new string('0', 21)], rows.Select(r => r[2]));
    }

    [Fact]
    public async Task A_tiny_value_is_plain_in_a_runs_agreements_csv_its_timeline_csv_and_the_worlds_positions_csv()
    {
        // A at 0.00001 on t asks B, at 0.00003, for 0.00001 with no deadline (τ = 1): 0.00002 points from B's position
        // is far inside its window (5 + 45 × 0.5 = 27.5 points at salience 0.5), so B accepts and the agreement holds at
        // 0.00001, which "R" writes 1E-05.
        var world = Path.Combine(_folder, "tiny.yaml");
        File.WriteAllText(world, """
            format: 2
            world: tiny
            title: Two parties a hair apart
            actors:
              - { id: A, name: A, capability: 1 }
              - { id: B, name: B, capability: 1 }
            topics:
              - { id: t, title: T, scale: { low: l, middle: m, high: h } }
            positions:
              - { actor: A, topic: t, value: 0.00001, salience: 0.5, kind: synthetic, why: test }
              - { actor: B, topic: t, value: 0.00003, salience: 0.5, kind: synthetic, why: test }
            """);
        var scenario = Path.Combine(_folder, "ask.yaml");
        File.WriteAllText(scenario, $$"""
            format: 2
            scenario: ask
            world: {{world}}
            seed: 1
            steps:
              - id: ask
                propose:
                  from: A
                  to: [B]
                  terms: { t: 0.00001 }
            """);
        var (output, report) = (Path.Combine(_folder, "out"), Path.Combine(_folder, "report"));

        var run = await SummitsProcess.RunInAsync(_folder, ["run", scenario, "--engine", "local", "--format", "csv", "--out", output, "--report", report], null);
        var seed = await SummitsProcess.RunInAsync(_folder, ["seed", "--world", world, "--format", "csv"], null);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(seed.ExitCode == 0, seed.ToString());
        // agreements.csv: id,topic,value,parties,rule,status,cause; the one agreement, made from proposal ask.
        var agreements = CsvRecords.Of(File.ReadAllText(Path.Combine(output, "agreements.csv")));
        Assert.Equal(["ask", "t", "0.00001"], agreements[1][..3]);
        // The timeline's proposal row carries the terms as t=VALUE (the ninth cell), and so does its agreement-made row.
        var timeline = CsvRecords.Of(run.Output);
        Assert.Contains(timeline, row => row[4] == "proposal" && row[8] == "t=0.00001");
        Assert.Contains(timeline, row => row[4] == "agreement-made" && row[8] == "t=0.00001");
        // positions.csv as seed prints it: topic,actor,value,...; A's value 0.00001, B's 0.00003.
        var positions = CsvRecords.Of(seed.Output);
        Assert.Equal(["0.00001", "0.00003"], positions.Skip(1).Select(p => p[2]));
        // trajectories.csv beside the report: topic,actor,event,value, each actor's value after each event; A's first
        // point is its position, 0.00001.
        var trajectories = File.ReadAllText(Path.Combine(report, "trajectories.csv"));
        Assert.Equal("0.00001", CsvRecords.Of(trajectories).First(r => r[1] == "A")[3]);
        foreach (var text in new[] { File.ReadAllText(Path.Combine(output, "agreements.csv")), run.Output, seed.Output, trajectories })
            Assert.DoesNotMatch(Exponent(), text);
    }
}
