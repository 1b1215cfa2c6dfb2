using System.Diagnostics;
using System.Text;

namespace Summits.Tests;

/// <summary>How the tests start a program as a child process, the way a script runs it.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// The start of <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/>: no shell
    /// of the system's in between, standard output and standard error each read as UTF-8 (never a terminal), no
    /// terminal width from the caller's environment (<c>COLUMNS</c> removed), and <paramref name="environment"/>'s
    /// variables set over the caller's.
    /// </summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> arguments, string folder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }
}
