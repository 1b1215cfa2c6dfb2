using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// A run's progress on standard error, one line rewritten in place: the step, the round, the events so far,
/// the seconds and the rate, then what the command works out or writes after it; the figures (or what it
/// works out) first and the scenario's name last, so that a narrow terminal loses the name before a figure. Drawn only on a terminal, at most five times a
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
        output.Draw(Line(last.Step, last.Round, _events, _clock.Elapsed, scenario, room));
    }

    /// <summary>
    /// The progress line for <paramref name="room"/> columns: the figures first (step, round, events so far, seconds
    /// since the start and events a second), then the scenario's name, cut with "..." when it does not fit whole. A
    /// narrow terminal gets the figures in fewer words: without the word "events" in the rate, then without the
    /// count of events, then without either, then without the rate; the name goes when not even four of its
    /// cells fit after the figures. Every width is in terminal cells (<see cref="TerminalWidth.Cells"/>).
    /// </summary>
    public static string Line(string step, int? round, int events, TimeSpan elapsed, string scenario, int room)
    {
        var at = $"step {step}{(round is { } r ? $", round {r}" : "")}";
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = (events / seconds).ToString("0", CultureInfo.InvariantCulture);
        var time = elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        string[] figures =
        [
            $"{at}, {Counted.Of(events, "event")}, {time} s, {rate} events/s",
            $"{at}, {Counted.Of(events, "event")}, {time} s, {rate}/s",
            $"{at}, {time} s, {rate} events/s",
            $"{at}, {time} s, {rate}/s",
            $"{at}, {time} s",
        ];
        var fitting = figures.FirstOrDefault(f => TerminalWidth.Cells(f) <= room) ?? figures[^1];
        return WithName(fitting, scenario, room);
    }

    /// <summary><paramref name="what"/> then the scenario's name after two spaces, cut to <paramref name="room"/> columns, the name first.</summary>
    private static string WithName(string what, string scenario, int room)
    {
        const string gap = "  ";
        // The name, cut to what is left with "..." after it, when at least four of its cells show; measured in
        // terminal cells, a CJK character taking two, and with any control character shown escaped.
        scenario = Printable.Of(scenario);
        what = Printable.Of(what);
        var left = room - TerminalWidth.Cells(what) - gap.Length;
        if (left >= TerminalWidth.Cells(scenario))
            return what + gap + scenario;
        if (left >= 4 + 3)
            return what + gap + TerminalWidth.Prefix(scenario, left - 3) + "...";
        return TerminalWidth.Fit(what, room);
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
        output.Draw(WithName(what, scenario, room));
    }

    public void Finish()
    {
        if (enabled)
            output.Erase();
    }
}
