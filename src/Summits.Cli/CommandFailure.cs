using Summits.Scenarios;

namespace Summits.Cli;

/// <summary>
/// The one rule by which an exception that a command did not handle becomes a line on standard error and an
/// exit code, the same for every command: a mistake in a file is bad input (2) said as the file's place and
/// problem; an interruption is 130; anything else is a failure at run time (3), said on one line as
/// <c>summits COMMAND: error: what failed</c>. The stack trace follows only under <c>--verbosity diagnostic</c>,
/// and never for a mistake in a file: that is the user's to fix, not the program's. Commands let an
/// <see cref="InputException"/> from loading their files come here rather than catching it themselves.
/// </summary>
public static class CommandFailure
{
    /// <summary>Writes what <paramref name="failure"/> means for <paramref name="command"/> and returns its exit code.</summary>
    public static int Write(TextWriter error, string command, Exception failure, bool diagnostic)
    {
        var (exit, line) = failure switch
        {
            // A setting with a bad value is bad input too, said as "summits COMMAND: error: what is wrong".
            SettingException setting => (ExitCodes.BadInput, UsageError.Line(command, setting.Message)),
            InputException input => (ExitCodes.BadInput, input.Message),
            OperationCanceledException => (ExitCodes.Interrupted, $"{command}: stopped before it finished"),
            _ => (ExitCodes.RunFailed, UsageError.Line(command, Describe(failure))),
        };
        error.WriteLine(line);
        if (diagnostic && exit != ExitCodes.BadInput)
            error.WriteLine(failure.ToString());
        return exit;
    }

    /// <summary>
    /// What failed, in a sentence on one line: an output's own message names its path; anything else adds its kind.
    /// A message of several lines (some exceptions carry one) is joined into one.
    /// </summary>
    public static string Describe(Exception failure) => failure switch
    {
        OutputException or IOException or UnauthorizedAccessException or GrainTimeoutException => OneLine(failure.Message).TrimEnd('.'),
        AggregateException { InnerExceptions.Count: 1 } one => Describe(one.InnerException!),
        _ => $"{OneLine(failure.Message).TrimEnd('.')} ({failure.GetType().FullName})",
    };

    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
