namespace Summits.Scenarios.Tests;

/// <summary>
/// A file named inside another (a scenario's <c>world:</c>, a world's <c>source:</c>) must be a regular
/// file within the size limit; anything else is refused at the key's line, before it is opened. Each
/// load is given a time limit, so a test fails rather than waits forever if a FIFO were opened.
/// </summary>
public sealed class NamedFileTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The seeded world with its <c>source:</c> line changed; the line number is counted from the file itself.</summary>
    private (string Path, int Line) WorldWithSource(string source)
    {
        var lines = File.ReadAllLines(WorldsRepository.SeedWorld);
        var line = Array.FindIndex(lines, l => l.StartsWith("source: ", StringComparison.Ordinal));
        lines[line] = $"source: '{source}'";
        return (Write("world.yaml", string.Join('\n', lines) + "\n"), line + 1);
    }

    private static InputException Refused(Action load)
    {
        var task = Task.Run(load);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(HangGuard), "the load did not return: it is waiting on the file");
        var error = Assert.IsType<InputException>(task.Exception?.InnerException);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public void A_world_naming_dev_zero_as_its_source_is_refused_at_the_source_line()
    {
        var (world, line) = WorldWithSource("/dev/zero");

        var error = Refused(() => WorldFile.Load(world));

        // "source: " is 8 characters: the value starts at column 9.
        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal("the source text '/dev/zero' is a character device, not a regular file; name a file on disk", error.Problem);
    }

    [Fact]
    public void A_world_naming_a_FIFO_as_its_source_is_refused_without_waiting()
    {
        var fifo = Path.Combine(_folder.Path, "pipe");
        Fifo.Make(fifo);
        var (world, line) = WorldWithSource(fifo);

        var error = Refused(() => WorldFile.Load(world));

        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal($"the source text '{fifo}' is a FIFO (named pipe), not a regular file; name a file on disk", error.Problem);
    }

    [Fact]
    public void A_source_larger_than_the_limit_is_refused_and_the_limit_said()
    {
        var big = Path.Combine(_folder.Path, "big.txt");
        using (var file = File.Create(big))
            file.SetLength(InputFile.TextLimit + 1); // sparse: takes no disk
        var (world, line) = WorldWithSource(big);

        var error = Refused(() => WorldFile.Load(world));

        // 16 MiB + 1 byte prints as 16 MiB at one decimal; the limit is 16 * 1024 * 1024 bytes = 16 MiB.
        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal($"the source text '{big}' is 16 MiB, larger than 16 MiB, the most Summits reads", error.Problem);
    }

    [Fact]
    public void A_world_whose_source_is_the_world_file_itself_is_refused()
    {
        var (world, line) = WorldWithSource("world.yaml");

        var error = Refused(() => WorldFile.Load(world));

        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal("the source text 'world.yaml' is this world file itself; name the readout its quotes are taken from", error.Problem);
    }

    [Fact]
    public void A_world_whose_source_reaches_itself_through_a_link_is_refused()
    {
        var (world, line) = WorldWithSource("link.txt");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "link.txt"), world);

        var error = Refused(() => WorldFile.Load(world));

        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Contains("is this world file itself", error.Problem);
    }

    [Theory]
    [InlineData("./world.yaml")]
    [InlineData("../{folder}/world.yaml")]
    [InlineData("hard.txt")]
    [InlineData("./sub/../hard.txt")]
    public void A_world_whose_source_is_itself_under_another_name_is_refused_as_itself(string source)
    {
        // Each spelling names the world file: by path (./, ../ back into its own folder) or, for hard.txt, as a hard
        // link, a second name of the same inode whose path shares nothing with the world's. A path comparison missed
        // the hard link, and the world was refused later, by a quote check, for a reason that was not the fault.
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));
        source = source.Replace("{folder}", Path.GetFileName(_folder.Path), StringComparison.Ordinal);
        var (world, line) = WorldWithSource(source);
        HardLink.Make(world, Path.Combine(_folder.Path, "hard.txt"));

        var error = Refused(() => WorldFile.Load(world));

        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal($"the source text '{source}' is this world file itself; name the readout its quotes are taken from", error.Problem);
    }

    [Fact]
    public void A_scenario_whose_world_is_a_hard_link_to_itself_is_refused_as_itself()
    {
        var scenario = Write("scenario.yaml", "scenario: s\nworld: twin.yaml\nsteps:\n  - rounds: 1\n");
        HardLink.Make(scenario, Path.Combine(_folder.Path, "twin.yaml"));

        var error = Refused(() => ScenarioFile.Load(scenario));

        // Line 2 is "world: twin.yaml": the value starts at column 8.
        Assert.Equal(new FilePosition(scenario, 2, 8), error.Position);
        Assert.Equal("the world file 'twin.yaml' is this scenario file itself; name the world file the scenario runs on", error.Problem);
    }

    [Fact]
    public void Two_files_with_the_same_text_are_not_the_same_file()
    {
        // Identity, not content: a copy is another file, which the check must let through.
        var a = Write("a.yaml", "same\n");
        var b = Write("b.yaml", "same\n");
        Assert.False(InputFile.SameFile(a, b));
        Assert.True(InputFile.SameFile(a, Path.Combine(_folder.Path, ".", "a.yaml")));
    }

    [Fact]
    public void A_world_whose_source_is_a_binary_file_is_refused_at_the_source_line()
    {
        // "%PDF-1.7\n" is bytes 1 to 9, "%" byte 10, and 0xE2 at byte 11 opens a UTF-8 sequence that 0xE3 breaks.
        var pdf = Path.Combine(_folder.Path, "readout.pdf");
        File.WriteAllBytes(pdf, [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n"u8]);
        var (world, line) = WorldWithSource("readout.pdf");

        var error = Refused(() => WorldFile.Load(world));

        Assert.Equal(new FilePosition(world, line, 9), error.Position);
        Assert.Equal("the source text 'readout.pdf' is not a text file (it is a PDF: byte 11 starts a sequence that is not UTF-8); give the readout as plain text (for a PDF: pdftotext FILE.pdf FILE.txt; for a Word document: save it as Plain Text, UTF-8)", error.Problem);
    }

    [Fact]
    public void A_scenario_whose_world_is_a_binary_file_is_refused_at_the_world_line()
    {
        // As a world's binary 'source:' is refused at its key, so is a scenario's binary 'world:': line 2 is
        // "world: readout.pdf", its value at column 8. Before, the error stood at the PDF's own 1:1.
        var pdf = Path.Combine(_folder.Path, "readout.pdf");
        File.WriteAllBytes(pdf, [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n"u8]);
        var scenario = Write("scenario.yaml", "scenario: s\nworld: readout.pdf\nsteps:\n  - rounds: 1\n");

        var error = Refused(() => ScenarioFile.Load(scenario));

        Assert.Equal(new FilePosition(scenario, 2, 8), error.Position);
        Assert.Equal("the world file 'readout.pdf' is not a text file (it is a PDF: byte 11 starts a sequence that is not UTF-8); give the world file as UTF-8 text", error.Problem);
    }

    [Fact]
    public void A_readout_in_Windows_1252_is_text_in_another_encoding_at_the_byte_s_line_and_column()
    {
        // "Abe: Japan supports free trade caf" is 34 characters, so Latin-1's é (0xE9, which opens no UTF-8 sequence
        // that the '.' after it can finish) is column 35 of line 1. It is text, not a PDF or a Word file: it is asked for
        // as UTF-8, at the byte's place, with what the byte is in Windows-1252.
        var path = Path.Combine(_folder.Path, "latin1.txt");
        File.WriteAllBytes(path, [.. "Abe: Japan supports free trade caf"u8, 0xE9, .. ".\nTrump: We agree.\n"u8]);

        var error = Refused(() => SourceText.Load(path));

        Assert.Equal(new FilePosition(path, 1, 35), error.Position);
        Assert.Equal($"the source text '{path}' is text in another encoding than UTF-8 (line 1, column 35 is the byte 0xE9, 'é' in Windows-1252); save the source text as UTF-8 text", error.Problem);
    }

    [Fact]
    public void A_bad_byte_deep_in_a_text_is_given_by_line_and_column()
    {
        // Line 1 "Line one." (LF), line 2 "Café ok." (CR LF; its é is two UTF-8 bytes but one column), line 3
        // "Abe: it" then Windows-1252's right single quote 0x92: 7 characters before it, so column 8 of line 3, not
        // byte 31 as a count of bytes would say.
        var path = Path.Combine(_folder.Path, "deep.txt");
        File.WriteAllBytes(path, [.. "Line one.\nCafé ok.\r\nAbe: it"u8, 0x92, .. "s fine.\n"u8]);

        var error = Refused(() => SourceText.Load(path));

        Assert.Equal(new FilePosition(path, 3, 8), error.Position);
        Assert.Equal($"the source text '{path}' is text in another encoding than UTF-8 (line 3, column 8 is the byte 0x92, '’' in Windows-1252); save the source text as UTF-8 text", error.Problem);
    }

    [Fact]
    public void A_NUL_deep_in_a_text_is_given_by_line_and_column()
    {
        // A NUL in no text file: not a text file, at line 2, column 6 ("Abe: " is 5 characters before it).
        var path = Path.Combine(_folder.Path, "nul.txt");
        File.WriteAllBytes(path, [.. "Abe: ok.\nAbe: "u8, 0x00, .. " bad.\n"u8]);

        var error = Refused(() => SourceText.Load(path));

        Assert.Equal(new FilePosition(path, 2, 6), error.Position);
        Assert.Equal($"the source text '{path}' is not a text file (line 2, column 6 is a NUL byte); give the readout as plain text (for a PDF: pdftotext FILE.pdf FILE.txt; for a Word document: save it as Plain Text, UTF-8)", error.Problem);
    }

    [Fact]
    public void A_table_in_Windows_1252_is_asked_for_as_CSV_UTF_8()
    {
        // A scenario line, the header "Actor,Description,Power", then line 3 "Japon,Ca" (8 characters) and 0xE9 at column
        // 9. A table is asked for as a spreadsheet saves one, CSV UTF-8.
        var path = Path.Combine(_folder.Path, "table.csv");
        File.WriteAllBytes(path, [.. "scenario,s\nActor,Description,Power\nJapon,Ca"u8, 0xE9, .. ",1\n"u8]);

        var error = Refused(() => KtabTable.Load(path));

        Assert.Equal(new FilePosition(path, 3, 9), error.Position);
        Assert.Equal($"the table file '{path}' is text in another encoding than UTF-8 (line 3, column 9 is the byte 0xE9, 'é' in Windows-1252); save the table as CSV UTF-8", error.Problem);
    }

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("pipe", "a FIFO (named pipe)")]
    public void A_scenario_naming_a_device_or_FIFO_as_its_world_is_refused_at_the_world_line(string world, string described)
    {
        Fifo.Make(Path.Combine(_folder.Path, "pipe"));
        var scenario = Write("scenario.yaml", $"scenario: s\nworld: {world}\nsteps:\n  - rounds: 1\n");

        var error = Refused(() => ScenarioFile.Load(scenario));

        // Line 2 is "world: ...": the value starts at column 8.
        Assert.Equal(new FilePosition(scenario, 2, 8), error.Position);
        Assert.Equal($"the world file '{world}' is {described}, not a regular file; name a file on disk", error.Problem);
    }

    [Fact]
    public void A_scenario_naming_itself_as_its_world_is_refused()
    {
        var scenario = Write("scenario.yaml", "scenario: s\nworld: scenario.yaml\nsteps:\n  - rounds: 1\n");

        var error = Refused(() => ScenarioFile.Load(scenario));

        Assert.Equal(new FilePosition(scenario, 2, 8), error.Position);
        Assert.Equal("the world file 'scenario.yaml' is this scenario file itself; name the world file the scenario runs on", error.Problem);
    }

    [Fact]
    public void A_world_file_larger_than_the_limit_is_refused_at_its_first_line()
    {
        var big = Path.Combine(_folder.Path, "big.yaml");
        using (var file = File.Create(big))
            file.SetLength(InputFile.YamlLimit + 1);

        var error = Refused(() => WorldFile.Load(big));

        Assert.Equal(new FilePosition(big, 1, 1), error.Position);
        Assert.Equal($"the world file '{big}' is 256 MiB, larger than 256 MiB, the most Summits reads", error.Problem);
    }

    [Fact]
    public void A_source_text_with_old_Mac_line_ends_locates_quotes_on_their_lines()
    {
        // Lines ended by lone CRs: "Second line." is line 2; line 3 is blank, so "Third line." is line 4
        // and opens the second paragraph.
        var source = new SourceText("s.txt", "First line.\rSecond line.\r\rThird line.\r");

        Assert.Equal(new Summits.Model.SourceLocation(2, 1, 1), source.Find("Second line."));
        Assert.Equal(new Summits.Model.SourceLocation(4, 1, 2), source.Find("Third line."));
    }

    // A folder named where a file is expected is said to be one, with the YAML files in it (in ordinal order, the
    // others and the hidden ones left out), not as missing with the files of the folder above it.
    [Fact]
    public void A_folder_named_as_a_scenario_record_exercise_or_answers_file_is_said_to_be_one_with_its_YAML_files()
    {
        var folder = Path.Combine(_folder.Path, "answers");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "b-us.yaml", "a-jp.yml", "notes.txt", ".hidden.yaml" })
            File.WriteAllText(Path.Combine(folder, name), "x: 1\n");
        var exercise = ExerciseFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "exercises", "trade-for-defence.yaml"));
        var listed = $"the YAML files in it: {folder}/a-jp.yml and {folder}/b-us.yaml";

        Assert.Equal($"'{folder}' is a folder, not an answers file; {listed}", Refused(() => ExerciseFile.LoadAnswers(folder, exercise)).Problem);
        Assert.Equal($"'{folder}' is a folder, not an exercise file; {listed}", Refused(() => ExerciseFile.Load(folder)).Problem);
        Assert.Equal($"'{folder}' is a folder, not a scenario file; {listed}", Refused(() => ScenarioFile.Load(folder)).Problem);
        var error = Refused(() => RecordFile.Load(folder + "/"));
        Assert.Equal($"'{folder}/' is a folder, not a record file; {listed}", error.Problem);
        Assert.Equal((folder + "/", 1, 1), (error.Position.File, error.Position.Line, error.Position.Column));

        var empty = Path.Combine(_folder.Path, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal($"'{empty}' is a folder, not a scenario file; it holds no YAML file", Refused(() => ScenarioFile.Load(empty)).Problem);
    }

    [Fact]
    public void A_quote_after_an_emoji_in_a_source_text_is_located_counting_the_emoji_as_one_column()
    {
        // Line 2 is "Abe 😀: we agreed.": "Abe " (4 characters), the emoji (1, though two UTF-16 units) and ": " (2) are
        // 7 characters before "we agreed.", at column 8 (9 in UTF-16 units).
        var source = new SourceText("s.txt", "Title\nAbe 😀: we agreed.\n");

        Assert.Equal(new Summits.Model.SourceLocation(2, 8, 1), source.Find("we agreed."));
    }

    [Fact]
    public void A_file_that_states_no_size_is_read_to_its_end()
    {
        // Files of /proc state a size of 0 and hold more: /proc/self/status holds a "Name:<tab>…" line, then a
        // "Pid:<tab>…" line among dozens more (proc(5)). Read as far as the size it states, it was its first byte, "N".
        const string status = "/proc/self/status";
        var text = InputFile.ReadText(status, status, "world file", InputFile.YamlLimit, problem => new InputException(new FilePosition(status, 1, 1), problem));

        Assert.StartsWith("Name:\t", text, StringComparison.Ordinal);
        Assert.Contains("\nPid:\t", text, StringComparison.Ordinal);
    }
}
