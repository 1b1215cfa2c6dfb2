using System.Globalization;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A stakeholder table in KTAB's SMP CSV format: a scenario line (name, description, actor count,
/// dimension count, read by position as KTAB reads it; further fields are ignored), a header
/// <c>Actor,Description,</c> and a power column under any name, followed by a position and a salience
/// column per dimension, then one row per actor whose saliences sum to at most 100. Every check names
/// the file, line and column.
/// </summary>
public sealed class KtabTable
{
    private KtabTable(string path, string name, string description, string powerHeader, IReadOnlyList<KtabDimension> dimensions, IReadOnlyList<KtabRow> rows)
    {
        Path = path;
        Name = name;
        Description = description;
        PowerHeader = powerHeader;
        Dimensions = dimensions;
        Rows = rows;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public string Name { get; }

    public string Description { get; }

    /// <summary>The header of the power column, as written: KTAB ignores its words (<c>Power</c>, <c>Influence</c>, <c>Clout</c>…).</summary>
    public string PowerHeader { get; }

    public IReadOnlyList<KtabDimension> Dimensions { get; }

    public IReadOnlyList<KtabRow> Rows { get; }

    public decimal MaxPower => Rows.Max(r => r.Power);

    private const string Expected = "a KTAB table: a scenario line, a header line, then one row per actor";

    public static KtabTable Load(string path)
    {
        if (Directory.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), "this is a folder; name a KTAB table file (.csv) in it");
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), $"no such table file{InputFile.Alternatives(path, path)}");
        return Parse(path, InputFile.ReadText(path, path, "table file", InputFile.TextLimit, problem => new InputException(new FilePosition(path, 1, 1), problem)));
    }

    /// <exception cref="InputException">The text is no KTAB table, at the first place that says so; a file of a kind Summits
    /// reads as YAML (a world, a scenario) is said to be that kind, with what takes it.</exception>
    public static KtabTable Parse(string path, string text)
    {
        if (!Shaped(text) && YamlKind(path, text) is { } yaml)
            throw yaml;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var numbered = lines.Select((line, i) => (Line: i + 1, Fields: CsvField.Split(line)))
            .Where(l => l.Fields.Count > 0)
            .ToList();
        // A table with no field that holds text is said to hold what it does hold: nothing, blank lines, or commas.
        if (numbered.Count == 0)
            throw HeldText.Blank(path, text, Expected) ?? HeldText.Only(path, text, text.Contains('"', StringComparison.Ordinal) ? "commas, empty quotes (\"\")" : "commas", Expected);

        // KTAB reads the scenario line by position (name, description, actor count, dimension count)
        // and ignores any fields after those four.
        var (scenarioLine, scenario) = numbered[0];
        if (scenario.Count < 4)
            throw Fail(path, scenarioLine, scenario.Count > 0 ? scenario[^1].Column : 1,
                $"the scenario line has {scenario.Count} field{Plural(scenario.Count)}; expected name, description, actor count and dimension count");
        var actorCount = Count(path, scenarioLine, scenario[2], "actor count");
        var dimensionCount = Count(path, scenarioLine, scenario[3], "dimension count");
        var name = scenario[0].Text;
        var description = scenario[1].Text;

        if (numbered.Count == 1)
            throw Fail(path, scenarioLine + 1, 1, "the header line is missing; expected Actor,Description,Power then a position and a salience column per dimension");
        var (headerLine, header) = numbered[1];
        // KTAB stops reading a table at a blank line, so a blank line among the rows would cut the table
        // short there; it is refused rather than skipped in silence.
        var filled = numbered.Select(l => l.Line).ToHashSet();
        if (Enumerable.Range(headerLine + 1, Math.Max(0, numbered[^1].Line - headerLine - 1)).FirstOrDefault(n => !filled.Contains(n)) is var blank and > 0)
            throw Fail(path, blank, 1, "a blank line among the table's rows; KTAB stops reading a table at a blank line, so remove it");
        ExpectHeader(path, headerLine, header, 0, "Actor");
        ExpectHeader(path, headerLine, header, 1, "Description");
        if (header.Count < 3)
            throw Fail(path, headerLine, header[^1].Column, "the header ends early; expected column 3 to head the actors' power (KTAB ignores its words)");
        var columns = 3 + 2 * dimensionCount;
        if (header.Count != columns)
        {
            // Columns after the power come in pairs; an odd count is said as columns, never as half a pair.
            var after = header.Count - 3;
            var has = after % 2 == 0
                ? $"{after / 2} position and salience pair{Plural(after / 2)}"
                : $"{after} column{Plural(after)} after the power, which do not make whole position and salience pairs";
            throw Fail(path, headerLine, header[^1].Column,
                $"the scenario line (line {scenarioLine}) says {dimensionCount} dimension{Plural(dimensionCount)}, so the header needs {columns} columns, but it has {header.Count} ({has})");
        }
        var dimensions = Enumerable.Range(0, dimensionCount)
            .Select(d => new KtabDimension(header[3 + 2 * d].Text, header[4 + 2 * d].Text))
            .ToArray();

        var rows = new List<KtabRow>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in numbered.Skip(2))
        {
            if (fields.Count != columns)
            {
                var column = fields.Count > columns ? fields[columns].Column : fields[^1].Column;
                throw Fail(path, line, column,
                    $"this row has {fields.Count} column{Plural(fields.Count)}; expected {columns}: actor, description, {header[2].Text.ToLowerInvariant()}, then a position and a salience for each of {dimensionCount} dimension{Plural(dimensionCount)}");
            }
            var actor = fields[0].Text;
            if (actor.Length == 0)
                throw Fail(path, line, fields[0].Column, "the actor name is empty; every row needs one");
            if (firstLineOf.TryGetValue(actor, out var first))
                throw Fail(path, line, fields[0].Column, $"the actor '{actor}' is named twice (first on line {first}); actor names must be unique");
            firstLineOf[actor] = line;
            var power = Number(path, line, fields[2], PowerWord(header[2].Text), 0, PowerLimit);
            var positions = new decimal[dimensionCount];
            var saliences = new decimal[dimensionCount];
            decimal attention = 0;
            for (var d = 0; d < dimensionCount; d++)
            {
                positions[d] = Number(path, line, fields[3 + 2 * d], $"position '{dimensions[d].PositionHeader}'", 0, 100);
                saliences[d] = Number(path, line, fields[4 + 2 * d], $"salience '{dimensions[d].SalienceHeader}'", 0, 100);
                attention += saliences[d];
                // KTAB refuses such a row: saliences are shares of one actor's attention across the dimensions.
                if (attention > 100)
                    throw Fail(path, line, fields[4 + 2 * d].Column,
                        $"the saliences of '{actor}' sum to {attention.ToString(CultureInfo.InvariantCulture)} by this column; they are shares of the actor's attention across the dimensions and may sum to at most 100");
            }
            rows.Add(new KtabRow(rows.Count + 1, line, actor, fields[1].Text, power, positions, saliences, fields[2].Text,
                [.. Enumerable.Range(0, dimensionCount).Select(d => fields[3 + 2 * d].Text)],
                [.. Enumerable.Range(0, dimensionCount).Select(d => fields[4 + 2 * d].Text)]));
        }

        if (rows.Count != actorCount)
            throw Fail(path, scenarioLine, scenario[^2].Column,
                $"the scenario line says {actorCount} actor{Plural(actorCount)} but the table has {rows.Count} row{Plural(rows.Count)}; make the count match the rows");
        if (rows.Max(r => r.Power) <= 0)
            throw Fail(path, rows[0].Line, 1, $"every actor's {PowerWord(header[2].Text)} is 0; at least one must be above 0 to scale capabilities");
        return new KtabTable(path, name, description, header[2].Text, dimensions, rows);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is shaped as a KTAB table, whatever its file's name: its first line that holds a
    /// field has at least four (the scenario line), and its next begins <c>Actor,Description</c> (the header), as
    /// <see cref="Parse"/> requires. A YAML file never is: its lines are keys and values, not fields.
    /// </summary>
    public static bool Shaped(string text)
    {
        var lines = Lines(text).Select(CsvField.Split).Where(fields => fields.Count > 0).Take(2).ToList();
        return lines.Count == 2 && lines[0].Count >= 4 && lines[1].Count >= 2
            && lines[1][0].Text.Equals("Actor", StringComparison.OrdinalIgnoreCase) && lines[1][1].Text.Equals("Description", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lines of <paramref name="text"/>, read one at a time, so a long file is never split whole to look at its first lines.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    /// <summary>
    /// The command that makes a world of the table <paramref name="path"/>, to run as written from where the path is
    /// said, and the world file it writes: <c>summits import ktab tables/t.csv -o tables/t.yaml</c>, the world beside
    /// the table. A table named as a world file is (<c>.yaml</c>, <c>.yml</c>) would be replaced by that world, so it is
    /// renamed first: <c>mv t.yaml t.csv &amp;&amp; summits import ktab t.csv -o t.yaml</c>.
    /// </summary>
    public static (string Command, string World) ImportCommand(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var table = System.IO.Path.ChangeExtension(path, ".csv");
            return ($"mv {ShellWord.Of(path)} {ShellWord.Of(table)} && summits import ktab {ShellWord.Of(table)} -o {ShellWord.Of(path)}", path);
        }
        var world = System.IO.Path.ChangeExtension(path, ".yaml");
        return ($"summits import ktab {ShellWord.Of(path)} -o {ShellWord.Of(world)}", world);
    }

    /// <summary>
    /// The refusal of the KTAB table <paramref name="path"/> read where a YAML file of <paramref name="expected"/> kind is,
    /// with the command that makes a world of it (<see cref="ImportCommand"/>). Named on the command line, it is said at
    /// the table's first line: <c>this is a KTAB table, not a world file; make a world of it first: summits import ktab
    /// tables/t.csv -o tables/t.yaml</c>, and where another kind is expected, with the command that then runs that world.
    /// Named as another file's world (<paramref name="namedAt"/>), it is said at that place, with the world to name there
    /// instead, relative to that file's folder.
    /// </summary>
    /// <param name="expected">The kind of file expected; null for a world or a scenario (<c>migrate</c>).</param>
    public static InputException NotYaml(string path, FileKind? expected, FilePosition? namedAt)
    {
        var (command, world) = ImportCommand(path);
        if (namedAt is { } at)
        {
            var here = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(at.File)) ?? ".";
            var named = System.IO.Path.GetRelativePath(here, System.IO.Path.GetFullPath(world)).Replace('\\', '/');
            return new InputException(at, $"this names a KTAB table, not a world file; make a world of it first, {command}, and name that world here: world: {named}");
        }
        return new InputException(new FilePosition(path, 1, 1), expected == FileKind.World
            ? $"this is a KTAB table, not a world file; make a world of it first: {command}"
            : $"this is a KTAB table, not {expected?.What ?? "a world or scenario file"}; make a world of it, {command}, then {FileKind.World.UseOf(world)}");
    }

    /// <summary>The refusal of a file of a kind Summits reads as YAML, named where a KTAB table is; null for any other text.</summary>
    private static InputException? YamlKind(string path, string text)
    {
        try
        {
            var top = YamlDocument.LoadMapping(path, text);
            return FileKind.Of(top) is { } kind ? new InputException(YamlDocument.At(path, top), $"this is {kind.What}, not a KTAB table; {kind.UseOf(path)}") : null;
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static int Count(string path, int line, CsvField field, string what)
    {
        if (!int.TryParse(field.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw Fail(path, line, field.Column, $"the {what} must be a whole number of 1 or more, not '{field.Text}'");
        return count;
    }

    private static void ExpectHeader(string path, int line, IReadOnlyList<CsvField> header, int index, params string[] choices)
    {
        if (index >= header.Count)
            throw Fail(path, line, header[^1].Column, $"the header ends early; expected column {index + 1} to be {Listed.Or(choices)}");
        if (!choices.Any(c => c.Equals(header[index].Text, StringComparison.OrdinalIgnoreCase)))
            throw Fail(path, line, header[index].Column, $"header column {index + 1} is '{header[index].Text}'; expected {Listed.Or(choices)}");
    }

    private static decimal Number(string path, int line, CsvField field, string what, decimal min, decimal? max)
    {
        var range = max is { } top ? $"from {min} to {top}" : $"of {min} or more";
        if (!decimal.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            // A number too large or too small for a decimal (1e308) is still a number, only out of range.
            if (double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && !double.IsNaN(huge))
                throw Fail(path, line, field.Column, $"the {what} {field.Text} is out of range; expected a number {range}");
            throw Fail(path, line, field.Column, $"the {what} '{field.Text}' is not a number; expected a number {range}");
        }
        if (value < min || (max is { } high && value > high))
            throw Fail(path, line, field.Column, $"the {what} {field.Text} is out of range; expected a number {range}");
        return value;
    }

    /// <summary>KTAB's own limit on a capability (its csvRead sanity check).</summary>
    private const decimal PowerLimit = 100_000_000m;

    /// <summary>How errors name the power column: its header in lower case, or "power" when the header is empty.</summary>
    private static string PowerWord(string header) => header.Length > 0 ? header.ToLowerInvariant() : "power";

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static InputException Fail(string path, int line, int column, string problem) =>
        new(new FilePosition(path, line, column), problem);
}
