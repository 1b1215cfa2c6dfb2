using System.Diagnostics;
using System.Globalization;

namespace Summits.Cli.Output;

/// <summary>
/// A study's progress on standard error, one line rewritten in place at most five times a second: the runs
/// done, the rate and the time left first, then a bar in what room is left, erased when the study ends. The caller draws it only on a terminal. Every
/// line is cut to <paramref name="room"/> columns (<see cref="TerminalWidth.ForProgress"/>), so it never
/// wraps and its erasure clears all of it; anything else written to the <see cref="StatusLine"/> erases it first.
/// </summary>
public sealed class StudyProgress(StatusLine output, int total, int room)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDrawn = -1000;
    private bool _finished;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int finished)
    {
        lock (_gate)
        {
            if (_finished)
                return;
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDrawn < 200 && finished < total)
                return;
            _lastDrawn = now;
            output.Draw(Line(finished));
        }
    }

    /// <summary>Erases the line for good: a run that finishes after it (one in flight when Ctrl-C stopped the study) draws nothing.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _finished = true;
            output.Erase();
        }
    }

    private string Line(int finished) => Line(finished, total, _clock.Elapsed, room);

    /// <summary>
    /// The progress line for <paramref name="room"/> columns: the figures first (runs done of all, the share, the
    /// rate and the time left, two spaces apart or one when two do not fit), then a bar of up to 30 marks in what
    /// room is left; no bar when fewer than 10 marks fit. A line too narrow for every figure keeps the first ones
    /// and ends in "...".
    /// </summary>
    public static string Line(int finished, int total, TimeSpan elapsed, int room)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var rate = finished / seconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - finished) / rate) : TimeSpan.Zero;
        // Two spaces between the figures when they fit with them, else one.
        string Figures(string gap) => string.Create(CultureInfo.InvariantCulture,
            $"{finished}/{total} runs{gap}{100.0 * finished / Math.Max(1, total):0}%{gap}{rate:0.0} runs/s{gap}{Clock(left)} left");
        var figures = TerminalWidth.Cells(Figures("  ")) <= room ? Figures("  ") : Figures(" ");
        // "  [" and "]" around the marks.
        var marks = Math.Min(30, room - TerminalWidth.Cells(figures) - 3);
        if (marks < 10)
            return TerminalWidth.Fit(figures, room);
        var filled = total == 0 ? marks : finished * marks / total;
        return $"{figures}  [{new string('#', filled)}{new string('.', marks - filled)}]";
    }

    private static string Clock(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
