using System.Text.Json;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every key a command's JSON document holds is named in the table of keys its guide gives for it: a key added to
/// the output without a row in the table fails here, naming the key.
/// </summary>
public sealed class DocumentedJsonKeysTests
{
    [Fact]
    public async Task Every_key_of_the_whatif_json_is_in_the_table_of_whatif_md()
    {
        var run = await RunAsync("whatif", "scenarios/what-if/us-presses-bilateral-fta.yaml", "--runs", "20", "--engine", "local", "--format", "json");
        AssertDocumented(run, "docs/whatif.md", "| `results.json` key |");
    }

    [Fact]
    public async Task Every_key_of_the_exercise_json_is_in_the_table_of_exercises_md()
    {
        var run = await RunAsync("exercise", "scenarios/exercises/bilateral-fta.yaml", "--answers", "scenarios/exercises/answers/bilateral-fta-us.yaml",
            "--engine", "local", "--teacher", "--format", "json");
        AssertDocumented(run, "docs/exercises.md", "| debrief key |");
    }

    [Fact]
    public async Task Every_key_of_the_compare_json_is_in_the_table_of_whatif_md()
    {
        var run = await RunAsync("compare", "scenarios/what-if/us-fta-press-or-package.yaml#press-fta", "scenarios/what-if/us-fta-press-or-package.yaml#offer-package",
            "--engine", "local", "--format", "json");
        AssertDocumented(run, "docs/whatif.md", "| compare key |");
    }

    [Fact]
    public async Task Every_key_of_the_analyze_json_is_in_the_table_of_telemetry_md()
    {
        // The telemetry of a run first, in the same folder, then its analysis.
        var run = await RunAsync(
            ["run", "scenarios/what-if/us-presses-bilateral-fta.yaml", "--engine", "local", "--telemetry", "t.jsonl", "-v", "quiet"],
            ["analyze", "t.jsonl", "--format", "json"]);
        AssertDocumented(run, "docs/telemetry.md", "| analyze key |");
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

    private static Task<SummitsRun> RunAsync(params string[] arguments) => RunAsync([arguments]);

    /// <summary>Runs each command in turn in one folder holding a copy of the repository's scenarios; the last one's run.</summary>
    private static async Task<SummitsRun> RunAsync(params string[][] commands)
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
            SummitsRun? run = null;
            foreach (var arguments in commands)
            {
                run = await SummitsProcess.RunInAsync(folder.FullName, arguments);
                Assert.True(run.ExitCode is 0 or 1, $"summits {string.Join(' ', arguments)}: exit {run.ExitCode}: {run.Error}");
            }
            return run!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertDocumented(SummitsRun run, string guide, string header)
    {
        Assert.True(run.ExitCode is 0 or 1, $"exit {run.ExitCode}: {run.Error}");
        using var document = JsonDocument.Parse(run.Output);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Collect(document.RootElement, "", found);
        var rows = Rows(File.ReadAllLines(SeedFiles.File(guide)), header);
        Assert.True(rows.Count > 0, $"{guide} has no table headed {header}");
        var missing = found.Where(path => !rows.Any(row => Matches(path, row))).ToList();
        Assert.True(missing.Count == 0, $"{guide}: the table headed {header} lacks {string.Join(", ", missing)}");
    }

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
