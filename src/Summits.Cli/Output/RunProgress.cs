using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Model;

namespace Summits.Cli.Output;

/// <summary>
/// A run's progress on standard error, one line rewritten in place: the step, the round and the events so
/// far, then what the command works out or writes after it. Drawn only on a terminal, at most five times a
/// second, and erased before anything else is printed: by the command before its output, and by the
/// <see cref="StatusLine"/> before any other line on standard error (an error, the interruption). Every line is cut to <paramref name="room"/> columns (<see cref="TerminalWidth.ForProgress"/>), so it
/// never wraps and its erasure clears all of it.
/// </summary>
public sealed class RunProgress(StatusLine output, string scenario, bool enabled, int room)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawn = -1000;
    private int _events;

    public void Report(ImmutableArray<TimelineEvent> events)
    {
        _events += events.Length;
        if (!enabled || events.IsDefaultOrEmpty)
            return;
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDrawn < 200)
            return;
        _lastDrawn = now;
        var last = events[^1];
        output.Draw(TerminalWidth.Fit($"{scenario}: step {last.Step}{(last.Round is { } r ? $", round {r}" : "")}, {_events} events, {_clock.Elapsed.TotalSeconds:0} s", room));
    }

    /// <summary>
    /// Says, in place of the run's line, what the command does after the run and before it prints again
    /// (working out the summary's reference points, writing a set of files), so that a large world's
    /// minutes of work are never silent; <see cref="Finish"/> erases it.
    /// </summary>
    public void Say(string what)
    {
        if (!enabled)
            return;
        output.Draw(TerminalWidth.Fit($"{scenario}: {what}", room));
    }

    public void Finish()
    {
        if (enabled)
            output.Erase();
    }
}
