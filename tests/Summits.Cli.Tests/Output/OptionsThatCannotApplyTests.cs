using System.CommandLine;
using Summits.Cli.Hosting;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// An option that cannot apply without another (or without the arguments it works on) is refused in one line, exit 2,
/// as <c>run SCENARIO --rounds N</c> is, rather than ignored in silence; where it applies it is still taken.
/// </summary>
public sealed class OptionsThatCannotApplyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-cannot-apply-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    /// <summary>No OTLP variable reaches the program, whatever the environment the tests run in: an empty one is unset.</summary>
    private static readonly Dictionary<string, string> NoOtlpVariables = new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "",
        ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = "",
        ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = "",
    };

    private Task<SummitsRun> Run(params string[] arguments) => SummitsProcess.RunInAsync(_folder, arguments, NoOtlpVariables);

    private const string ProtocolRefusal =
        "--otlp-protocol applies only with an OTLP receiver to send to: give --otlp URL, or set OTEL_EXPORTER_OTLP_ENDPOINT (or a signal's own, such as OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)";

    private const string OrleansRefusal =
        "--telemetry-orleans applies only with telemetry to add Orleans' traces to: --otlp URL, --telemetry FILE.jsonl, --console-telemetry or OTEL_EXPORTER_OTLP_ENDPOINT";

    public static TheoryData<string[], string> Refusals() => new()
    {
        // The examples: no --otlp, --telemetry or --console-telemetry and no OTLP variable, so there is no export for
        // the protocol to choose the transport of, and none for Orleans' traces to go into.
        { ["run", "BASELINE", "--otlp-protocol", "grpc"], $"summits run: error: {ProtocolRefusal} (see 'summits run --help')" },
        { ["run", "BASELINE", "--telemetry-orleans"], $"summits run: error: {OrleansRefusal} (see 'summits run --help')" },
        // A --telemetry file is an export, but not over OTLP: there is still no transport to choose.
        { ["run", "BASELINE", "--telemetry", "run.jsonl", "--otlp-protocol", "http/protobuf"], $"summits run: error: {ProtocolRefusal} (see 'summits run --help')" },
        // seed takes the same telemetry options, refused by the same rule.
        { ["seed", "--telemetry-orleans"], $"summits seed: error: {OrleansRefusal} (see 'summits seed --help')" },
        { ["seed", "--otlp-protocol", "grpc"], $"summits seed: error: {ProtocolRefusal} (see 'summits seed --help')" },
        // The local engine runs no Orleans, so there are no traces of Orleans' own to add, exporter or not.
        { ["run", "BASELINE", "--engine", "local", "--telemetry", "run.jsonl", "--telemetry-orleans"],
            "summits run: error: --telemetry-orleans applies only to a run in grains (--engine grains): the local engine runs no Orleans to trace (see 'summits run --help')" },
        // Two state.json files are compared as written: nothing runs, so there is no engine to choose.
        { ["compare", "a.json", "b.json", "--engine", "local"],
            "summits compare: error: --engine applies only when A or B is a scenario file, which is run; two state.json files are compared as they were written (see 'summits compare --help')" },
        // --format csv prints only the grading lines, which hold no facilitator's note.
        { ["exercise", "EXERCISE", "--answers", "ANSWERS", "--format", "csv", "--teacher"],
            "summits exercise: error: --teacher prints the facilitator's note with the debrief, and --format csv prints the grading lines alone; use --format table or json (see 'summits exercise --help')" },
        // With an answers file, -q prints the one-line total and no debrief, so no note after it.
        { ["exercise", "EXERCISE", "--answers", "ANSWERS", "-q", "--teacher"],
            "summits exercise: error: --teacher prints the facilitator's note after the debrief, which -q (-v minimal) and -v quiet leave out; leave those out, or use --format json (see 'summits exercise --help')" },
        // One table names only its own actors: there is no set of shared ones to keep.
        { ["import", "ktab", "KTAB", "--shared-actors"],
            "summits import ktab: error: --shared-actors applies only to two or more tables: it keeps the actors every table names, and one table names only its own (see 'summits import ktab --help')" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task An_option_that_cannot_apply_is_refused_in_one_line(string[] arguments, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "b.json"), "{}");
        var run = await Run([.. arguments.Select(a => a switch
        {
            "BASELINE" => Baseline,
            "EXERCISE" => SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"),
            "ANSWERS" => SeedFiles.File("scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"),
            "KTAB" => SeedFiles.File("scenarios", "worlds", "ktab", "SOE-Policy.csv"),
            _ => a,
        })]);

        Assert.Equal((2, "", expected + "\n"), (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
        // Refused before anything ran: no telemetry file was made.
        Assert.False(File.Exists(Path.Combine(_folder, "run.jsonl")));
    }

    /// <summary>The parse of the telemetry options alone, with the variables <paramref name="environment"/> names.</summary>
    private static IReadOnlyList<string> Errors(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var command = new RootCommand();
        TelemetryOptions.AddTo(command, name => (environment ?? []).GetValueOrDefault(name));
        return [.. command.Parse(arguments).Errors.Select(e => e.Message)];
    }

    [Theory]
    // --otlp-protocol chooses the transport of an OTLP export, from --otlp or from any of the endpoint variables.
    [InlineData(new[] { "--otlp", "http://127.0.0.1:4318", "--otlp-protocol", "http/protobuf" }, null)]
    [InlineData(new[] { "--otlp-protocol", "grpc" }, "OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData(new[] { "--otlp-protocol", "http/protobuf" }, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")]
    // --telemetry-orleans adds Orleans' traces to any export: OTLP, the file or the terminal.
    [InlineData(new[] { "--telemetry", "run.jsonl", "--telemetry-orleans" }, null)]
    [InlineData(new[] { "--console-telemetry", "--telemetry-orleans" }, null)]
    [InlineData(new[] { "--otlp", "http://127.0.0.1:4317", "--telemetry-orleans" }, null)]
    [InlineData(new[] { "--telemetry-orleans" }, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")]
    public void Where_an_export_is_asked_for_the_options_that_tune_it_are_taken(string[] arguments, string? variable)
    {
        var environment = variable is null ? null : new Dictionary<string, string> { [variable] = "http://127.0.0.1:4318" };

        Assert.Empty(Errors(arguments, environment));
    }

    [Theory]
    // 99999, 65536 and the twelve-digit one are past 65535, the largest TCP port, which is what makes these no URL.
    [InlineData("http://127.0.0.1:99999", "--otlp 'http://127.0.0.1:99999' has the port 99999, out of the range 1 to 65535; expected for example http://localhost:4317")]
    [InlineData("http://[::1]:65536/v1/traces", "--otlp 'http://[::1]:65536/v1/traces' has the port 65536, out of the range 1 to 65535; expected for example http://localhost:4317")]
    [InlineData("http://collector:123456789012", "--otlp 'http://collector:123456789012' has the port 123456789012, out of the range 1 to 65535; expected for example http://localhost:4317")]
    // No scheme, or a port that is not a number: not an absolute URL, as before.
    [InlineData("collector:4317", "--otlp 'collector:4317' is not an absolute http or https URL; expected for example http://localhost:4317")]
    [InlineData("http://collector:43x7", "--otlp 'http://collector:43x7' is not an absolute http or https URL; expected for example http://localhost:4317")]
    public void A_port_out_of_range_is_said_as_that(string url, string expected)
    {
        Assert.Equal([expected], Errors(["--otlp", url]));
    }

    [Fact]
    public void A_variables_port_out_of_range_is_said_with_the_variable()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:70000" };

        Assert.Equal(["OTEL_EXPORTER_OTLP_ENDPOINT='http://collector:70000' has the port 70000, out of the range 1 to 65535; expected for example http://localhost:4317"],
            Errors([], environment));
    }

    [Fact]
    public async Task The_example_port_is_refused_on_the_command_line()
    {
        var run = await Run("run", Baseline, "--otlp", "http://h:99999");

        Assert.Equal((2, "", "summits run: error: --otlp 'http://h:99999' has the port 99999, out of the range 1 to 65535; expected for example http://localhost:4317 (see 'summits run --help')\n"),
            (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    // Neither a scenario nor --world: what to name, in each of its two forms.
    [InlineData(new[] { "run" }, ShippedFileLists.RunWithoutAFile)]
    // Neither, with an option that applies only to one of them: what is missing is said first, not that --rounds
    // (--world only) or --branch (a scenario only) cannot apply, which cannot be judged without it.
    [InlineData(new[] { "run", "--rounds", "3" }, ShippedFileLists.RunWithoutAFile)]
    [InlineData(new[] { "run", "--branch", "a", "--model", "smp" }, ShippedFileLists.RunWithoutAFile)]
    // So is it before a value out of its range (--rounds takes 1 to 100000): the user who forgot what to run hears of
    // that first. With a scenario given, the value is said before --rounds cannot apply to it (OptionNumbersTests).
    [InlineData(new[] { "run", "--rounds", "0" }, ShippedFileLists.RunWithoutAFile)]
    // Both: one of them is too many, each said as given.
    [InlineData(new[] { "run", "BASELINE", "--world", "WORLD" }, "summits run: error: name a scenario file ('BASELINE') or a world file with --world ('WORLD'), not both: a scenario names its own world (see 'summits run --help')")]
    public async Task Run_says_which_of_scenario_and_world_is_wrong(string[] arguments, string expected)
    {
        var run = await Run([.. arguments.Select(a => a switch { "BASELINE" => Baseline, "WORLD" => SeedFiles.World, _ => a })]);

        Assert.Equal((2, "", expected.Replace("BASELINE", Baseline, StringComparison.Ordinal).Replace("WORLD", SeedFiles.World, StringComparison.Ordinal) + "\n"),
            (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }
}
