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
    public void A_yaml_file_is_said_to_hold_what_it_holds(string reader, string text, string said)
    {
        var path = Path.Combine(_folder, $"{reader}.yaml");
        File.WriteAllText(path, text);
        Action read = reader switch
        {
            "world" => () => WorldFile.Load(path),
            "scenario" => () => ScenarioFile.Load(path),
            "exercise" => () => ExerciseFile.Load(path),
            "answers" => () => ExerciseFile.LoadAnswers(path, ExerciseFile.Load(SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"))),
            _ => () => RecordFile.Load(path),
        };

        var error = Assert.Throws<InputException>(read);

        Assert.Equal($"{path}:{said}", error.Message);
    }

    private const string Table = "expected a KTAB table: a scenario line, a header line, then one row per actor";

    [Theory]
    [InlineData("", $"1:1: the file is empty (0 bytes); {Table}")]
    // Two lines, each empty.
    [InlineData("\n\n", $"1:1: the file holds only 2 blank lines; {Table}")]
    [InlineData("\t ", $"1:1: the file holds only whitespace (2 characters, no line end); {Table}")]
    // A blank line, two spaces, then the first comma on line 3, column 1.
    [InlineData("\n  \n,,,\n", $"3:1: the file holds only commas and whitespace, nothing between them; {Table}")]
    // A space before the first comma: column 2, CR LF line ends as a spreadsheet writes them.
    [InlineData(" , ,\r\n,\r\n", $"1:2: the file holds only commas and whitespace, nothing between them; {Table}")]
    // Empty quoted fields, which hold nothing either: the first quote at 1:1.
    [InlineData("\"\",\"\"\n", $"1:1: the file holds only commas, empty quotes (\"\") and whitespace, nothing between them; {Table}")]
    public void A_ktab_table_is_said_to_hold_what_it_holds(string text, string said)
    {
        var path = Path.Combine(_folder, "t.csv");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InputException>(() => KtabTable.Load(path));

        Assert.Equal($"{path}:{said}", error.Message);
    }

    private const string State = "expected the state.json of a run, an object as 'summits run -o DIR' writes it";

    [Theory]
    [InlineData("", $"1:1: the file is empty (0 bytes); {State}")]
    // A line of one space, then an empty one.
    [InlineData(" \n\n", $"1:1: the file holds only 2 blank lines; {State}")]
    [InlineData("null", $"1:1: the file holds a JSON null, not an object; {State}")]
    // The null after a blank line and two spaces: line 2, column 3.
    [InlineData("\n  null\n", $"2:3: the file holds a JSON null, not an object; {State}")]
    [InlineData("[]", $"1:1: the file holds an empty JSON array ([]), not an object; {State}")]
    [InlineData("[1, 2]", $"1:1: the file holds a JSON array of 2 values, not an object; {State}")]
    [InlineData("3", $"1:1: the file holds a JSON number (3), not an object; {State}")]
    [InlineData("\"x\"", $"1:1: the file holds a JSON string (\"x\"), not an object; {State}")]
    [InlineData("true", $"1:1: the file holds a JSON boolean (true), not an object; {State}")]
    // A string of 30 characters with its quotes is cut at 23 and '…'.
    [InlineData("\"abcdefghijklmnopqrstuvwxyzab\"", $"1:1: the file holds a JSON string (\"abcdefghijklmnopqrstuv…), not an object; {State}")]
    public void A_state_file_is_said_to_hold_what_it_holds(string text, string said)
    {
        var path = Path.Combine(_folder, "state.json");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InputException>(() => StateFile.Load(path));

        Assert.Equal($"{path}:{said}", error.Message);
    }
}
