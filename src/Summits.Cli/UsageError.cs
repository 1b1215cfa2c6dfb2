using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Summits.Model;

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
    /// choices on the same line, a value of the wrong kind names the kind expected, and for a number option
    /// its range (<see cref="Cli.Commands.OptionNumbers"/>).
    /// </summary>
    /// <param name="command">The command the error is in, whose options (and its parents' recursive ones) a missing
    /// option or value is looked up among to say what it takes.</param>
    public static string Of(ParseError error, Command? command = null)
    {
        var message = error.Message;
        var symbol = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            ArgumentResult a => (Symbol)a.Argument,
            _ => null,
        };
        var option = symbol?.Name;
        if (RequiredOption().Match(message) is { Success: true } required)
        {
            var name = required.Groups["option"].Value;
            return $"{name} is required{Takes(symbol as Option ?? Find(error.SymbolResult, command, name), name, shipped: true)}";
        }
        if (ValueMissing().Match(message) is { Success: true } missingValue)
        {
            var name = missingValue.Groups["option"].Value;
            return $"{name} needs a value{Takes(symbol as Option ?? Find(error.SymbolResult, command, name), name, shipped: true)}";
        }
        if (GivenTwice().Match(message) is { Success: true } twice)
        {
            // An option of one value given more than once (-v detailed -v quiet) asks for two: which is meant is not told.
            var name = twice.Groups["option"].Value;
            var values = (error.SymbolResult switch { OptionResult o => o, ArgumentResult { Parent: OptionResult o } => o, _ => null })?.Tokens.Select(t => $"'{Output.Printable.Of(t.Value)}'").ToList() ?? [];
            var times = values.Count == 2 ? "twice" : values.Count > 2 ? $"{values.Count} times" : "more than once";
            var among = values.Count > 1 ? $", as {Listed.And(values)}" : "";
            // The files given are the user's: the shipped ones are not named.
            return $"{name} is given {times}{among}; give it once{Takes(symbol as Option ?? Find(error.SymbolResult, command, name), name, shipped: false)}";
        }
        if (NotAChoice().Match(message) is { Success: true } choice)
        {
            var choices = Quoted().Matches(choice.Groups["choices"].Value).Select(m => m.Groups[1].Value);
            return Choice(option ?? "the value", choices, choice.Groups["value"].Value);
        }
        if (CannotParse().Match(message) is { Success: true } parse)
        {
            // A number option names its range (OptionNumbers), in the words of its range error.
            if (symbol is Option numeric && Cli.Commands.OptionNumbers.Of(numeric) is not null)
                return Cli.Commands.OptionNumbers.Refusal(numeric, parse.Groups["value"].Value);
            var type = parse.Groups["type"].Value;
            var kind = type.Contains("Int", StringComparison.Ordinal) ? "a whole number" : type.Contains("Double", StringComparison.Ordinal) ? "a number" : "a value of another kind";
            return $"{parse.Groups["option"].Value} must be {kind}, not '{parse.Groups["value"].Value}'";
        }
        return OneLine(message).TrimEnd('.');
    }

    /// <summary>
    /// The parser's first mistake in <paramref name="parse"/> in the commands' own words. A word the parser
    /// did not take names what it may be: a command (where a command was expected), an option of the command
    /// (with the closest by edit distance first), or says the command takes no more arguments. Then an argument the
    /// command requires left out is said before any mistake of an option (<see cref="Rank"/>), naming the arguments the
    /// command takes (<see cref="MissingArgument"/>); other mistakes go through <see cref="Of(ParseError, Command?)"/>.
    /// </summary>
    public static string Of(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
            return Unrecognized(parse, command, parse.UnmatchedTokens[0]);
        var first = parse.Errors.OrderBy(Rank).First();
        if (IsMissingArgument(first) && first.SymbolResult is ArgumentResult missing)
            return MissingArgument(parse.CommandResult, missing.Argument);
        if (first.SymbolResult is CommandResult or null && command.Subcommands.Count > 0 && first.Message.StartsWith("Required command", StringComparison.Ordinal))
            return Commands(command).ToList() is [var only] ? $"a command is needed: the only command is {only}" : $"a command is needed, one of {Listed.Or(Commands(command))}";
        return Of(first, command);
    }

    /// <summary>
    /// The mistake of an argument naming a file left out, in one form for every command: <c>the argument
    /// &lt;SCENARIO&gt; is missing: 'summits whatif' takes &lt;SCENARIO&gt;; the shipped scenario files: …</c>. It names the
    /// arguments the command takes (<see cref="Arguments"/>), then <paramref name="instead"/> (an option that names a
    /// file in the argument's place, as <c>run --world FILE</c> does) after "or", then the files shipped of the
    /// argument's kind and of the option's (<see cref="Cli.Commands.CommonOptions.Shipped(Symbol)"/>), which a first try most
    /// often means; none for an argument of a kind none is shipped of.
    /// </summary>
    /// <param name="command">The command whose argument is missing; its path (<c>summits export ktab</c>) is named.</param>
    /// <param name="argument">The missing argument, named as its help writes it between angle brackets.</param>
    /// <param name="instead">An option that may be given in the argument's place; null when there is none.</param>
    public static string MissingArgument(CommandResult command, Argument argument, Option? instead = null)
    {
        var takes = Arguments(command.Command) + (instead is null ? "" : $" or {instead.Name} {instead.HelpName ?? "VALUE"}");
        var shipped = Cli.Commands.CommonOptions.Shipped(argument) + (instead is null ? "" : Cli.Commands.CommonOptions.Shipped(instead));
        return $"the argument <{argument.Name}> is missing: '{Path(command)}' takes {takes}{shipped}";
    }

    /// <summary>The arguments <paramref name="command"/> takes, as its help writes them: <c>&lt;A&gt; &lt;B&gt;</c>; empty for none.</summary>
    private static string Arguments(Command command) => string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>"));

    /// <summary>
    /// What an option takes, to follow "is required", "needs a value" or "give it once": its range for a number option
    /// (", a whole number from 1 to 1000"), its choices for an option with fixed ones (", one of table, csv or json"),
    /// else how it is written (", as in --output DIR"); nothing for an option not found. With <paramref name="shipped"/>,
    /// an option that names a file to read adds the files shipped of its kind (<c>, as in --world FILE; the shipped
    /// world files: …</c>), as a missing argument does: said where no file was given (an option required or written
    /// without its value), not where the user gave two.
    /// </summary>
    private static string Takes(Option? option, string written, bool shipped)
    {
        if (option is null)
            return "";
        if (Cli.Commands.OptionNumbers.Of(option) is { } range)
            return $", {range}";
        if (Cli.Commands.OptionChoices.Of(option) is { Count: > 0 } choices)
            return $", {Listed.OneOf(choices)}";
        return $", as in {written} {option.HelpName ?? "VALUE"}{(shipped ? Cli.Commands.CommonOptions.Shipped(option) : "")}";
    }

    /// <summary>The option named <paramref name="name"/> (its name or an alias) of the command the error is in, or of a parent that shares it.</summary>
    private static Option? Find(SymbolResult? result, Command? command, string name)
    {
        var commands = new List<Command>();
        for (var r = result; r is not null; r = r.Parent)
            if (r is CommandResult c)
                commands.Add(c.Command);
        if (command is not null)
            commands.Add(command);
        return commands.SelectMany(c => c.Options).FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));
    }

    /// <summary>
    /// The one line that refuses <paramref name="value"/> for an option with fixed <paramref name="choices"/>, listed
    /// in their order, with the nearest named first when one is near (<see cref="Suggest"/>):
    /// <c>--format must be one of table, csv or json, not 'tabel' (did you mean 'table'?)</c>. <paramref name="listed"/>
    /// is how the choices are written when not simply by name (each with its meaning).
    /// </summary>
    public static string Choice(string option, IEnumerable<string> choices, string value, string? listed = null)
    {
        var all = choices.ToList();
        var among = listed is null ? Listed.OneOf(all) : all.Count == 1 ? listed : $"one of {listed}";
        return $"{option} must be {among}, not '{value}'{Suggest(value, all)}";
    }

    /// <summary>
    /// The order in which the parser's errors are said, the first only: 0 for an argument the command requires left
    /// out (<see cref="IsMissingArgument"/>), since what the command was to work on is what a user who forgot it needs to
    /// hear, whatever else is wrong (<c>whatif --runs 0</c> with no scenario); 1 for a mistake in a value written for an
    /// option (<c>--rounds 0</c>, <c>--format xml</c>); 2 for another mistake of an option (a value left out, a value
    /// given twice, a required option left out); 3 for a mistake of the command as a whole (an option that does not
    /// apply, a retired spelling).
    /// </summary>
    private static int Rank(ParseError error) =>
        IsMissingArgument(error) ? 0 : error.SymbolResult switch
        {
            OptionResult o => o.Tokens.Count > 0 ? 1 : 2,
            ArgumentResult { Parent: OptionResult } a => a.Tokens.Count > 0 ? 1 : 2,
            ArgumentResult => 2,
            _ => 3,
        };

    /// <summary>
    /// Whether <paramref name="error"/> is an argument the command requires left out: the parser's own, on the
    /// argument, or a command's check's in <see cref="MissingArgument"/>'s words, on the command (<c>run</c>, which
    /// takes a scenario or <c>--world</c> in its place).
    /// </summary>
    private static bool IsMissingArgument(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult { Parent: not OptionResult } => MissingArgumentMessage().IsMatch(error.Message),
        CommandResult => MissingArgumentLine().IsMatch(error.Message),
        _ => false,
    };

    /// <summary>
    /// The parse whose first mistake is said for <paramref name="args"/>: <paramref name="parse"/> itself, unless it
    /// found a mistake of the command as a whole (<see cref="Rank"/> 3) and no argument left out, since a check of the
    /// whole keeps the parser from looking at the options' values: then <paramref name="args"/> are parsed again by
    /// <paramref name="unchecked"/>, the same commands without their checks of the whole, and when the first mistake
    /// that finds is in a value it is said instead. So <c>--engine local --checkpoint-every 0x3</c> is refused for 0x3,
    /// not for the local engine; but when the first it finds is an argument left out, the checked parse's mistake
    /// stands, as it does when no value is wrong (a retired spelling is said as retired either way).
    /// </summary>
    public static ParseResult ValueFirst(ParseResult parse, IReadOnlyList<string> args, Func<RootCommand> @unchecked)
    {
        if (!parse.Errors.Any(e => Rank(e) == 3) || parse.Errors.Any(IsMissingArgument))
            return parse;
        var root = @unchecked();
        foreach (var command in Descendants(root).Prepend(root))
            command.Validators.Clear();
        var values = root.Parse(args);
        return values.Errors.Count > 0 && Rank(values.Errors.OrderBy(Rank).First()) == 1 ? values : parse;
    }

    private static IEnumerable<Command> Descendants(Command command) =>
        command.Subcommands.SelectMany(sub => Descendants(sub).Prepend(sub));

    /// <summary>
    /// A word beginning with '-' that the parser took as a command's argument (a scenario file, say) although no
    /// option has that name, said as an unknown option with the command's options, closest first; null when there
    /// is none. "-" alone (standard input), a number such as -1, and anything after "--" stay arguments.
    /// </summary>
    public static string? OptionTakenAsArgument(ParseResult parse)
    {
        var tokens = parse.Tokens.ToList();
        var end = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
            foreach (var token in argument.Tokens)
            {
                var position = tokens.FindIndex(t => ReferenceEquals(t, token));
                if (token.Value.Length > 1 && token.Value[0] == '-' && (end < 0 || position < end)
                    && !double.TryParse(token.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    return Unrecognized(parse, parse.CommandResult.Command, token.Value);
            }
        return null;
    }

    private static string Unrecognized(ParseResult parse, Command command, string token)
    {
        if (!token.StartsWith('-') && command.Subcommands.Count > 0)
            return $"'{token}' is not a command{Suggest(token, Commands(command))}; {TheNames("command", Commands(command))}";
        if (token.StartsWith('-'))
        {
            var options = new List<string>();
            for (SymbolResult? result = parse.CommandResult; result is CommandResult c; result = c.Parent)
                options.AddRange(c.Command.Options.Where(o => !o.Hidden && (c == parse.CommandResult || o.Recursive)).Select(o => o.Name));
            return $"'{token}' is not an option of '{Path(parse.CommandResult)}'{Suggest(token, options.Distinct())}; {TheNames("option", options.Distinct())}";
        }
        return $"unexpected argument '{token}': '{Path(parse.CommandResult)}' takes {(command.Arguments.Count == 0 ? "no arguments" : Arguments(command))}";
    }

    /// <summary>
    /// The names a word could have been, as a clause: "the commands are seed, run and analyze", or for a single name
    /// "the only command is ktab".
    /// </summary>
    private static string TheNames(string kind, IEnumerable<string> names) =>
        names.ToList() is [var only] ? $"the only {kind} is {only}" : $"the {kind}s are {Listed.And(names)}";

    /// <summary>The command's commands in the one order its help lists them: the order they were added.</summary>
    private static IEnumerable<string> Commands(Command command) => command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);

    /// <summary>
    /// " (did you mean 'NAME'?)" for the name nearest to <paramref name="token"/>, or nothing when none is near: said
    /// after an unknown command, an unknown option and a value that is none of an option's choices alike.
    /// </summary>
    public static string Suggest(string token, IEnumerable<string> names) => Closest.DidYouMean(token, names);

    private static string Path(CommandResult command)
    {
        var names = new List<string>();
        for (var result = command; result.Parent is CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        names.Insert(0, "summits");
        return string.Join(' ', names);
    }

    [GeneratedRegex(@"^Option '(?<option>[^']*)' is required\.?$")]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']*)'\.?$")]
    private static partial Regex ValueMissing();

    [GeneratedRegex(@"^Required argument '[^']*' missing")]
    private static partial Regex MissingArgumentMessage();

    /// <summary>The start of <see cref="MissingArgument"/>'s line.</summary>
    [GeneratedRegex(@"^the argument <[^>]*> is missing: ")]
    private static partial Regex MissingArgumentLine();

    private static string OneLine(string message) => Whitespace().Replace(message, " ").Trim();

    [GeneratedRegex(@"^Option '(?<option>[^']*)' expects a single argument but \d+ were provided\.?$")]
    private static partial Regex GivenTwice();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAChoice();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
