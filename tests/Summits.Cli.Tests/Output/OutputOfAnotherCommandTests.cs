using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// A command never writes its set over another command's in one folder: a write that would replace or remove a file
/// of another command's set is refused before anything runs, in one line naming the folder, the command whose output
/// it holds and what to do, exit 2, nothing changed. Two sets with no name in common share a folder and both are kept
/// whole, and a command run again into its own folder replaces its own set, as it always did.
/// </summary>
public sealed class OutputOfAnotherCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-another-command-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string Baseline = SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    /// <summary>Every file under the folder with its bytes, by path relative to it.</summary>
    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_folder, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);

    /// <summary>
    /// The modification time, in ticks, of the folder and of every folder under it: a file or folder made and removed
    /// in a folder changes it (ext4 and tmpfs keep it to the nanosecond), even when nothing is left behind.
    /// </summary>
    private SortedDictionary<string, long> Times() =>
        new(Directory.GetDirectories(_folder, "*", SearchOption.AllDirectories).Append(_folder)
            .ToDictionary(d => Path.GetRelativePath(_folder, d), d => Directory.GetLastWriteTimeUtc(d).Ticks), StringComparer.Ordinal);

    private async Task Ok(params string[] arguments)
    {
        var run = await SummitsProcess.RunInAsync(_folder, arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private async Task Refused(string expected, params string[] arguments)
    {
        var (before, times) = (Snapshot(), Times());
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(expected + "\n", run.Error);
        Assert.Equal("", run.Output);
        Assert.Equal(before, Snapshot());
        // A refusal changes nothing, not even a folder's modification time: no probe was made in it and removed.
        Assert.Equal(times, Times());
    }

    private string[] Lines(string path) => File.ReadAllLines(Path.Combine(_folder, path));

    [Fact]
    public async Task A_study_into_a_runs_folder_is_refused_and_the_run_is_kept_whole()
    {
        // The fault as found: the study replaced the run's agreements.csv with its own table, exit 0, and left the
        // run's state.json and timeline.jsonl beside it.
        await Ok("run", Baseline, "--engine", "local", "-o", "mix", "-q");
        File.WriteAllText(Path.Combine(_folder, "mix", "notes.txt"), "mine\n");
        Assert.Equal("id,topic,value,parties,rule,status,cause", Lines("mix/agreements.csv")[0]);

        // The baseline is a bargaining run: no spatial-model CSVs, so the run wrote timeline.jsonl, state.json and
        // agreements.csv, in that order (RunFiles writes them so). A study's set may hold results.json,
        // agreements.csv, positions.csv and sensitivity.csv: of the run's three files, agreements.csv is the one it
        // would replace. notes.txt is no set's, and is not named.
        await Refused("summits whatif: error: -o 'mix' holds the output of summits run -o (timeline.jsonl, state.json, agreements.csv), "
            + "whose agreements.csv this output would replace; nothing was written: name another folder, or remove 'mix' first (see 'summits whatif --help')",
            "whatif", Baseline, "--runs", "20", "--engine", "local", "-o", "mix");
        Assert.Equal("id,topic,value,parties,rule,status,cause", Lines("mix/agreements.csv")[0]);

        // The same command again replaces its own set and keeps the user's notes, as before.
        await Ok("run", Baseline, "--engine", "local", "-o", "mix", "-q");
        Assert.Equal(["mine"], Lines("mix/notes.txt"));
        Assert.Equal(["# summits: the output sets in this folder, one a line (kind, command, files); no command writes over another's files",
            "run\tsummits run -o\ttimeline.jsonl\tstate.json\tagreements.csv"], Lines("mix/" + OutputSet.ManifestName));
    }

    [Fact]
    public async Task A_study_report_into_a_run_reports_folder_is_refused()
    {
        await Ok("run", Baseline, "--engine", "local", "--report", "rep", "-q");
        // A run's report of a bargaining run holds report.html, report.md, agreements.csv and trajectories.csv (no
        // spatial-model CSVs), in the order of its names; a study's report may hold report.html, report.md,
        // agreements.csv, positions.csv and sensitivity.csv: it would replace the first three.
        await Refused("summits whatif: error: --report 'rep' holds the output of summits run --report (report.html, report.md, agreements.csv, trajectories.csv), "
            + "whose report.html, report.md and agreements.csv this output would replace; nothing was written: name another folder, or remove 'rep' first (see 'summits whatif --help')",
            "whatif", Baseline, "--runs", "20", "--engine", "local", "--report", "rep");
    }

    [Fact]
    public async Task Two_sets_with_no_name_in_common_share_a_folder_and_both_are_kept_whole()
    {
        await Ok("run", Baseline, "--engine", "local", "-o", "both", "--telemetry", "t.jsonl", "-q");
        var run = Snapshot().Where(f => f.Key != Path.Combine("both", OutputSet.ManifestName)).ToDictionary();
        // analyze writes topics.csv and actors.csv, no name of a run's set: it goes beside the run.
        await Ok("analyze", "t.jsonl", "-o", "both", "-q");
        foreach (var (path, bytes) in run)
            Assert.Equal(bytes, Snapshot()[path]);
        var analysis = Snapshot().Where(f => f.Key is "both/topics.csv" or "both/actors.csv").ToDictionary();
        Assert.Equal(2, analysis.Count);

        // The run again keeps the analysis, byte for byte, and the manifest keeps its line, before the run's own.
        await Ok("run", Baseline, "--engine", "local", "-o", "both", "-q");
        foreach (var (path, bytes) in analysis)
            Assert.Equal(bytes, Snapshot()[path]);
        Assert.Equal(["analyze\tsummits analyze -o\ttopics.csv\tactors.csv", "run\tsummits run -o\ttimeline.jsonl\tstate.json\tagreements.csv"],
            Lines("both/" + OutputSet.ManifestName).Skip(1));
    }

    // A single file is set against the sets of the folder it is in. The run's set in mix is timeline.jsonl,
    // state.json and agreements.csv, in the order RunFiles writes them (a bargaining run: no spatial-model CSVs), and the
    // manifest lists them so; each option below names one of them, and is told whose it is, then what to do.
    [Theory]
    [InlineData("run", "--telemetry", "mix/timeline.jsonl", "timeline.jsonl")]
    [InlineData("generate", "-o", "mix/state.json", "state.json")]
    [InlineData("seed-draft", "-o", "mix/agreements.csv", "agreements.csv")]
    public async Task A_single_file_that_a_set_in_its_folder_wrote_is_refused(string command, string option, string path, string name)
    {
        await Ok("run", Baseline, "--engine", "local", "-o", "mix", "-q");
        File.WriteAllText(Path.Combine(_folder, "draft.txt"), "Japan and the United States met in Tokyo.\n");
        string[] arguments = command switch
        {
            "run" => ["run", Baseline, "--engine", "local", "-q", option, path],
            "generate" => ["generate", "--actors", "3", "--topics", "2", "--seed", "1", option, path],
            _ => ["seed", "draft", "draft.txt", option, path],
        };
        var said = command == "seed-draft" ? "seed draft" : command;
        await Refused($"summits {said}: error: {option} '{path}' is {name} of the output of summits run -o in 'mix' (timeline.jsonl, state.json, agreements.csv), "
            + $"which the write would replace, leaving the rest of that set beside it; nothing was written: name another {option} file (see 'summits {said} --help')", arguments);
    }

    [Fact]
    public async Task A_file_named_like_a_sets_that_no_set_there_wrote_is_refused_not_replaced()
    {
        // The user's own report.md in the folder a run's report goes to: a report writes report.md, and no manifest
        // says a report wrote this one, so it is the user's and is kept.
        Directory.CreateDirectory(Path.Combine(_folder, "rep"));
        File.WriteAllText(Path.Combine(_folder, "rep", "report.md"), "my notes\n");
        await Refused("summits run: error: --report 'rep' holds report.md, which this output would replace, and no .summits-output line there says that summits run --report wrote it "
            + "(your own file, a folder copied without its .summits-output, or an output of a summits from before it kept one); nothing was written: "
            + "move it out of 'rep', or remove it if it is an earlier output, or name another folder (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-q", "--report", "rep");
        Assert.Equal(["my notes"], Lines("rep/report.md"));

        // A run's folder copied without its manifest: its three files (a bargaining run's) are named in the order of
        // the run's names, timeline.jsonl, state.json, agreements.csv; the copy's own files are no set's.
        await Ok("run", Baseline, "--engine", "local", "-o", "mix", "-q");
        Directory.CreateDirectory(Path.Combine(_folder, "copy"));
        foreach (var name in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
            File.Copy(Path.Combine(_folder, "mix", name), Path.Combine(_folder, "copy", name));
        await Refused("summits run: error: -o 'copy' holds timeline.jsonl, state.json and agreements.csv, which this output would replace, and no .summits-output line there says that summits run -o wrote them "
            + "(your own files, a folder copied without its .summits-output, or an output of a summits from before it kept one); nothing was written: "
            + "move them out of 'copy', or remove them if they are an earlier output, or name another folder (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-q", "-o", "copy");
    }

    [Fact]
    public async Task The_run_and_its_report_in_one_folder_are_told_the_files_both_would_write()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "W"));
        // A bargaining run writes timeline.jsonl, state.json and agreements.csv; its report report.html, report.md,
        // agreements.csv and trajectories.csv: agreements.csv alone is in both (the spatial-model CSVs, which both
        // kinds may hold, are written by neither).
        await Refused("summits run: error: -o 'W' and --report 'W' are one folder, and both write agreements.csv there; one would replace the other: name two different folders (see 'summits run --help')",
            "run", Baseline, "--engine", "local", "-q", "-o", "W", "--report", "W");
        // A run of the spatial model writes those two CSVs into both, and agreements.csv into -o always but into the
        // report only when the run made an agreement, which is not known before it runs: the two CSVs are named.
        var world = SeedFiles.File("scenarios", "worlds", "dummy-3dim.yaml");
        await Refused("summits run: error: -o 'W' and --report 'W' are one folder, and both write smp-positions.csv and smp-probabilities.csv there; one would replace the other: name two different folders (see 'summits run --help')",
            "run", "--world", world, "--model", "smp", "-q", "-o", "W", "--report", "W");
    }
}
