using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Summits.Cli;

/// <summary>
/// A mistake on the command line, said the one way every command says it, on one line of standard error:
/// <c>summits COMMAND: error: what is wrong, and what would be right (see 'summits COMMAND --help')</c>,
/// with exit code 2. Every usage error, the parser's and the commands' own, is made here.
/// </summary>
public static partial class UsageError
{
    /// <summary>
    /// The line for a usage mistake <paramref name="message"/> (one sentence, no pointer to the help: this
    /// adds it), its whitespace folded so that it stays one line.
    /// </summary>
    public static string Usage(string command, string message) => $"{Line(command, message)} (see '{command} --help')";

    /// <summary>An error line without the pointer to the help, for a failure that is not a usage mistake.</summary>
    public static string Line(string command, string message) => $"{command}: error: {OneLine(message)}";

    /// <summary>Writes the line to standard error and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public static int Write(string command, string message)
    {
        Console.Error.WriteLine(Usage(command, message));
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// A parser's error in the same words as the commands' own: a value outside its choices names the
    /// choices on the same line, a value of the wrong kind names the kind expected.
    /// </summary>
    public static string Of(ParseError error)
    {
        var message = error.Message;
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            ArgumentResult a => a.Argument.Name,
            _ => null,
        };
        if (NotAChoice().Match(message) is { Success: true } choice)
        {
            var choices = Quoted().Matches(choice.Groups["choices"].Value).Select(m => m.Groups[1].Value);
            return $"{option ?? "the value"} must be one of {string.Join(", ", choices)}, not '{choice.Groups["value"].Value}'";
        }
        if (CannotParse().Match(message) is { Success: true } parse)
        {
            var type = parse.Groups["type"].Value;
            var kind = type.Contains("Int", StringComparison.Ordinal) ? "a whole number" : type.Contains("Double", StringComparison.Ordinal) ? "a number" : "a value of another kind";
            return $"{parse.Groups["option"].Value} must be {kind}, not '{parse.Groups["value"].Value}'";
        }
        return OneLine(message).TrimEnd('.');
    }

    private static string OneLine(string message) => Whitespace().Replace(message, " ").Trim();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAChoice();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
