using System.Diagnostics;
using System.Globalization;

namespace Summits.Cli.Output;

/// <summary>
/// A study's progress on standard error, one line rewritten in place at most five times a second, with
/// the rate and the time left, erased when the study ends. The caller draws it only on a terminal. Every
/// line is cut to <paramref name="room"/> columns (<see cref="TerminalWidth.ForProgress"/>), so it never
/// wraps and its erasure clears all of it; anything else written to the <see cref="StatusLine"/> erases it first.
/// </summary>
public sealed class StudyProgress(StatusLine output, int total, int room)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDrawn = -1000;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int finished)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDrawn < 200 && finished < total)
                return;
            _lastDrawn = now;
            output.Draw(TerminalWidth.Fit(Line(finished), room));
        }
    }

    public void Finish() => output.Erase();

    private string Line(int finished)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var rate = finished / seconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - finished) / rate) : TimeSpan.Zero;
        var width = 30;
        var filled = total == 0 ? width : finished * width / total;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', width - filled)}] {finished}/{total} runs  {100.0 * finished / Math.Max(1, total):0}%  {rate:0.0} runs/s  {Clock(left)} left");
    }

    private static string Clock(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
