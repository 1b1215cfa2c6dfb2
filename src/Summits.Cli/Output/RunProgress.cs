using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Model;

namespace Summits.Cli.Output;

/// <summary>
/// A run's progress on standard error, one line rewritten in place: the step, the round and the events so
/// far. Drawn only on a terminal, at most five times a second, and erased when the run ends.
/// </summary>
public sealed class RunProgress(TextWriter output, string scenario, bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawn = -1000;
    private int _events;
    private int _drawnWidth;

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
        var text = $"{scenario}: step {last.Step}{(last.Round is { } r ? $", round {r}" : "")}, {_events} events, {_clock.Elapsed.TotalSeconds:0} s";
        output.Write("\r" + text.PadRight(_drawnWidth));
        _drawnWidth = text.Length;
        output.Flush();
    }

    public void Finish()
    {
        if (!enabled || _drawnWidth == 0)
            return;
        output.Write("\r" + new string(' ', _drawnWidth) + "\r");
        output.Flush();
    }
}
