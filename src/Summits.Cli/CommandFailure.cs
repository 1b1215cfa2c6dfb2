using System.Text.RegularExpressions;
using Summits.Scenarios;
using Summits.Hosting;

namespace Summits.Cli;

/// <summary>
/// The one rule by which an exception that a command did not handle becomes a line on standard error and an
/// exit code, the same for every command: a mistake in a file is bad input (2) said as the file's place and
/// problem; a cancellation the user asked for (Ctrl-C, SIGINT or SIGTERM) is an interruption, 130; anything else,
/// a cancellation nobody asked for (an Orleans or HTTP timeout surfacing as <see cref="OperationCanceledException"/>
/// or <see cref="TaskCanceledException"/>) included, is a failure at run time (3), said on one line as
/// <c>summits COMMAND: error: what failed</c>. The stack trace follows only under <c>--verbosity diagnostic</c>,
/// and never for a mistake in a file: that is the user's to fix, not the program's. Commands let an
/// <see cref="InputException"/> from loading their files come here rather than catching it themselves.
/// </summary>
public static class CommandFailure
{
    /// <summary>Writes what <paramref name="failure"/> means for <paramref name="command"/> and returns its exit code.</summary>
    /// <param name="error">Where the line (and under <paramref name="diagnostic"/> the stack trace) is written.</param>
    /// <param name="command">The command's path, <c>summits run</c>, as the line names it.</param>
    /// <param name="failure">What the command did not handle.</param>
    /// <param name="diagnostic">True under <c>--verbosity diagnostic</c>: the stack trace follows the line.</param>
    /// <param name="interrupted">
    /// True when the user asked the process to stop (<see cref="Interruption.Asked"/>): only then is a cancellation an
    /// interruption (130); a cancellation without it is a failure at run time (3), like any other.
    /// </param>
    /// <returns>The exit code: 2, 3 or 130.</returns>
    public static int Write(TextWriter error, string command, Exception failure, bool diagnostic, bool interrupted)
    {
        var (exit, line) = failure switch
        {
            // A setting with a bad value is bad input too, said as "summits COMMAND: error: what is wrong".
            SettingException setting => (ExitCodes.BadInput, UsageError.Line(command, setting.Message)),
            InputException input => (ExitCodes.BadInput, input.Message),
            // A branch the scenario lacks was named on the command line: an argument's mistake, said as one.
            BranchException branch => (ExitCodes.BadInput, UsageError.Usage(command, branch.Message)),
            OperationCanceledException when interrupted => (ExitCodes.Interrupted, $"{command}: stopped before it finished"),
            _ => (ExitCodes.RunFailed, UsageError.Line(command, Describe(failure))),
        };
        // A path or a quote with a tab or a newline in it would break the one line: its control characters show escaped.
        error.WriteLine(Output.Printable.Of(line));
        if (diagnostic && exit != ExitCodes.BadInput)
            error.WriteLine(failure.ToString());
        return exit;
    }

    /// <summary>
    /// What failed, in a sentence on one line: an output's own message names its path; anything else adds its kind.
    /// A message of several lines (some exceptions carry one) is joined into one, without the stack frames it may quote.
    /// </summary>
    public static string Describe(Exception failure) => failure switch
    {
        OutputException or IOException or UnauthorizedAccessException or GrainTimeoutException or Commands.WorldSilenceException or Hosting.ClusterException => OneLine(failure.Message).TrimEnd('.'),
        AggregateException { InnerExceptions.Count: 1 } one => Describe(one.InnerException!),
        _ => $"{OneLine(failure.Message).TrimEnd('.')} ({failure.GetType().FullName})",
    };

    /// <summary>
    /// A message's lines joined by spaces, leaving out the stack frames some messages carry inside them (an Orleans
    /// connection failure quotes the remote exception, frames and all): lines <c>at Type.Method(…)</c>, with or
    /// without <c> in FILE:line N</c>, and the <c>--- End of …</c> lines between them. The frames belong to
    /// <c>--verbosity diagnostic</c>, which prints the whole exception after the line.
    /// </summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !StackFrame.IsMatch(line) && !line.StartsWith("--- End of ", StringComparison.Ordinal)));

    private static readonly Regex StackFrame = new(@"^at \S+\(.*\)( in .+:line \d+)?$", RegexOptions.CultureInvariant);
}
