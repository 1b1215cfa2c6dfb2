using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every table the commands print (the timeline, the run's summary, a fork's branches side by side, compare,
/// whatif, an exercise's debrief, seed) fits a terminal of 40, 50, 60 or 80 columns and never cuts an id: the
/// ids are taken from the <c>--format json</c> output of the same command, so the test does not learn them from
/// the table it judges.
/// </summary>
public sealed class NarrowTerminalTests
{
    private static string File(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", .. parts]);

    public static TheoryData<string, int> Commands()
    {
        var data = new TheoryData<string, int>();
        foreach (var command in new[] { "run package", "run fork quiet", "run fork", "compare", "whatif fork", "seed", "exercise" })
            foreach (var columns in new[] { 40, 50, 60, 80 })
                data.Add(command, columns);
        return data;
    }

    private static string[] Arguments(string command) => command switch
    {
        "run package" => ["run", File("what-if", "trade-for-defense-package.yaml"), "--engine", "local"],
        "run fork quiet" => ["run", File("what-if", "us-fta-press-or-package.yaml"), "--engine", "local", "-q"],
        "run fork" => ["run", File("what-if", "us-fta-press-or-package.yaml"), "--engine", "local"],
        "compare" => ["compare", File("what-if", "baseline.yaml"), File("what-if", "trade-for-defense-package.yaml"), "--engine", "local"],
        "whatif fork" => ["whatif", File("what-if", "us-fta-press-or-package.yaml"), "--engine", "local", "--runs", "20"],
        "seed" => ["seed", "--world", SeedFiles.World],
        _ => ["exercise", File("exercises", "trade-for-defence.yaml"), "--answers", File("exercises", "answers", "trade-for-defence-jp.yaml"), "--engine", "local"],
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_line_fits_and_every_id_stands_whole(string command, int columns)
    {
        var folder = Directory.CreateTempSubdirectory("summits-narrow-").FullName;
        try
        {
            var arguments = Arguments(command);
            var json = await SummitsProcess.RunInAsync(folder, [.. arguments.Where(a => a != "-q"), "--format", "json"]);
            Assert.True(json.ExitCode == 0, json.ToString());
            var ids = Ids(json.Output);
            Assert.NotEmpty(ids);

            var wide = await SummitsProcess.RunInAsync(folder, arguments, Columns(200));
            var narrow = await SummitsProcess.RunInAsync(folder, arguments, Columns(columns));
            Assert.True(narrow.ExitCode == 0, narrow.ToString());
            var lines = narrow.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

            // No line is wider than the terminal, but a single word wider than it (a path) standing alone from the left edge.
            var over = lines.Where(l => l.Length > columns && !(l.Trim() == l && !l.Contains(' ', StringComparison.Ordinal))).ToList();
            Assert.True(over.Count == 0, $"{command} at {columns}: lines wider than {columns}:\n{string.Join('\n', over)}\n\n{narrow.Output}");

            // Every id the wide layout shows whole, the narrow one shows whole too, unless it is only ever the value of a
            // field the narrow layout says it left out to fit ("left out to fit 40 columns: cause; ...").
            var leftOut = Regex.Split(Regex.Match(narrow.Output.ReplaceLineEndings(" "), @"left out to fit \d+\s+columns:\s+([^;]*);").Groups[1].Value, @",\s+|\s+and\s+")
                .Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
            var missing = ids.Keys.Where(id => Whole(wide.Output, id) && !Whole(narrow.Output, id) && !ids[id].All(leftOut.Contains)).ToList();
            Assert.True(missing.Count == 0, $"{command} at {columns}: ids not shown whole: {string.Join(", ", missing)}\n\n{narrow.Output}");

            // No word is the piece of an id cut in two: "defense-procurem" (a strict prefix that ends inside a word of
            // the id or at its hyphen) or "ent" (a strict suffix that starts inside a word) that the wide layout, which
            // has room for every id, never prints as a word of its own.
            var words = Words(wide.Output).ToHashSet(StringComparer.Ordinal);
            var pieces = Words(narrow.Output).Where(w => !words.Contains(w) && ids.Keys.Any(id => Piece(w, id))).Distinct().ToList();
            Assert.True(pieces.Count == 0, $"{command} at {columns}: ids cut: {string.Join(", ", pieces)}\n\n{narrow.Output}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Columns(int columns) => new() { ["COLUMNS"] = columns.ToString(CultureInfo.InvariantCulture) };

    /// <summary>
    /// Every string in the json output that is an id of several words (lower case, with a hyphen or a dot inside),
    /// with the names of the fields it is the value of.
    /// </summary>
    private static Dictionary<string, HashSet<string>> Ids(string output)
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Walk(JsonElement e, string field)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                        Walk(p.Value, p.Name);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                        Walk(item, field);
                    break;
                case JsonValueKind.String when Regex.IsMatch(e.GetString()!, @"^[a-z0-9]+([.-][a-z0-9]+)+$"):
                    if (!ids.TryGetValue(e.GetString()!, out var fields))
                        ids[e.GetString()!] = fields = [];
                    fields.Add(field);
                    break;
            }
        }
        var text = output.Trim();
        // One document, or one document a line (the run's events).
        try
        {
            using var whole = JsonDocument.Parse(text);
            Walk(whole.RootElement, "");
            return ids;
        }
        catch (JsonException)
        {
        }
        foreach (var document in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var parsed = JsonDocument.Parse(document);
            Walk(parsed.RootElement, "");
        }
        return ids;
    }

    private static bool Whole(string text, string id) => Regex.IsMatch(text, $@"(?<![A-Za-z0-9.-]){Regex.Escape(id)}(?![A-Za-z0-9-]|\.[A-Za-z0-9])");

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n', '+', '=', ',', ';', ':', '(', ')', '[', ']', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.'));

    private static bool Piece(string word, string id)
    {
        if (word.Length >= id.Length || word.Length == 0)
            return false;
        var prefix = id.StartsWith(word, StringComparison.Ordinal) && (word.EndsWith('-') || char.IsLetterOrDigit(id[word.Length]) && char.IsLetterOrDigit(word[^1]));
        var suffix = id.EndsWith(word, StringComparison.Ordinal) && char.IsLetterOrDigit(id[^(word.Length + 1)]) && char.IsLetterOrDigit(word[0]);
        return prefix || suffix;
    }
}
