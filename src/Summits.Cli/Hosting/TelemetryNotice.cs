using Summits.Cli.Output;

namespace Summits.Cli.Hosting;

/// <summary>Writes what a command says at its end about its telemetry (<see cref="TelemetryEnd.Lines"/>) to standard error.</summary>
public static class TelemetryNotice
{
    /// <summary>
    /// Writes <paramref name="notice"/>, one or more lines: each status line ("summits run: telemetry not delivered to …")
    /// wrapped at a terminal as every status line on standard error is (<see cref="PathLines.ToErrorAsync"/>), whole in a
    /// file or a pipe; an error line (<c>summits COMMAND: error: …</c>) on one line, as every error is.
    /// </summary>
    public static async Task WriteAsync(string notice)
    {
        foreach (var line in notice.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Contains(": error: ", StringComparison.Ordinal))
                await Console.Error.WriteLineAsync(line);
            else
                await PathLines.ToErrorAsync(line);
        }
    }
}
