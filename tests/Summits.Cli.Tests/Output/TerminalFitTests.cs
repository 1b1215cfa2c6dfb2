using System.Globalization;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every line the main commands print fits the terminal's width (<c>COLUMNS</c> when standard output is
/// not a terminal), a single word longer than the width alone excepted, and none ends in a space: on the
/// seeded world and on a generated world of 60 actors, whose agreements have 60 parties.
/// </summary>
public sealed class TerminalFitTests : IClassFixture<TerminalFitTests.GeneratedWorld>
{
    private readonly GeneratedWorld _world;

    public TerminalFitTests(GeneratedWorld world) => _world = world;

    /// <summary>A world of 60 actors and 12 topics (seed 1) and a scenario of three rounds on it, made once for the class.</summary>
    public sealed class GeneratedWorld : IAsyncLifetime
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("summits-fit-").FullName;

        public string World => Path.Combine(Folder, "generated.yaml");

        public string Scenario => Path.Combine(Folder, "generated-rounds.yaml");

        public async Task InitializeAsync()
        {
            var generate = await SummitsProcess.RunInAsync(Folder, ["generate", "--actors", "60", "--topics", "12", "--seed", "1", "-o", World]);
            Assert.True(generate.ExitCode == 0, generate.ToString());
            await File.WriteAllTextAsync(Scenario, "format: 2\nscenario: generated-rounds\nworld: generated.yaml\nseed: 3\nsteps:\n  - rounds: 5\n");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    private static string WhatIf(string name) => Path.Combine(SeedFiles.Root, "scenarios", "what-if", name);

    public static TheoryData<int, string> Commands()
    {
        var data = new TheoryData<int, string>();
        foreach (var columns in new[] { 60, 200 })
        {
            foreach (var command in new[] { "run seeded", "run generated", "run generated world", "seed seeded", "seed generated", "whatif seeded", "whatif generated", "compare seeded", "help run", "help bench", "help whatif" })
                data.Add(columns, command);
        }
        return data;
    }

    private string[] Arguments(string command) => command switch
    {
        "run seeded" => ["run", WhatIf("baseline.yaml"), "--engine", "local"],
        "run generated" => ["run", _world.Scenario, "--engine", "local"],
        "run generated world" => ["run", "--world", _world.World, "--engine", "local", "--rounds", "5"],
        "seed seeded" => ["seed", "--world", SeedFiles.World],
        "seed generated" => ["seed", "--world", _world.World],
        "whatif seeded" => ["whatif", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--runs", "20"],
        "whatif generated" => ["whatif", _world.Scenario, "--engine", "local", "--runs", "4"],
        "help run" => ["run", "--help"],
        "help bench" => ["bench", "--help"],
        "help whatif" => ["whatif", "--help"],
        _ => ["compare", WhatIf("baseline.yaml"), WhatIf("trade-for-defense-package.yaml"), "--engine", "local"],
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_line_fits_the_width(int columns, string command)
    {
        var run = await SummitsProcess.RunInAsync(_world.Folder, Arguments(command),
            new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(CultureInfo.InvariantCulture) });

        Assert.True(run.ExitCode == 0, run.ToString()[..Math.Min(2000, run.ToString().Length)]);
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.True(lines.Length > 5, $"{command}: too little output to judge: {run.Output}");
        // A line wider than the width may only be one word (an id or a number never cut), its indent aside.
        var wide = lines.Where(l => l.Length > columns && l.Trim().Contains(' ', StringComparison.Ordinal)).Take(3).ToList();
        Assert.True(wide.Count == 0, $"{command} at {columns} columns: {string.Join("\n", wide.Select(l => $"{l.Length}: {l}"))}");
        var trailing = lines.Where(l => l.EndsWith(' ')).Take(3).ToList();
        Assert.True(trailing.Count == 0, $"{command} at {columns} columns, lines ending in a space: {string.Join("\n", trailing.Select(l => $"[{l}]"))}");
    }

    [Fact]
    public async Task A_long_party_list_is_named_in_part_and_counted()
    {
        // The generated world's agreements are made by all 60 actors (unanimity over every holder of the
        // topic). At 60 columns a party list gets 60 - 8 = 52 columns: "A31+A01+…" takes 3 characters an id
        // and 1 a '+', so 10 ids take 10*3 + 9 = 39 columns and " and 50 more" 12 more, 51 in all;
        // an eleventh id would make 43 + " and 49 more" = 55 > 52. So each list names 10 parties and
        // counts the other 50.
        var run = await SummitsProcess.RunInAsync(_world.Folder, ["run", "--world", _world.World, "--engine", "local", "--rounds", "5", "-q"],
            new Dictionary<string, string> { ["COLUMNS"] = "60" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var parties = run.Output.Split('\n').Where(l => l.Contains(" more", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(parties);
        Assert.All(parties, l => Assert.Matches(@"^\s+A\d\d(\+A\d\d){9} and 50 more$", l));
        // The Nash and Kalai–Smorodinsky line is taken among the same 60 parties, whose ids would take
        // 60*3 + 59 = 239 columns of the 52: it says "its 60 parties" rather than naming them again in part.
        var among = run.Output.Split('\n').Where(l => l.TrimStart().StartsWith("among ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(among);
        Assert.All(among, l => Assert.StartsWith("among its 60 parties: Nash ", l.TrimStart(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_60_columns_a_timeline_row_with_an_empty_value_prints_no_blank_line()
    {
        // baseline at 60 columns: the ids and a reason do not fit side by side, so each event's ids stand on a line
        // (broken between cells when they do not fit) with its reason under them. A round's opening event has no
        // topic and no value: its ids "bargain    1         round" were followed by its empty topic and value cells,
        // which broke onto a line of padding alone and printed blank before the reason "    round 1 of 10"; a
        // package's accept (one topic a line, no value) did the same. Right: the reason straight after the ids, and
        // no empty line at all between the table's header and the blank line before the summary.
        var run = await SummitsProcess.RunInAsync(_world.Folder, ["run", WhatIf("baseline.yaml"), "--engine", "local"],
            new Dictionary<string, string> { ["COLUMNS"] = "60" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("step ", StringComparison.Ordinal));
        var summary = Array.FindIndex(lines, l => l == "Positions that moved since the start");
        Assert.True(header >= 0 && summary > header + 1, run.Output);
        var round = Array.FindIndex(lines, header, l => l.StartsWith("bargain ", StringComparison.Ordinal) && l.EndsWith(" round", StringComparison.Ordinal));
        Assert.True(round > header, run.Output);
        Assert.Equal("    round 1 of 10", lines[round + 1]);
        Assert.DoesNotContain("", lines[header..(summary - 1)]);
    }
}
