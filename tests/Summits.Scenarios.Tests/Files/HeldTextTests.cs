using Summits.Tests;

namespace Summits.Scenarios.Tests;

/// <summary>
/// A file that holds none of what its reader expects is said to hold what it does hold, not to be "empty": 0 bytes,
/// blank lines, whitespace without a line end, only comments (YAML), only commas (a KTAB table), a JSON null or a
/// JSON value of another kind than an object (state.json). Each line stands at the first thing that is there (1:1
/// when nothing is) and says what was expected. Every reader is tried with every shape it can meet; the expected lines
/// are written out by hand from the text of each shape.
/// </summary>
public sealed class HeldTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-held-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Mapping = "expected a mapping of keys to values, such as 'key: value'";

    /// <summary>Each YAML shape with its place and what it is said to hold.</summary>
    private static readonly (string Text, string Said)[] YamlShapes =
    [
        ("", $"1:1: the file is empty (0 bytes); {Mapping}"),
        // Three lines: an empty one, two spaces, an empty one (the text ends in a line end, which opens no fourth).
        ("\n  \n\n", $"1:1: the file holds only 3 blank lines; {Mapping}"),
        // Three spaces and no line end.
        ("   ", $"1:1: the file holds only whitespace (3 characters, no line end); {Mapping}"),
        // A blank line, then the comment on line 2 at column 1.
        ("\n# the world goes here\n", $"2:1: the file holds only a comment and blank lines; {Mapping}, after it"),
        // Two comments, the first on line 1 indented by two spaces: column 3.
        ("  # one\n# two\n", $"1:3: the file holds only comments (2 lines); {Mapping}, after them"),
        ("null\n", $"1:1: the file holds a null ('null') at its top; {Mapping}"),
        ("[]\n", $"1:1: the file holds an empty list ([]) at its top; {Mapping}"),
        // A list of two items after a blank line: it starts on line 2.
        ("\n- a\n- b\n", $"2:1: the file holds a list of 2 items at its top; {Mapping}"),
        ("3\n", $"1:1: the file holds a single value ('3') at its top; {Mapping}"),
        ("\"x\"\n", $"1:1: the file holds a single value ('x') at its top; {Mapping}"),
    ];

    /// <summary>Every YAML reader (world, scenario, exercise, answers, record) with every shape.</summary>
    public static TheoryData<string, string, string> YamlCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var reader in new[] { "world", "scenario", "exercise", "answers", "record" })
        {
            foreach (var (text, said) in YamlShapes)
                data.Add(reader, text, said);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(YamlCases))]
    public void A_yaml_file_is_said_to_hold_what_it_holds(string reader, string text, string said) =>
        Said($"{reader}.yaml", text, said, reader switch
        {
            "world" => path => WorldFile.Load(path),
            "scenario" => path => ScenarioFile.Load(path),
            "exercise" => path => ExerciseFile.Load(path),
            "answers" => path => ExerciseFile.LoadAnswers(path, ExerciseFile.Load(SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"))),
            _ => path => RecordFile.Load(path),
        });

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/>, reads it, and checks the one line said: the file's path, then <paramref name="said"/>.</summary>
    private void Said(string name, string text, string said, Action<string> read)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);

        var error = Assert.Throws<InputException>(() => read(path));

        Assert.Equal($"{path}:{said}", error.Message);
    }

    private const string Table = "expected a KTAB table: a scenario line, a header line, then one row per actor";

    private const string State = "expected the state.json of a run, an object as 'summits run -o DIR' writes it";

    [Theory]
    // A KTAB table:
    [InlineData("t.csv", "", $"1:1: the file is empty (0 bytes); {Table}")]
    // Two lines, each empty.
    [InlineData("t.csv", "\n\n", $"1:1: the file holds only 2 blank lines; {Table}")]
    [InlineData("t.csv", "\t ", $"1:1: the file holds only whitespace (2 characters, no line end); {Table}")]
    // A blank line, two spaces, then the first comma on line 3, column 1.
    [InlineData("t.csv", "\n  \n,,,\n", $"3:1: the file holds only commas and whitespace, nothing between them; {Table}")]
    // A space before the first comma: column 2, CR LF line ends as a spreadsheet writes them.
    [InlineData("t.csv", " , ,\r\n,\r\n", $"1:2: the file holds only commas and whitespace, nothing between them; {Table}")]
    // Empty quoted fields, which hold nothing either: the first quote at 1:1.
    [InlineData("t.csv", "\"\",\"\"\n", $"1:1: the file holds only commas, empty quotes (\"\") and whitespace, nothing between them; {Table}")]
    // state.json:
    [InlineData("state.json", "", $"1:1: the file is empty (0 bytes); {State}")]
    // A line of one space, then an empty one.
    [InlineData("state.json", " \n\n", $"1:1: the file holds only 2 blank lines; {State}")]
    [InlineData("state.json", "null", $"1:1: the file holds a JSON null, not an object; {State}")]
    // The null after a blank line and two spaces: line 2, column 3.
    [InlineData("state.json", "\n  null\n", $"2:3: the file holds a JSON null, not an object; {State}")]
    [InlineData("state.json", "[]", $"1:1: the file holds an empty JSON array ([]), not an object; {State}")]
    [InlineData("state.json", "[1, 2]", $"1:1: the file holds a JSON array of 2 values, not an object; {State}")]
    [InlineData("state.json", "3", $"1:1: the file holds a JSON number (3), not an object; {State}")]
    [InlineData("state.json", "\"x\"", $"1:1: the file holds a JSON string (\"x\"), not an object; {State}")]
    [InlineData("state.json", "true", $"1:1: the file holds a JSON boolean (true), not an object; {State}")]
    // A string of 30 characters with its quotes is cut at 23 and '…'.
    [InlineData("state.json", "\"abcdefghijklmnopqrstuvwxyzab\"", $"1:1: the file holds a JSON string (\"abcdefghijklmnopqrstuv…), not an object; {State}")]
    public void A_ktab_table_or_a_state_file_is_said_to_hold_what_it_holds(string name, string text, string said) =>
        Said(name, text, said, name == "t.csv" ? path => KtabTable.Load(path) : path => StateFile.Load(path));
}
