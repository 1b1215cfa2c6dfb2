using System.Text;

namespace Summits.Cli.Output;

/// <summary>
/// Standard error with one line drawn in place on it, a run's or a study's progress. Whatever else is written
/// there (an error, a warning, the line saying the command was interrupted) first erases the drawn line, so a
/// message starts at the left edge of a clean line instead of running on from the progress text. The erasure
/// also clears <see cref="EchoRoom"/> columns after the line, where a terminal echoes Ctrl-C as <c>^C</c>. On a
/// terminal, the first thing written after Ctrl-C (<see cref="Interrupted"/>, which the command's
/// <see cref="Interruption"/> calls as the signal cancels the command's token, before the command can say anything)
/// starts by clearing the line it is on (<c>"\r\x1b[K"</c>), drawn or not, so that the echo never runs into the line
/// saying the command stopped.
/// </summary>
/// <param name="inner">The writer the lines go to: standard error as the process found it.</param>
/// <param name="terminal">True when <paramref name="inner"/> is a terminal, which echoes Ctrl-C and understands the escape that clears a line.</param>
public sealed class StatusLine(TextWriter inner, bool terminal = false) : TextWriter
{
    /// <summary>Moves to the start of the line and clears it to its end (carriage return, then ANSI "erase in line").</summary>
    public const string ClearLine = "\r\x1b[K";

    /// <summary>The columns a terminal's echo of Ctrl-C (<c>^C</c>) takes after the drawn line; the erasure clears them too.</summary>
    public const int EchoRoom = 2;

    private readonly Lock _gate = new();
    private int _drawn;
    private bool _echoed;

    /// <summary>Standard error, once <see cref="Install"/> has put a status line in front of it.</summary>
    public static StatusLine StandardError => s_standardError ?? Install();

    private static StatusLine? s_standardError;

    /// <summary>Puts a status line in front of standard error (<see cref="Console.Error"/>), once per process, and returns it.</summary>
    public static StatusLine Install()
    {
        if (s_standardError is { } installed)
            return installed;
        // The user's signal is told by the command's Interruption (SummitsCommand), as the command's token is cancelled:
        // an event of Console.CancelKeyPress could come after the command had already said it stopped.
        var line = new StatusLine(Console.Error, terminal: !Console.IsErrorRedirected);
        Console.SetError(line);
        return s_standardError = line;
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Draws <paramref name="text"/> in place of the line drawn before (one line, no line break, cut to fit by the caller).</summary>
    public void Draw(string text)
    {
        lock (_gate)
        {
            // Padded in terminal cells over what the line before took, so that none of it is left showing.
            var cells = TerminalWidth.Cells(text);
            inner.Write("\r" + text + new string(' ', Math.Max(0, _drawn - cells)));
            _drawn = cells;
            inner.Flush();
        }
    }

    /// <summary>
    /// Notes that Ctrl-C was pressed, which a terminal echoes as <c>^C</c> where the cursor stood: on a terminal the next
    /// erasure (before anything else is written) clears the whole line, the echo with it.
    /// </summary>
    public void Interrupted()
    {
        lock (_gate)
            _echoed = terminal;
    }

    /// <summary>Erases the drawn line, if any, and the echo of a Ctrl-C on a terminal, and returns the cursor to the start of the line.</summary>
    public void Erase()
    {
        lock (_gate)
        {
            if (_echoed)
            {
                inner.Write(ClearLine);
                inner.Flush();
                _echoed = false;
                _drawn = 0;
                return;
            }
            if (_drawn == 0)
                return;
            inner.Write("\r" + new string(' ', _drawn + EchoRoom) + "\r");
            inner.Flush();
            _drawn = 0;
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            Erase();
            inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            Erase();
            inner.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            Erase();
            inner.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            Erase();
            inner.Write(buffer);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Erase();
            inner.WriteLine(value);
        }
    }

    public override void Flush() => inner.Flush();
}
