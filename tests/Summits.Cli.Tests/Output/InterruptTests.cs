using System.Diagnostics;
using System.Runtime.InteropServices;
using Summits.Scenarios;

namespace Summits.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT, sent as a real signal to a real process) stops a run, whether it is running its steps or
/// writing its output set: exit code 130, one line that says so, and the previous output set as it was.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private const int SigInt = 2;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summits-interrupt-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string Scenario(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "scenarios", folder, file);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Ctrl_C_while_a_run_advances_stops_it_with_exit_130_and_writes_nothing()
    {
        var output = Path.Combine(_folder.FullName, "out");
        // The 18-actor spatial-model run takes some seconds of advances in grains; its events stream to
        // standard output as each advance ends, so the first line says the run is under way.
        using var run = Start(["run", Scenario("bench", "soe-18-converge.yaml"), "--format", "json", "--out", output], []);
        var first = await run.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.NotNull(first);
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("summits run: stopped before it finished", error.Trim());
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task Ctrl_C_while_a_run_writes_its_output_set_stops_it_with_exit_130_and_leaves_the_previous_set()
    {
        var output = Path.Combine(_folder.FullName, "out");
        var previous = await SummitsProcess.RunInAsync(_folder.FullName, ["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--seed", "1", "--out", output]);
        Assert.Equal(0, previous.ExitCode);
        var before = Contents(output);

        // Each file of the set is followed by a pause of ten minutes: Ctrl-C comes in the first, after
        // timeline.jsonl and before state.json.
        using var run = Start(["run", Scenario("what-if", "baseline.yaml"), "--engine", "local", "-q", "--out", output],
            new() { [OutputSet.DelayVariable] = "600000" });
        await NewSetAsync(run, "timeline.jsonl");
        Assert.Equal(0, Kill(run.Id, SigInt));

        var (exit, error) = await EndAsync(run);
        Assert.Equal(130, exit);
        Assert.Equal("summits run: stopped before it finished", error.Trim());
        Assert.Equal(before, Contents(output));
        // The half-written set is gone with the run: only the previous set's folder is left.
        Assert.Equal(["out"], _folder.EnumerateFileSystemInfos().Select(e => e.Name));
    }

    /// <summary>Waits for the process to end (it must within a minute of the signal); its exit code and standard error.</summary>
    private static async Task<(int Exit, string Error)> EndAsync(Process process)
    {
        var error = process.StandardError.ReadToEndAsync();
        var drained = process.StandardOutput.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the run did not stop within a minute of Ctrl-C");
        }
        await drained;
        return (process.ExitCode, await error);
    }

    /// <summary>Every file of the folder with its bytes, by name in ordinal order.</summary>
    private static SortedDictionary<string, byte[]> Contents(string folder) =>
        new(Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Waits until the new folder the run writes beside the target holds <paramref name="file"/>.</summary>
    private async Task NewSetAsync(Process process, string file)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var staging = _folder.EnumerateDirectories(".out.summits-new-*").FirstOrDefault();
            if (staging is not null && File.Exists(Path.Combine(staging.FullName, file)))
            {
                // The pause after the file starts once it is written whole; give the write a moment to finish.
                await Task.Delay(200, guard.Token);
                return;
            }
            if (process.HasExited)
                Assert.Fail($"the run exited ({process.ExitCode}) before it wrote {file}: {await process.StandardError.ReadToEndAsync()}");
            await Task.Delay(20, guard.Token);
        }
    }

    /// <summary>
    /// Starts the program with SIGINT at its default action: a process started from a shell's background job
    /// inherits SIGINT ignored, and would never see the signal (<c>env --default-signal</c>, coreutils).
    /// </summary>
    private Process Start(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(SummitsProcess.DotnetHost());
        start.ArgumentList.Add(SummitsProcess.Program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
