using Summits.Cli;
using Summits.Cli.Commands;
using Summits.Tests;

namespace Summits.Classroom.Tests;

/// <summary>
/// <c>summits classroom</c> as a teacher runs it: what it says at start and at its stop. It runs in the classroom
/// collection, one classroom at a time in the process.
/// </summary>
[Collection(ClassroomCollection.Name)]
public sealed class ClassroomCommandTests
{
    [Fact]
    public async Task A_classroom_that_keeps_its_tables_in_memory_says_at_start_that_they_will_not_survive_a_restart()
    {
        var output = new StartWatcher();
        using var stop = new CancellationTokenSource();
        var run = ClassroomCommand.RunAsync(SeedFiles.File("scenarios", "exercises", "north-korea-line.yaml"), port: 0, tables: 1, output, stop.Token);
        await output.Started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);

        // Where the classroom is, then one line on where its tables are kept (no cluster and no Redis: in memory, so a
        // restart loses them, in the words of docs/classroom.md), then, at Ctrl-C, that they are gone.
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("summits classroom: north-korea-line at http://127.0.0.1:", lines[0]);
        Assert.Equal("summits classroom: the tables are kept in memory only: they are lost when the classroom stops and do not survive a restart; Ctrl-C stops it", lines[1]);
        Assert.Equal("summits classroom: stopped; its tables are gone", lines[2]);
    }

    /// <summary>The command's output, which tells when the classroom has said its two lines of start.</summary>
    private sealed class StartWatcher : StringWriter
    {
        private int _lines;

        /// <summary>Done when two lines have been written.</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            if (Interlocked.Increment(ref _lines) == 2)
                Started.TrySetResult();
        }
    }
}
