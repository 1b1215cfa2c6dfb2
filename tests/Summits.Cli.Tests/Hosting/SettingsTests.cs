using System.Collections;
using System.Collections.Concurrent;
using Orleans.Storage;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests.Hosting;

/// <summary>
/// The embedded silo's settings come from standard .NET configuration (the working folder's appsettings.json, then
/// environment variables), a command-line option wins over them, and a bad value is refused in one line naming it.
/// </summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summits-cli-tests", Guid.NewGuid().ToString("N"));

    public SettingsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Summits__CheckpointEvery_3_in_the_environment_writes_a_six_advance_run_as_a_checkpoint_every_3_advances_does()
    {
        // The counts of CheckpointIntervalTests at N = 3: checkpoints after advances 3 and 6 (of 6), so Japan, changed by
        // every advance, is written twice, each time once (its checkpoint, holding its state; its state on its own is
        // written by seeding alone); the world 2 + 2 = 4 times (seeding, start, two checkpoints); 2 timeline pages, each
        // holding one checkpoint's three advances, one write each.
        var writes = await WritesOfSixShocksAsync(new Hashtable { ["Summits__CheckpointEvery"] = "3" }, checkpointEvery: null);

        Assert.Equal((0, 2, 4, 2), writes);
    }

    [Fact]
    public async Task An_explicit_checkpoint_every_1_wins_over_a_configured_3()
    {
        // The counts of CheckpointEveryAdvanceTests at N = 1: Japan written once at each of the 6 advances (6 checkpoints,
        // each holding its state, and its state on its own never after seeding), the world 2 + 6 = 8 times, 6 pages.
        var writes = await WritesOfSixShocksAsync(new Hashtable { ["Summits__CheckpointEvery"] = "3" }, checkpointEvery: 1);

        Assert.Equal((0, 6, 8, 6), writes);
    }

    [Fact]
    public void The_environment_wins_over_appsettings_json_and_Summits__CallTimeout_over_the_older_variable()
    {
        // appsettings.json says 5 advances and 30 s; the environment says 3 advances, and both timeout variables are set:
        // the later source wins each time, so 3 advances and Summits__CallTimeout's 40 s, not SUMMITS_CALL_TIMEOUT's 50 s.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Summits": { "CheckpointEvery": 5, "CallTimeout": 30 } }""");
        var environment = new Hashtable { ["Summits__CheckpointEvery"] = "3", ["Summits__CallTimeout"] = "40", ["SUMMITS_CALL_TIMEOUT"] = "50" };

        Assert.Equal(new SummitsSettings(3, TimeSpan.FromSeconds(40)), SummitsSettings.Read(SummitsSettings.Configuration(_folder, environment)));
        // Without the environment, the file's: 5 advances, 30 s.
        Assert.Equal(new SummitsSettings(5, TimeSpan.FromSeconds(30)), SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));
        // The older variable alone still sets the timeout: 50 s; nothing at all gives the defaults, a checkpoint every 100
        // advances (the default chosen in architecture.md, "Checkpoints") and 120 s.
        Assert.Equal(new SummitsSettings(100, TimeSpan.FromSeconds(50)), SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none", new Hashtable { ["SUMMITS_CALL_TIMEOUT"] = "50" })));
        Assert.Equal(new SummitsSettings(100, TimeSpan.FromSeconds(120)), SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none", new Hashtable())));
    }

    [Fact]
    public void A_value_given_explicitly_takes_the_place_of_its_setting_which_is_then_not_read()
    {
        // Both settings are bad: 'abc' is no number, 0 s is below the least timeout (1).
        var configuration = SummitsSettings.Configuration(_folder + "-none", new Hashtable { ["Summits__CheckpointEvery"] = "abc", ["Summits__CallTimeout"] = "0" });

        // Each given explicitly: nothing is read, so nothing is refused.
        Assert.Equal(new SummitsSettings(3, TimeSpan.FromSeconds(30)), SummitsSettings.Read(configuration, checkpointEvery: 3, callTimeout: TimeSpan.FromSeconds(30)));
        // Only the interval given: the timeout is read, and refused.
        var timeout = Assert.Throws<SettingException>(() => SummitsSettings.Read(configuration, checkpointEvery: 3));
        Assert.StartsWith("Summits:CallTimeout is '0'", timeout.Message);
        // Only the timeout given: the interval is read, and refused.
        var every = Assert.Throws<SettingException>(() => SummitsSettings.Read(configuration, callTimeout: TimeSpan.FromSeconds(30)));
        Assert.StartsWith("Summits:CheckpointEvery is 'abc'", every.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("1001")]
    public async Task A_bad_Summits__CheckpointEvery_in_the_environment_is_refused_in_one_line_before_anything_runs(string value)
    {
        // 1 to 1000 (CheckpointOptions.Most) are the choices: 0 and 1001 are just outside, abc no number.
        var (run, output) = await RunAsync(new Dictionary<string, string> { ["Summits__CheckpointEvery"] = value });

        AssertRefusedBeforeAnythingRuns(run, output, $"summits run: error: Summits:CheckpointEvery is '{value}' (from environment variable Summits__CheckpointEvery); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000\n");
    }

    [Fact]
    public async Task An_empty_Summits__CheckpointEvery_in_the_environment_is_refused_as_a_bad_value_is()
    {
        // An empty variable reaches configuration as the empty string, which is no whole number from 1 to 1000.
        var (run, output) = await RunAsync(new Dictionary<string, string> { ["Summits__CheckpointEvery"] = "" });

        AssertRefusedBeforeAnythingRuns(run, output, "summits run: error: Summits:CheckpointEvery is empty (from environment variable Summits__CheckpointEvery); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000\n");
    }

    [Fact]
    public async Task A_null_CheckpointEvery_in_appsettings_json_is_refused_as_an_empty_variable_is()
    {
        // A JSON null reaches configuration as a key that is there with a null value, which an indexer alone reads as
        // no key at all: it is refused in the same words as an empty variable, naming the file.
        var file = Path.Combine(_folder, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "CheckpointEvery": null } }""");

        var (run, output) = await RunAsync(new Dictionary<string, string>());

        // The null stands at line 1, column 35: after `{ "Summits": { ` (15 characters) and `"CheckpointEvery": ` (19).
        AssertRefusedBeforeAnythingRuns(run, output, $"summits run: error: Summits:CheckpointEvery is empty (from {file}:1:35); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000\n");
    }

    [Fact]
    public void A_null_or_empty_setting_is_refused_by_Read_whichever_source_gives_it()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Summits": { "CallTimeout": null } }""");

        // The file's null timeout and the environment's empty interval, each read and refused; a key no source sets
        // is still the default (the interval from a folder with no file and no variable: 100).
        var timeout = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));
        Assert.StartsWith("Summits:CallTimeout is empty (from ", timeout.Message);
        var every = Assert.Throws<SettingException>(() =>
            SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none", new Hashtable { ["Summits__CheckpointEvery"] = "" })));
        Assert.StartsWith("Summits:CheckpointEvery is empty (from environment variable Summits__CheckpointEvery)", every.Message);
        Assert.Equal(100, SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none", new Hashtable())).CheckpointEvery);
    }

    [Fact]
    public async Task A_bad_value_in_appsettings_json_is_refused_naming_the_file()
    {
        var file = Path.Combine(_folder, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "CallTimeout": 0 } }""");

        var (run, output) = await RunAsync(new Dictionary<string, string>());

        // A call timeout is 1 to 86400 s (a day): 0 is just below. It stands at line 1, column 31: after
        // `{ "Summits": { ` (15 characters) and `"CallTimeout": ` (15).
        AssertRefusedBeforeAnythingRuns(run, output, $"summits run: error: Summits:CallTimeout is '0' (from {file}:1:31); expected how many seconds a grain call may take before it is asked again: a whole number from 1 to 86400\n");
    }

    [Fact]
    public async Task A_list_for_a_setting_in_appsettings_json_is_refused_as_a_list_naming_the_file_line_and_column()
    {
        // .NET's JSON source makes [3] a key Summits:CheckpointEvery:0 holding 3, and leaves Summits:CheckpointEvery
        // itself without a value: it is no number, and not empty either. The list stands at line 1, column 35: after
        // `{ "Summits": { ` (15 characters) and `"CheckpointEvery": ` (19).
        var file = Path.Combine(_folder, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Summits": { "CheckpointEvery": [3] } }""");

        var (run, output) = await RunAsync(new Dictionary<string, string>());

        AssertRefusedBeforeAnythingRuns(run, output, $"summits run: error: Summits:CheckpointEvery is a list, [3] (from {file}:1:35); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000\n");
    }

    [Theory]
    // An object, at column 35 as the list above.
    [InlineData("""{ "Summits": { "CheckpointEvery": {"a":1} } }""", """an object, {"a":1} (from FILE:1:35)""")]
    // Empty ones: .NET's JSON source gives the key no value, as it does a null.
    [InlineData("""{ "Summits": { "CheckpointEvery": [] } }""", "an empty list, [] (from FILE:1:35)")]
    [InlineData("""{ "Summits": { "CheckpointEvery": {} } }""", "an empty object, {} (from FILE:1:35)")]
    // Keys in other cases name the same setting: `{"summits":{"checkpointevery":` is 30 characters.
    [InlineData("""{"summits":{"checkpointevery":[3,4]}}""", "a list, [3,4] (from FILE:1:31)")]
    // A list over several lines is shown on one, each run of white space one space. Line 3 is
    // `    "CheckpointEvery": [`: 4 spaces and `"CheckpointEvery": ` (19 characters) before the '['.
    [InlineData("{\n  \"Summits\": {\n    \"CheckpointEvery\": [\n      3,\n      4\n    ]\n  }\n}\n", "a list, [ 3, 4 ] (from FILE:3:24)")]
    // A byte order mark and a comment, as .NET's JSON source reads them: the mark is no character of line 1, the
    // comment is line 1, and 0 stands on line 2 at column 35.
    [InlineData("\uFEFF// settings\n{ \"Summits\": { \"CheckpointEvery\": 0 } }", "'0' (from FILE:2:35)")]
    // A character outside ASCII before the value counts as one character, though UTF-8 writes 'ü' in two bytes:
    // `{ "Über": 1, "Summits": { ` is 26 characters and `"CheckpointEvery": ` 19, so the list is at column 46.
    [InlineData("""{ "Über": 1, "Summits": { "CheckpointEvery": [3] } }""", "a list, [3] (from FILE:1:46)")]
    // So does an emoji, though UTF-16 writes it in two units: `{ "😀": 1, "Summits": { ` is 23 characters and
    // `"CheckpointEvery": ` 19, so the list is at column 43 (44 in UTF-16 units).
    [InlineData("""{ "😀": 1, "Summits": { "CheckpointEvery": [3] } }""", "a list, [3] (from FILE:1:43)")]
    // A long list (45 characters: '[', 22 ones, 21 commas, ']') is cut to 40, the 40th an ellipsis: '[' and 19 "1,", then '…'.
    [InlineData("""{ "Summits": { "CheckpointEvery": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1] } }""", "a list, [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,… (from FILE:1:35)")]
    public void A_list_or_an_object_for_a_setting_in_appsettings_json_is_refused_as_what_it_is(string json, string refused)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));

        Assert.Equal($"Summits:CheckpointEvery is {refused.Replace("FILE", file, StringComparison.Ordinal)}; expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000",
            error.Message);
    }

    [Fact]
    public void A_list_or_an_object_for_a_setting_in_the_environment_is_refused_naming_the_variable_that_made_it()
    {
        // Summits__CheckpointEvery__0 is the first element of a list Summits:CheckpointEvery, Summits__CallTimeout__seconds
        // a key of an object Summits:CallTimeout: neither setting has a value of its own.
        var every = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none",
            new Hashtable { ["Summits__CheckpointEvery__1"] = "4", ["Summits__CheckpointEvery__0"] = "3" })));
        Assert.StartsWith("Summits:CheckpointEvery is a list (from environment variable Summits__CheckpointEvery__0); expected ", every.Message);

        var timeout = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none",
            new Hashtable { ["Summits__CallTimeout__seconds"] = "30" })));
        Assert.StartsWith("Summits:CallTimeout is an object (from environment variable Summits__CallTimeout__seconds); expected ", timeout.Message);
    }

    [Fact]
    public async Task An_appsettings_json_that_is_not_json_is_refused_at_its_line_and_column()
    {
        var file = Path.Combine(_folder, "appsettings.json");
        // Line 2 is `  "Summits": ,`: the value expected after the colon is missing; ',' is its 14th character.
        await File.WriteAllTextAsync(file, "{\n  \"Summits\": ,\n}\n");

        var (run, output) = await RunAsync(new Dictionary<string, string>());

        Assert.Equal(2, run.ExitCode);
        // The place is said once, 1-based, before the words: line 2, column 14 (.NET's own "LineNumber: 1 |
        // BytePositionInLine: 13", 0-based, is the same place and is not repeated after .NET's words).
        Assert.Equal($"summits run: error: {file}:2:14: appsettings.json is not valid JSON: ',' is an invalid start of a value.\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    // Line 2 is `  "Größe": "ÄÖÜäöü", "Summits": ,`: 2 spaces, `"Größe"` (7 characters), `: ` (2), `"ÄÖÜäöü"` (8), `, ` (2),
    // `"Summits"` (9) and `: ` (2) are 32 characters before the ',' at column 33; in UTF-8 'ö', 'ß' and the six
    // umlauts take two bytes each, so .NET's byte position, 0-based, is 32 + 8 = 40, which read as a column is 41.
    [InlineData("{\n  \"Größe\": \"ÄÖÜäöü\", \"Summits\": ,\n}\n", "2:33")]
    // An emoji is one character, though UTF-8 writes it in four bytes and UTF-16 in two units: `{ "😀": ` is 7
    // characters, so the ',' is at column 8 (9 in UTF-16 units, 11 in bytes).
    [InlineData("{ \"😀\": , }", "1:8")]
    public void A_json_error_is_placed_at_its_column_in_characters_not_bytes(string json, string place)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Configuration(_folder, new Hashtable()));

        Assert.Equal($"{file}:{place}: appsettings.json is not valid JSON: ',' is an invalid start of a value.", error.Message);
    }

    [Theory]
    // The second CheckpointEvery, spelled in lower case, is the same key to .NET's JSON source: `{ "Summits": { ` (15
    // characters), `"CheckpointEvery": 3, ` (22) and `"checkpointevery": ` (19) put its 4 at column 57; the first
    // value, 3, is at column 35 (15 + 19 + 1).
    [InlineData("""{ "Summits": { "CheckpointEvery": 3, "checkpointevery": 4 } }""",
        "1:57: appsettings.json sets Summits:checkpointevery a second time (first at line 1, column 35; keys are the same whatever their case); expected each setting once: keep one of the two")]
    // Two Summits objects that each set CallTimeout: the same key twice, though in two objects. Line 3 is
    // `"Summits": { "CallTimeout": 40 }`: `"Summits": { ` (13 characters) and `"CallTimeout": ` (15) put 40 at column 29.
    [InlineData("{\n\"Summits\": { \"CallTimeout\": 30 },\n\"Summits\": { \"CallTimeout\": 40 }\n}",
        "3:29: appsettings.json sets Summits:CallTimeout a second time (first at line 2, column 29; keys are the same whatever their case); expected each setting once: keep one of the two")]
    // A list where the object of settings belongs: the '[' is the first character.
    [InlineData("""[ { "Summits": { "CheckpointEvery": 3 } } ]""",
        """1:1: appsettings.json holds a list at its top level; expected an object of settings, such as { "Summits": { "CheckpointEvery": 3 } }""")]
    // A number after a comment line: line 2, column 1.
    [InlineData("// settings\n3", """2:1: appsettings.json holds a number at its top level; expected an object of settings, such as { "Summits": { "CheckpointEvery": 3 } }""")]
    // A key with a NUL in it names no setting, and would be passed over: it is refused where its name starts, after
    // `{ "Summits": { ` (15 characters), at column 16, the NUL shown as its escape.
    [InlineData("""{ "Summits": { "CheckpointEvery\u0000": 3 } }""",
        "1:16: appsettings.json has a key with a control character, \"CheckpointEvery\\u0000\"; expected a key of printable characters, such as \"Summits\"")]
    public void An_appsettings_json_that_sets_a_key_twice_is_no_object_or_has_an_unprintable_key_is_refused_at_its_place(string json, string refused)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Configuration(_folder, new Hashtable()));

        Assert.Equal($"{file}:{refused}", error.Message);
    }

    [Fact]
    public void A_setting_that_is_a_number_in_the_file_and_a_list_in_the_environment_is_refused_naming_both()
    {
        // The file's 5 is the key Summits:CheckpointEvery, the variable's 3 the key Summits:CheckpointEvery:0: .NET keeps
        // both, and neither hides the other. 5 stands at column 35, as in the file tests above.
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, """{ "Summits": { "CheckpointEvery": 5 } }""");

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder,
            new Hashtable { ["Summits__CheckpointEvery__0"] = "3" })));

        Assert.Equal($"Summits:CheckpointEvery is both '5' (from {file}:1:35) and a list (from environment variable Summits__CheckpointEvery__0); expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000, set once",
            error.Message);
    }

    [Theory]
    // A NUL after a 3: .NET's number parsing passes over trailing NULs and would read 3; a NUL alone. Both are refused,
    // the NUL shown as the six characters \u0000 (the value is at column 35, as above).
    [InlineData("""{ "Summits": { "CheckpointEvery": "3\u0000" } }""", """'3\u0000' (from FILE:1:35)""")]
    [InlineData("""{ "Summits": { "CheckpointEvery": "\u0000" } }""", """'\u0000' (from FILE:1:35)""")]
    // An escape code (ESC, U+001B) and a line break are shown escaped too, so the error stays one plain line.
    [InlineData("""{ "Summits": { "CheckpointEvery": "\u001b[31m3\n" } }""", """'\u001b[31m3\u000a' (from FILE:1:35)""")]
    // 100.5 is a JSON number, but not a whole one.
    [InlineData("""{ "Summits": { "CheckpointEvery": 100.5 } }""", "'100.5' (from FILE:1:35)")]
    public void A_value_with_a_control_character_or_a_fraction_is_refused_and_shown_escaped(string json, string refused)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));

        Assert.Equal($"Summits:CheckpointEvery is {refused.Replace("FILE", file, StringComparison.Ordinal)}; expected how often a world's run is written to storage, every N-th advance: a whole number from 1 to 1000",
            error.Message);
    }

    [Fact]
    public void A_long_value_is_shown_cut_to_40_characters()
    {
        // 50 characters, "0123456789" five times: shown as its first 39 and an ellipsis, 40 in all.
        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder + "-none",
            new Hashtable { ["Summits__CallTimeout"] = string.Concat(Enumerable.Repeat("0123456789", 5)) })));

        Assert.StartsWith("Summits:CallTimeout is '012345678901234567890123456789012345678…' (from environment variable Summits__CallTimeout); ", error.Message);
    }

    [Fact]
    public void A_whole_number_written_with_an_exponent_or_a_decimal_point_is_taken()
    {
        // 1e2 = 1 × 10² = 100 seconds; 3.0 = 3 advances; 2.5e1 = 25, from the environment.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Summits": { "CallTimeout": 1e2, "CheckpointEvery": 3.0 } }""");

        Assert.Equal(new SummitsSettings(3, TimeSpan.FromSeconds(100)), SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));
        Assert.Equal(25, SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable { ["Summits__CheckpointEvery"] = "2.5e1" })).CheckpointEvery);
    }

    [Fact]
    public async Task A_misspelt_setting_in_the_environment_is_refused_naming_the_variable_before_anything_runs()
    {
        // 'Enigne' is no setting, and is near neither: 6 letters, at least 9 edits from CallTimeout (11 letters) and more
        // from CheckpointEvery (15), beyond the 3 a 6-letter name may be off by; so no suggestion, the two settings as
        // the environment spells them.
        var (run, output) = await RunAsync(new Dictionary<string, string> { ["Summits__Enigne"] = "local" });

        AssertRefusedBeforeAnythingRuns(run, output,
            "summits run: error: environment variable Summits__Enigne sets Summits:Enigne, which is no setting; expected Summits__CheckpointEvery, Summits__CallTimeout, Summits__Cluster, Summits__ClusterId, Summits__TimelinePage, Summits__ProbeTimeout, Summits__MissedProbes, Summits__DeathVotes, Summits__MembershipRefresh, Summits__DrivePeriod or Summits__DrivePause\n");
    }

    [Theory]
    // One letter left out: 'CheckpointEvry' is one edit from CheckpointEvery, suggested in the variable's spelling.
    [InlineData("Summits__CheckpointEvry", "Summits:CheckpointEvry", " (did you mean 'Summits__CheckpointEvery'?)")]
    // The section's key compared without regard to case, as .NET's configuration compares keys: 'callTimeOut' is the
    // setting CallTimeout, taken; 'calltimeouts' is one edit (the 's') from it. The key is named under the section as
    // Summits spells it, the rest as the variable does.
    [InlineData("summits__calltimeouts", "Summits:calltimeouts", " (did you mean 'Summits__CallTimeout'?)")]
    public void A_misspelt_setting_in_the_environment_is_refused_with_the_nearest_setting(string variable, string key, string suggestion)
    {
        var configuration = SummitsSettings.Configuration(_folder + "-none", new Hashtable { [variable] = "3", ["summits__callTimeOut"] = "30" });

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(configuration));

        Assert.Equal($"environment variable {variable} sets {key}, which is no setting{suggestion}; expected Summits__CheckpointEvery, Summits__CallTimeout, Summits__Cluster, Summits__ClusterId, Summits__TimelinePage, Summits__ProbeTimeout, Summits__MissedProbes, Summits__DeathVotes, Summits__MembershipRefresh, Summits__DrivePeriod or Summits__DrivePause",
            error.Message);
    }

    [Fact]
    public void A_misspelt_setting_in_appsettings_json_is_refused_at_its_key_whatever_is_given_explicitly()
    {
        // `{ "Summits": { ` is 15 characters, so the key "CheckpointEvry" starts at column 16; it is one edit from
        // CheckpointEvery. Both settings given explicitly: no setting is read, but a key that is none is still refused.
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, """{ "Summits": { "CheckpointEvry": 3 } }""");

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable()), 3, TimeSpan.FromSeconds(30)));

        Assert.Equal($"{file}:1:16: appsettings.json sets Summits:CheckpointEvry, which is no setting (did you mean 'Summits:CheckpointEvery'?); expected Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause",
            error.Message);
    }

    [Fact]
    public void A_key_under_a_setting_that_is_none_is_refused_at_the_key_that_names_no_setting()
    {
        // Line 2 is `  "Summits": { "😀": { "a": 1 } }`: 2 spaces, `"Summits": { ` (13 characters) put the key "😀" at
        // column 16, counted in characters (the emoji is one, though UTF-16 takes two units and UTF-8 four bytes).
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, "{\n  \"Summits\": { \"😀\": { \"a\": 1 } }\n}\n");

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));

        Assert.Equal($"{file}:2:16: appsettings.json sets Summits:😀, which is no setting; expected Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause", error.Message);
    }

    [Theory]
    // `{ ` is 2 characters: the key "Summits" starts at column 3.
    [InlineData("""{ "Summits": 3 }""", "FILE:1:3: appsettings.json sets Summits to '3'")]
    [InlineData("""{ "Summits": "on" }""", "FILE:1:3: appsettings.json sets Summits to 'on'")]
    public void A_value_for_the_section_itself_is_refused(string json, string refused)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<SettingException>(() => SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable())));

        Assert.Equal($"{refused.Replace("FILE", file, StringComparison.Ordinal)}, a value where the section of settings belongs; expected settings under it: Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause",
            error.Message);
    }

    [Fact]
    public void Settings_spelled_in_any_case_and_keys_outside_the_section_are_taken()
    {
        // Keys are compared without regard to case; a key outside 'Summits' (another library's) is none of Summits' business.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "summits": { "checkpointevery": 4 }, "Logging": { "LogLevel": { "Default": "Warning" } } }""");

        Assert.Equal(new SummitsSettings(4, TimeSpan.FromSeconds(7)),
            SummitsSettings.Read(SummitsSettings.Configuration(_folder, new Hashtable { ["SUMMITS__CALLTIMEOUT"] = "7", ["Other__Enigne"] = "local" })));
    }

    /// <summary>Asserts that the run was refused as bad input (exit 2) with <paramref name="error"/> as its one line, printing and writing nothing.</summary>
    private static void AssertRefusedBeforeAnythingRuns(SummitsRun run, string output, string error)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error, run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_command_that_joins_no_cluster_says_it_runs_on_its_own_silo_when_a_cluster_is_configured()
    {
        // Only run, whatif and silo join the cluster Summits:Cluster names; seed starts its own embedded silo. No Redis
        // server need answer at 127.0.0.1:6390, since nothing connects to it: the seeding runs (exit 0) and standard
        // error carries one line saying the configured cluster was not used.
        var world = Path.Combine(SeedFiles.Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml");
        var run = await SummitsProcess.RunInAsync(_folder, ["seed", "--world", world, "-q"],
            new Dictionary<string, string> { ["Summits__Cluster"] = "redis://127.0.0.1:6390" });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("summits seed: note: Summits:Cluster names the cluster at redis://127.0.0.1:6390, which only summits run, summits whatif and summits silo join; this command runs on a silo of its own\n",
            run.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs the baseline what-if scenario in grains from <see cref="_folder"/> with <paramref name="environment"/> added.</summary>
    private async Task<(SummitsRun Run, string Output)> RunAsync(Dictionary<string, string> environment)
    {
        var scenario = Path.Combine(SeedFiles.Root, "scenarios", "what-if", "baseline.yaml");
        var output = Path.Combine(_folder, "out");
        return (await SummitsProcess.RunInAsync(_folder, ["run", scenario, "--out", output], environment), output);
    }

    /// <summary>
    /// Runs <see cref="CheckpointScenarios.SixShocks"/> on an embedded silo whose settings come from
    /// <paramref name="environment"/> alone (and <paramref name="checkpointEvery"/> as the command line's), and counts
    /// the writes after the start: Japan's state on its own and its checkpoint, the world's (its seeding and start included), the
    /// timeline pages'.
    /// </summary>
    private async Task<(int Japan, int JapanCheckpoint, int World, int Pages)> WritesOfSixShocksAsync(Hashtable environment, int? checkpointEvery)
    {
        var writes = new ConcurrentQueue<(string State, GrainId Grain)>();
        var settings = new EmbeddedSilo.SiloSettings(checkpointEvery, SummitsSettings.Configuration(_folder, environment),
            (_, storage) => new CountedStorage(storage, writes));
        await using var silo = await EmbeddedSilo.StartAsync(TelemetrySettings.None, LoopbackPort.Free, siloSettings: settings);
        var loaded = ScenarioFile.Parse(CheckpointScenarios.Path, CheckpointScenarios.SixShocks);
        const string key = "settings";

        var run = await ScenarioRun.InGrainsAsync(silo.Grains, loaded, WorldKey.Of(key), asking: silo.Asking);

        // The run is the pure model's, whatever the interval: Japan 20 → 26.
        Assert.Equal(RunFiles.Timeline(await ScenarioRun.LocallyAsync(loaded)), RunFiles.Timeline(run));
        var japan = GrainId.Create("country", WorldKey.Of(key).Country("JP"));
        // Japan's seeding wrote its state once, before any advance.
        return (writes.Count(w => w.Grain == japan && w.State == "country") - 1,
            writes.Count(w => w.Grain == japan && w.State == "country-checkpoint"),
            writes.Count(w => w.State == "world"),
            writes.Count(w => w.State == "timeline"));
    }

    /// <summary>The silo's storage, noting each write's state name and grain.</summary>
    private sealed class CountedStorage(IGrainStorage inner, ConcurrentQueue<(string, GrainId)> writes) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            writes.Enqueue((stateName, grainId));
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
