using System.Text.Json;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A command's JSON document and the table of keys its guide gives for it name the same keys, both ways: a key added to
/// the output without a row in the table fails here, naming the key, and so does a row naming a key the output never
/// carries.
/// </summary>
/// <remarks>
/// The rule for keys that only some outputs carry (a KTAB world's <c>ktab</c>, a position's own <c>reservation</c>, a
/// compare of spatial-model runs' <c>forecasts</c>): each test runs the command on inputs that between them carry every
/// key its table lists, and a row must be matched by a key of at least one of those outputs. So no row is exempt and
/// the table is never read for words such as "left out"; a key that no shipped input gives is given by an input the
/// test writes, a shipped file with that key added.
/// </remarks>
public sealed class DocumentedJsonKeysTests
{
    [Fact]
    public async Task The_keys_of_the_whatif_json_are_the_table_of_whatif_md()
    {
        var runs = await RunAsync([], ["whatif", "scenarios/what-if/us-presses-bilateral-fta.yaml", "--runs", "20", "--engine", "local", "--format", "json"]);
        AssertDocumented(runs, "docs/whatif.md", "| `results.json` key |");
        AssertDocumentedOrder(runs, "docs/whatif.md", "| `results.json` key |");
    }

    [Fact]
    public async Task The_keys_of_the_exercise_json_are_the_table_of_exercises_md()
    {
        // bilateral-fta played with its sample answers is the play the table's examples quote; north-korea-line's carries
        // an agreement strained (its value, distance, agreed value and window), a no-offer's round and an inject's changes;
        // trade-for-defence, with Japan's round-2 proposal of trade-imbalance 70 open for one offer round, has the US
        // counter and name the terms it would settle at (an answer's terms, exercises.md's worked 74.9588).
        var sample = File.ReadAllText(SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"));
        const string secondRound = "  - round: 2\n    terms: { trade-imbalance: 50, defense-procurement: 80 }\n";
        Assert.Contains(secondRound, sample);
        var renewed = sample.Replace(secondRound, "  - round: 2\n    terms: { trade-imbalance: 70 }\n    deadline: 1\n", StringComparison.Ordinal);
        var runs = await RunAsync([("scenarios/exercises/answers/renewed.yaml", renewed)],
            ["exercise", "scenarios/exercises/bilateral-fta.yaml", "--answers", "scenarios/exercises/answers/bilateral-fta-us.yaml", "--engine", "local", "--teacher", "--format", "json"],
            ["exercise", "scenarios/exercises/north-korea-line.yaml", "--answers", "scenarios/exercises/answers/north-korea-line-jp.yaml", "--engine", "local", "--teacher", "--format", "json"],
            ["exercise", "scenarios/exercises/trade-for-defence.yaml", "--answers", "scenarios/exercises/answers/renewed.yaml", "--engine", "local", "--teacher", "--format", "json"]);
        AssertDocumented(runs, "docs/exercises.md", "| debrief key |");
        AssertDocumentedOrder(runs, "docs/exercises.md", "| debrief key |");
    }

    [Fact]
    public async Task The_keys_of_the_compare_json_are_the_table_of_whatif_md()
    {
        // A → B gains offer-package's agreement (only B's value and status), B → A loses it (only A's); two spatial-model
        // runs of dummy-3dim, seeds 0 and 5, have a forecast on each side.
        const string press = "scenarios/what-if/us-fta-press-or-package.yaml#press-fta";
        const string package = "scenarios/what-if/us-fta-press-or-package.yaml#offer-package";
        var runs = await RunAsync([],
            ["compare", press, package, "--engine", "local", "--format", "json"],
            ["compare", package, press, "--engine", "local", "--format", "json"],
            ["run", "--world", "scenarios/worlds/dummy-3dim.yaml", "--model", "smp", "--seed", "0", "-o", "a", "-v", "quiet"],
            ["run", "--world", "scenarios/worlds/dummy-3dim.yaml", "--model", "smp", "--seed", "5", "-o", "b", "-v", "quiet"],
            ["compare", "a/state.json", "b/state.json", "--format", "json"]);
        AssertDocumented(runs, "docs/whatif.md", "| compare key |");
        AssertDocumentedOrder(runs, "docs/whatif.md", "| compare key |");
    }

    [Fact]
    public async Task The_keys_of_the_analyze_json_are_the_table_of_telemetry_md()
    {
        // The telemetry of a run first, in the same folder, then its analysis.
        var runs = await RunAsync([],
            ["run", "scenarios/what-if/us-presses-bilateral-fta.yaml", "--engine", "local", "--telemetry", "t.jsonl", "-v", "quiet"],
            ["analyze", "t.jsonl", "--format", "json"]);
        AssertDocumented(runs, "docs/telemetry.md", "| analyze key |");
        AssertDocumentedOrder(runs, "docs/telemetry.md", "| analyze key |");
    }

    [Fact]
    public async Task The_keys_of_the_seed_json_are_the_table_of_worlds_md()
    {
        // The seeded summit has quotes, speakers, a reference and seeded agreements; dummy-3dim, imported from a KTAB
        // table, has its actors' power, its topics' headers and a position's numbers as written (73.50). No shipped world
        // gives a position a reservation value, tactic or acceptance condition of its own, so the summit is seeded once
        // more with the US's position on china-role given all three.
        var world = File.ReadAllText(SeedFiles.World);
        const string usOnChina = "  - actor: US\n    topic: china-role\n    value: 65\n";
        Assert.Contains(usOnChina, world);
        var own = world.Replace(usOnChina, usOnChina + "    reservation: 55\n    strategy: boulware\n    acceptance: time\n", StringComparison.Ordinal);
        var runs = await RunAsync([("scenarios/summits/own-terms.yaml", own)],
            ["seed", "--format", "json"],
            ["seed", "--world", "scenarios/worlds/dummy-3dim.yaml", "--format", "json"],
            ["seed", "--world", "scenarios/summits/own-terms.yaml", "--format", "json"]);
        AssertDocumented(runs, "docs/worlds.md", "| seed key |");
        AssertDocumentedOrder(runs, "docs/worlds.md", "| seed key |");
        // By hand, from the table's rows: the world-level keys first, as a world file writes them, then the lists.
        // dummy-3dim has every top-level key, its salience and KTAB line included.
        using var shares = JsonDocument.Parse(runs[1].Run.Output);
        Assert.Equal(["id", "title", "about", "source", "salience", "ktab", "actors", "topics", "positions", "agreements"],
            shares.RootElement.EnumerateObject().Select(member => member.Name));
        // An actor's keys by hand from the table's rows: id, name, leader, speaker, capability, then strategy and
        // acceptance (one row), curvature, affinity, why, ktabPower. The summit's Japan (in own-terms.yaml) speaks (Abe) and
        // has no KTAB power; dummy-3dim's first actor has a KTAB power and does not speak.
        using var summit = JsonDocument.Parse(runs[2].Run.Output);
        Assert.Equal(["id", "name", "leader", "speaker", "capability", "strategy", "acceptance", "curvature", "affinity", "why"],
            summit.RootElement.GetProperty("actors")[0].EnumerateObject().Select(member => member.Name));
        Assert.Equal(["id", "name", "leader", "capability", "strategy", "acceptance", "curvature", "affinity", "why", "ktabPower"],
            shares.RootElement.GetProperty("actors")[0].EnumerateObject().Select(member => member.Name));
        // A position's, from its rows: actor, topic, value, valueRange, salience, salienceRange, reservation, strategy
        // and acceptance (one row), provenance. The US on china-role is given all three terms of its own above.
        var usOnChinaRole = summit.RootElement.GetProperty("positions").EnumerateArray()
            .Single(p => p.GetProperty("actor").GetString() == "US" && p.GetProperty("topic").GetString() == "china-role");
        Assert.Equal(["actor", "topic", "value", "valueRange", "salience", "salienceRange", "reservation", "strategy", "acceptance", "provenance"],
            usOnChinaRole.EnumerateObject().Select(member => member.Name));
    }

    [Fact]
    public async Task The_keys_of_the_record_json_are_the_table_of_exercises_md()
    {
        // The shipped record's four facts imply a position, two moves and an agreement: every form of implies.
        var runs = await RunAsync([], ["record", "--format", "json"]);
        AssertDocumented(runs, "docs/exercises.md", "| record key |");
        AssertDocumentedOrder(runs, "docs/exercises.md", "| record key |");
    }

    [Fact]
    public void A_key_path_matches_a_row_by_name_with_a_star_for_any_one_name()
    {
        // Worked by hand: `terms.*` names every member of `terms`, whatever the topic; `terms` alone names only itself.
        Assert.True(Matches("agreements[].terms.tpp-11", "agreements[].terms.*"));
        Assert.False(Matches("agreements[].terms.tpp-11", "agreements[].terms"));
        Assert.False(Matches("agreements[].terms", "agreements[].terms.*"));
        Assert.True(Matches("paths[].values[]", "paths[].values[]"));
    }

    [Fact]
    public void A_row_no_output_carries_is_named_and_so_is_a_key_no_row_names()
    {
        // Worked by hand: the output has `a` and `b.c`; the table lists `a` and `d`. `b` and `b.c` have no row, and `d`
        // matches no key of the output.
        using var document = JsonDocument.Parse("""{ "a": 1, "b": { "c": 2 } }""");
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, "", found);
        var (undocumented, neverCarried) = Differences(found, ["a", "d"]);
        Assert.Equal(["b", "b.c"], undocumented);
        Assert.Equal(["d"], neverCarried);
    }

    [Fact]
    public void Keys_out_of_the_tables_order_are_named()
    {
        // Worked by hand: the table lists `a`, `b`, `b.c`, `b.d` in that order. The output's top level has `b` before `a`
        // (b's row is the second, a's the first), and its object `b` has `d` before `c`: two pairs out of order, named as
        // the document is read, so b's own pair, met inside b, before a. `e`, which no row names, is left to the check of
        // undocumented keys.
        using var document = JsonDocument.Parse("""{ "b": { "d": 1, "c": 2 }, "e": 0, "a": 3 }""");
        var found = new List<string>();
        CollectUnordered(document.RootElement, "", ["a", "b", "b.c", "b.d"], found);
        Assert.Equal(["b: c after d", "the top level: a after b"], found);
    }

    /// <summary>
    /// Runs each command in turn in one folder holding a copy of the repository's scenarios and
    /// <paramref name="files"/> (a path below the folder and its text); each command's run, in order.
    /// </summary>
    private static async Task<IReadOnlyList<(string[] Arguments, SummitsRun Run)>> RunAsync((string Path, string Text)[] files, params string[][] commands)
    {
        var folder = Directory.CreateTempSubdirectory("summits-json-");
        try
        {
            foreach (var file in Directory.GetFiles(SeedFiles.File("scenarios"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder.FullName, "scenarios", Path.GetRelativePath(SeedFiles.File("scenarios"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            foreach (var (path, text) in files)
                File.WriteAllText(Path.Combine(folder.FullName, path), text);
            var runs = new List<(string[], SummitsRun)>();
            foreach (var arguments in commands)
            {
                var run = await SummitsProcess.RunInAsync(folder.FullName, arguments);
                Assert.True(run.ExitCode is 0 or 1, $"summits {string.Join(' ', arguments)}: exit {run.ExitCode}: {run.Error}");
                runs.Add((arguments, run));
            }
            return runs;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The key paths of every run that printed JSON (<c>--format json</c>) against the table's rows, both ways.</summary>
    private static void AssertDocumented(IReadOnlyList<(string[] Arguments, SummitsRun Run)> runs, string guide, string header)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var printed = runs.Where(r => r.Arguments.Contains("json") && r.Arguments.Contains("--format")).ToList();
        Assert.NotEmpty(printed);
        foreach (var (_, run) in printed)
        {
            using var document = JsonDocument.Parse(run.Output);
            Collect(document.RootElement, "", found);
        }
        var rows = Rows(File.ReadAllLines(SeedFiles.File(guide)), header);
        Assert.True(rows.Count > 0, $"{guide} has no table headed {header}");
        var (undocumented, neverCarried) = Differences(found, rows);
        Assert.True(undocumented.Count == 0, $"{guide}: the table headed {header} lacks {string.Join(", ", undocumented)}");
        Assert.True(neverCarried.Count == 0, $"{guide}: the table headed {header} lists {string.Join(", ", neverCarried)}, which no output of "
            + string.Join("; ", printed.Select(r => "summits " + string.Join(' ', r.Arguments))) + " carries");
    }

    /// <summary>
    /// The keys of every object of every run that printed JSON come in the order the table's rows name them: a key whose
    /// row stands above the row of a key before it is named, with the object it is in.
    /// </summary>
    private static void AssertDocumentedOrder(IReadOnlyList<(string[] Arguments, SummitsRun Run)> runs, string guide, string header)
    {
        var rows = Rows(File.ReadAllLines(SeedFiles.File(guide)), header);
        var unordered = new List<string>();
        foreach (var (_, run) in runs.Where(r => r.Arguments.Contains("json") && r.Arguments.Contains("--format")))
        {
            using var document = JsonDocument.Parse(run.Output);
            CollectUnordered(document.RootElement, "", rows, unordered);
        }
        var distinct = unordered.Distinct().ToList();
        Assert.True(distinct.Count == 0, $"{guide}: the output's keys are not in the order of the table headed {header}: {string.Join("; ", distinct)}");
    }

    /// <summary>
    /// Each pair of keys of an object in <paramref name="element"/> that stand in the other order than the first rows
    /// naming them, as "PATH: LATER after EARLIER"; keys no row names are skipped.
    /// </summary>
    private static void CollectUnordered(JsonElement element, string path, IReadOnlyList<string> rows, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var (last, lastName) = (-1, "");
                foreach (var member in element.EnumerateObject())
                {
                    var inner = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    var row = IndexOfRow(rows, inner);
                    if (row >= 0)
                    {
                        if (row < last)
                            found.Add($"{(path.Length == 0 ? "the top level" : path)}: {member.Name} after {lastName}");
                        (last, lastName) = (row, member.Name);
                    }
                    CollectUnordered(member.Value, inner, rows, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    CollectUnordered(item, path + "[]", rows, found);
                break;
        }
    }

    /// <summary>The place of the first row naming <paramref name="path"/> among <paramref name="rows"/>; −1 when none does.</summary>
    private static int IndexOfRow(IReadOnlyList<string> rows, string path)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (Matches(path, rows[i]))
                return i;
        }
        return -1;
    }

    /// <summary>The key paths no row names, and the rows no key path matches, each in order.</summary>
    private static (List<string> Undocumented, List<string> NeverCarried) Differences(IReadOnlyCollection<string> found, IReadOnlyList<string> rows) =>
        ([.. found.Where(path => !rows.Any(row => Matches(path, row)))],
         [.. rows.Where(row => !found.Any(path => Matches(path, row)))]);

    /// <summary>Each key's path: members joined by dots, an array's elements as <c>[]</c>; a document that is an array starts at <c>[]</c>.</summary>
    private static void Collect(JsonElement element, string path, ISet<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var inner = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    found.Add(inner);
                    Collect(member.Value, inner, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, path + "[]", found);
                break;
        }
    }

    /// <summary>The key paths in the first cell of each row of the table under the header line: every backticked name in it.</summary>
    private static List<string> Rows(string[] lines, string header)
    {
        var start = Array.FindIndex(lines, line => line.StartsWith(header, StringComparison.Ordinal));
        var rows = new List<string>();
        if (start < 0)
            return rows;
        for (var i = start + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var cell = lines[i].Split('|')[1];
            var parts = cell.Split('`');
            for (var k = 1; k < parts.Length; k += 2)
                rows.Add(parts[k]);
        }
        return rows;
    }

    private static bool Matches(string path, string row)
    {
        var names = path.Split('.');
        var pattern = row.Split('.');
        if (names.Length != pattern.Length)
            return false;
        for (var i = 0; i < names.Length; i++)
        {
            if (pattern[i] == names[i])
                continue;
            // `*` stands for one name chosen by the data (a topic, an actor), with or without the array marks after it.
            if (pattern[i].StartsWith('*') && names[i].EndsWith(pattern[i][1..], StringComparison.Ordinal))
                continue;
            return false;
        }
        return true;
    }
}
