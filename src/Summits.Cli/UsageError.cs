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
    /// The one mistake said for the command line <paramref name="args"/>, parsed as <paramref name="parse"/> by the
    /// commands <paramref name="create"/> makes, without the "summits COMMAND: error:" and the pointer to the help
    /// (<see cref="Usage"/> adds them); null for a line with no mistake. An unknown option where a command takes an
    /// argument (<c>run --bogus</c>, <see cref="OptionTakenAsArgument"/>) is said as an unknown option, not looked for as
    /// a file of that name, and a word naming an option read as another option's value (<c>run --world --rounds 0</c>,
    /// <see cref="OptionTakenAsValue"/>) as what it was read as, whatever else the parser found: the rest of the line
    /// was read out of step with what was meant. Otherwise the first of the parser's mistakes
    /// (<see cref="Of(ParseResult, IReadOnlyList{string}, Func{RootCommand})"/>).
    /// </summary>
    public static string? Said(ParseResult parse, IReadOnlyList<string> args, Func<RootCommand> create) =>
        OptionTakenAsArgument(parse) ?? OptionTakenAsValue(parse) ?? (parse.Errors.Count > 0 ? Of(parse, args, create) : null);

    /// <summary>
    /// The parser's first mistake in <paramref name="parse"/> in the commands' own words, among its own errors only
    /// (<see cref="Of(ParseResult, IReadOnlyList{string}, Func{RootCommand})"/> reads the options' values too, which a
    /// command's check keeps the parser from reading). A word the parser did not take names what it may be: a command
    /// (where a command was expected), an option of the command (with the closest by edit distance first), or says the
    /// command takes no more arguments. Otherwise the first error in the order of <see cref="Rank"/> is said: an argument
    /// left out names the arguments the command takes (<see cref="MissingArgument"/>); other mistakes go through
    /// <see cref="Of(ParseError, Command?)"/>. Without the line as typed, a word read as an option's value is not told
    /// from one written with it (<c>--runs=scenario.yaml</c>), so what it was read as is not said
    /// (<see cref="Swallowed"/>, <see cref="Taken"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">When <paramref name="parse"/> found no mistake: it is said only for a refused line.</exception>
    public static string Of(ParseResult parse) => First(parse, parse.Errors, line: null);

    /// <summary>
    /// The one line said for <paramref name="args"/>, which <paramref name="parse"/> refused: its first mistake, as
    /// <see cref="Of(ParseResult)"/> says it, among the errors of <paramref name="parse"/> and, when a command's check
    /// found one there (an error on the command: a retired spelling, <c>run</c> given nothing to run, an option that
    /// cannot apply), those of <paramref name="args"/> parsed again by <paramref name="create"/>, the same commands
    /// without their checks of the whole (<see cref="Command.Validators"/> cleared). A check that finds a mistake keeps
    /// the parser from reading the options' values and the command's arguments, so without the second parse what is
    /// said would hang on which checks happened to fire: with it, every command says its mistakes in the one order of
    /// <see cref="Rank"/>, whatever its checks. So <c>--engine local --checkpoint-every 0x3</c> is refused for 0x3,
    /// not for the local engine; <c>run --json</c> and <c>whatif --json</c> alike say that --json is retired, not that
    /// the scenario is missing; and <c>run --seed scenario.yaml</c> says what <c>whatif --runs scenario.yaml</c> says.
    /// Where a word meant as the argument was read as an option's value (<see cref="Swallowed"/>, <see cref="Taken"/>),
    /// the line is parsed a third time, checks and all, with the word given to the argument, to learn whether the option
    /// would apply (<see cref="Advice"/>).
    /// </summary>
    /// <param name="parse">The refused parse of <paramref name="args"/> by the program's commands, checks and all.</param>
    /// <param name="args">The command line as typed, without the program's name.</param>
    /// <param name="create">Makes the program's commands anew, to parse the line again: once without their checks of the whole, and, for the advice, with them.</param>
    /// <exception cref="InvalidOperationException">When <paramref name="parse"/> found no mistake: it is said only for a refused line.</exception>
    public static string Of(ParseResult parse, IReadOnlyList<string> args, Func<RootCommand> create)
    {
        var line = new TypedLine(args, create);
        if (parse.UnmatchedTokens.Count > 0 || !parse.Errors.Any(e => e.SymbolResult is CommandResult))
            return First(parse, parse.Errors, line);
        var root = create();
        foreach (var command in Descendants(root).Prepend(root))
            command.Validators.Clear();
        return First(parse, [.. parse.Errors, .. root.Parse(args).Errors], line);
    }

    /// <summary>A refused command line as typed, <paramref name="Args"/>, and how to make the program's commands anew to parse it again.</summary>
    private sealed record TypedLine(IReadOnlyList<string> Args, Func<RootCommand> Create);

    /// <summary>
    /// The first of <paramref name="errors"/> (<see cref="Rank"/>), said for the command <paramref name="parse"/> ran into.
    /// <paramref name="line"/>, when known, is the line as typed (<see cref="Swallowed"/>, <see cref="Taken"/>).
    /// </summary>
    private static string First(ParseResult parse, IReadOnlyList<ParseError> errors, TypedLine? line)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.Count > 0)
            return Unrecognized(parse, command, parse.UnmatchedTokens[0]);
        var first = errors.OrderBy(Rank).First();
        if (Swallowed(parse, errors, first, line) is { } swallowed)
            return swallowed;
        if (MissingArgumentOf(first) is { } missing && first.SymbolResult is not OptionResult)
            return Taken(parse, errors, missing, line) ?? MissingArgument(parse.CommandResult, missing);
        if (first.SymbolResult is CommandResult or null && command.Subcommands.Count > 0 && first.Message.StartsWith("Required command", StringComparison.Ordinal))
            return Commands(command).ToList() is [var only] ? $"a command is needed: the only command is {only}" : $"a command is needed, one of {Listed.Or(Commands(command))}";
        return Of(first, command);
    }

    /// <summary>
    /// The mistake of an argument naming a file left out, in one form for every command: <c>the argument
    /// &lt;SCENARIO&gt; is missing: 'summits whatif' takes &lt;SCENARIO&gt;; the shipped scenario files: …</c>. It names the
    /// arguments the command takes (<see cref="Arguments"/>), then the option taken in the argument's place, if any
    /// (<see cref="Cli.Commands.OptionInPlace"/>: <c>run --world FILE</c>), after "or", then the files shipped of the
    /// argument's kind and of the option's (<see cref="Cli.Commands.CommonOptions.Shipped(Symbol)"/>), which a first try
    /// most often means; none for an argument of a kind none is shipped of. A command's check that says its argument is
    /// missing says this line, exactly, which is how it is known to be one (<see cref="MissingArgumentOf"/>).
    /// </summary>
    /// <param name="command">The command whose argument is missing; its path (<c>summits export ktab</c>) is named.</param>
    /// <param name="argument">The missing argument, named as its help writes it between angle brackets.</param>
    /// <param name="shipped">Whether the shipped files are named; false where the user gave a file, read as something else (<see cref="Taken"/>).</param>
    public static string MissingArgument(CommandResult command, Argument argument, bool shipped = true)
    {
        var instead = Cli.Commands.OptionInPlace.Of(argument);
        var takes = Arguments(command.Command) + (instead is null ? "" : $" or {instead.Name} {instead.HelpName ?? "VALUE"}");
        var files = !shipped ? "" : Cli.Commands.CommonOptions.Shipped(argument) + (instead is null ? "" : Cli.Commands.CommonOptions.Shipped(instead));
        return $"the argument <{argument.Name}> is missing: '{Path(command)}' takes {takes}{files}";
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
    /// The order in which the errors of a command line are said, the first only (after a word the parser did not take,
    /// said before all of them, <see cref="Of(ParseResult)"/>):
    /// 0 for a retired spelling (<see cref="IsRetired"/>: <c>--json</c>, <c>--csv</c>, <c>--format text</c>), said as
    /// retired, as a word no command takes is said first, since the user's next try would fail on it whatever else they
    /// mend: <c>run --json</c> and <c>whatif --json</c>, with no scenario, both say that --json is retired;
    /// 1 for what the command cannot run without, left out (<see cref="MissingArgumentOf"/>): an argument, or run's
    /// scenario or --world, whatever else is wrong, since what the command was to work on is what a user who forgot it
    /// needs to hear (<c>whatif --runs 0</c> names the missing scenario), unless a value refused for an option looks like
    /// that argument (<see cref="Swallowed"/>); and a required option left out or written without its value
    /// (<c>generate --topics 0</c> says that --actors is required), in the order the parser found them;
    /// 2 for a mistake in a value written for an option (<c>--rounds 0</c>, <c>--format xml</c>);
    /// 3 for another mistake of an option (a value left out);
    /// 4 for a mistake of the command as a whole (an option that does not apply, two that clash).
    /// Errors of one rank are said in the order the parser found them.
    /// </summary>
    private static int Rank(ParseError error) =>
        IsRetired(error) ? 0 : MissingArgumentOf(error) is not null || RequiredLeftOut(error) ? 1 : error.SymbolResult switch
        {
            OptionResult o => o.Tokens.Count > 0 ? 2 : 3,
            ArgumentResult { Parent: OptionResult } a => a.Tokens.Count > 0 ? 2 : 3,
            ArgumentResult => 3,
            _ => 4,
        };

    /// <summary>Whether <paramref name="error"/> refuses a retired spelling: its message is, exactly, one of <see cref="Cli.Commands.RetiredOptions.Values"/>' refusals.</summary>
    private static bool IsRetired(ParseError error) => Cli.Commands.RetiredOptions.Values.Any(r => r.Refusal == error.Message);

    /// <summary>
    /// The argument that <paramref name="error"/> says was left out, or whose place an option written without its value
    /// was to take; null for any other error. It is one of three: the parser's own, on the argument; a command's check's,
    /// on the command, whose message is, exactly, the line <see cref="MissingArgument"/> makes for one of the command's
    /// arguments given no value (<c>run</c>'s, which takes a scenario or <c>--world</c> in its place), so that another
    /// line, however it begins, is never taken for it; or the parser's "needs a value" for an option taken in the place
    /// of an argument (<see cref="Cli.Commands.OptionInPlace"/>) that was given none: <c>run --rounds 0 --world</c>
    /// left out what to run, said as --world needing its file.
    /// </summary>
    private static Argument? MissingArgumentOf(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult { Parent: CommandResult } a when MissingArgumentMessage().IsMatch(error.Message) => a.Argument,
        CommandResult c => c.Command.Arguments.FirstOrDefault(a => Given(c, a) == 0 && error.Message == MissingArgument(c, a)),
        OptionResult { Tokens.Count: 0, Parent: CommandResult c } o when ValueMissing().IsMatch(error.Message)
            && Cli.Commands.OptionInPlace.For(o.Option) is { } a && c.Command.Arguments.Contains(a) && Given(c, a) == 0 => a,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="error"/> says that an option the command requires was left out (<c>--actors is
    /// required</c>) or written without its value (<c>generate --actors</c>).
    /// </summary>
    private static bool RequiredLeftOut(ParseError error) =>
        RequiredOption().IsMatch(error.Message)
        || (ValueMissing().IsMatch(error.Message) && OptionOf(error) is { Option.Required: true });

    /// <summary>The option <paramref name="error"/> is about, its own or its value's; null for an error of an argument or a command.</summary>
    private static OptionResult? OptionOf(ParseError error) =>
        error.SymbolResult switch { OptionResult o => o, ArgumentResult { Parent: OptionResult o } => o, _ => null };

    /// <summary>How many values <paramref name="argument"/> was given in <paramref name="command"/>.</summary>
    private static int Given(CommandResult command, Argument argument) => command.GetResult(argument)?.Tokens.Count ?? 0;

    /// <summary>
    /// The line for a word the user most likely meant as an argument, read as an option's value instead, since an option
    /// that takes a value takes the word after it (<c>whatif --runs scenario.yaml</c>): when <paramref name="first"/> is an
    /// argument left out, given no value (<see cref="MissingArgumentOf"/>, not an option written without its value), and
    /// a value of an option was refused (<see cref="Rank"/> 2) that looks like a file (<see cref="LooksLikeAFile"/>) and
    /// was written as the word after the option (<see cref="WordAfter"/>), the value's own line, with its range or its
    /// choices, and in the same line that the word was read as the option's value: <c>--runs must be a whole number from
    /// 1 to 1000000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --runs, the word after it, so
    /// &lt;SCENARIO&gt; is missing: give --runs a value of its own</c>, or, for an option that would not apply once the
    /// argument is given, to leave it out (<see cref="Advice"/>). Null otherwise: then the argument left out is said, as
    /// a value that does not look like a file (<c>--runs 0</c>) is no sign of where the file went, nor one written with
    /// its option (<c>--runs=scenario.yaml</c>), and one the option took is said after it (<see cref="Taken"/>).
    /// </summary>
    private static string? Swallowed(ParseResult parse, IReadOnlyList<ParseError> errors, ParseError first, TypedLine? line)
    {
        if (line is null || first.SymbolResult is OptionResult || MissingArgumentOf(first) is not { } missing)
            return null;
        // A value given twice is refused for being twice, not for what it is.
        foreach (var error in errors.Where(e => Rank(e) == 2 && !GivenTwice().IsMatch(e.Message)))
        {
            if (OptionOf(error) is not { } option || option.Tokens.Select(t => t.Value).FirstOrDefault(w => LooksLikeAFile(w) && WordAfter(option, w, line)) is not { } word)
                continue;
            var name = option.IdentifierToken?.Value ?? option.Option.Name;
            return $"{Of(error)}; '{word}' was read as the value of {name}, the word after it, so <{missing.Name}> is missing: {Advice(parse, option, word, line)}";
        }
        return null;
    }

    /// <summary>
    /// The line for an argument left out whose file an option took as a good value (<c>run --branch scenario.yaml</c>,
    /// <c>whatif -o study.yml</c>): the missing argument's own line without the shipped files, since the user gave one,
    /// and what the word was read as: <c>the argument &lt;SCENARIO&gt; is missing: 'summits run' takes &lt;SCENARIO&gt;
    /// or --world FILE; 'scenario.yaml' was read as the value of --branch, the word after it: give --branch a value of its
    /// own</c>, or to leave the option out (<see cref="Advice"/>). The word must end in an extension of the argument's
    /// kind (<see cref="LooksLike"/>) and be written as the word after the option (<see cref="WordAfter"/>), and the
    /// option must have no mistake of its own and name no file by its own right, to read
    /// (<see cref="Cli.Commands.CommonOptions.KindOf"/>: <c>exercise --answers answers.yaml</c>) or to write
    /// (<see cref="Cli.Commands.CommonOptions.WritesFile"/>: <c>seed draft -o world.yaml</c>): those are no sign of where
    /// the argument went. Null when no option written on the line took such a word.
    /// </summary>
    private static string? Taken(ParseResult parse, IReadOnlyList<ParseError> errors, Argument missing, TypedLine? line)
    {
        if (line is null)
            return null;
        foreach (var option in parse.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit))
        {
            if (Cli.Commands.CommonOptions.KindOf(option.Option) is not null || Cli.Commands.CommonOptions.WritesFile(option.Option)
                || errors.Any(e => OptionOf(e) == option))
                continue;
            if (option.Tokens.Select(t => t.Value).FirstOrDefault(w => LooksLike(w, missing) && WordAfter(option, w, line)) is not { } word)
                continue;
            var name = option.IdentifierToken?.Value ?? option.Option.Name;
            return $"{MissingArgument(parse.CommandResult, missing, shipped: false)}; '{word}' was read as the value of {name}, the word after it: {Advice(parse, option, word, line)}";
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="word"/> was typed as a word of its own right after <paramref name="option"/> as written
    /// (<c>--branch scenario.yaml</c>), not with it (<c>--branch=scenario.yaml</c>, <c>-oscenario.yaml</c>), which gives
    /// the option that value on purpose.
    /// </summary>
    private static bool WordAfter(OptionResult option, string word, TypedLine line)
    {
        var written = option.IdentifierToken?.Value;
        for (var i = 0; i + 1 < line.Args.Count; i++)
            if (line.Args[i] == written && line.Args[i + 1] == word)
                return true;
        return false;
    }

    /// <summary>
    /// What to do about an option that took <paramref name="word"/>, meant as the command's argument: give the option a
    /// value of its own, or, when the line with <paramref name="word"/> given to the argument is refused because the
    /// option does not apply there (<see cref="Cli.Commands.CommonOptions.IsRefusal"/>), leave it out, saying why:
    /// <c>leave --rounds out, as --rounds applies only with --world; a scenario sets its rounds in its 'rounds' steps</c>.
    /// That line is made of what <paramref name="parse"/> read, the options written with as many values as they take (one
    /// written without its value, or twice, would keep the commands' checks from running: <see cref="Cli.Commands.CommandChecks"/>),
    /// the arguments given, and <paramref name="word"/> after them, and parsed with every check.
    /// </summary>
    private static string Advice(ParseResult parse, OptionResult option, string word, TypedLine line)
    {
        var name = option.IdentifierToken?.Value ?? option.Option.Name;
        var words = new List<string>();
        var arguments = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            if (command.Parent is not null)
                words.Insert(0, command.Command.Name);
            foreach (var written in command.Children.OfType<OptionResult>().Where(o => !o.Implicit && o.IdentifierToken is not null && Cli.Commands.CommandChecks.TakesItsValues(o)))
                words.AddRange([written.IdentifierToken!.Value, .. written.Tokens.Select(t => t.Value)]);
            if (command == parse.CommandResult)
                arguments.AddRange(command.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value));
        }
        var errors = line.Create().Parse([.. words, "--", .. arguments, word]).Errors;
        var refusal = errors.FirstOrDefault(e => Cli.Commands.CommonOptions.IsRefusal(e, option.Option));
        // The refusal names the option by its name (--output); it is said as written (-o), as the rest of the line says it.
        return refusal is null ? $"give {name} a value of its own" : $"leave {name} out, as {name}{OneLine(refusal.Message)[option.Option.Name.Length..]}";
    }

    /// <summary>
    /// Whether <paramref name="word"/> looks like a file of the kind <paramref name="argument"/> reads: a name (before a
    /// '#', as in FILE#BRANCH) ending in one of its kind's extensions (<see cref="Cli.Commands.CommonOptions.KindOf"/>),
    /// without regard to case. A file that is there but of another kind does not, nor anything for an argument that
    /// names no file (<c>worlds show</c>'s ID).
    /// </summary>
    private static bool LooksLike(string word, Argument argument)
    {
        if (Cli.Commands.CommonOptions.KindOf(argument) is not { Extensions.Count: > 0 } kind)
            return false;
        var name = word.IndexOf('#') is var hash and > 0 ? word[..hash] : word;
        return kind.Extensions.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant());
    }

    /// <summary>
    /// Whether <paramref name="word"/> looks like a file an argument takes: a file that is there, or a name (before a
    /// '#', as in FILE#BRANCH) that ends in the extension of a kind of file Summits reads, without regard to case
    /// (<c>scenario.yaml</c>, <c>a.yml</c>, <c>b.json</c>, <c>t.jsonl</c>, <c>k.csv</c>, <c>briefing.txt</c>). A number
    /// (<c>2.5</c>, <c>1e3</c>), a bare word (<c>yaml</c>) or a host name (<c>cache.example.com</c>, <c>h.local</c>)
    /// does not.
    /// </summary>
    private static bool LooksLikeAFile(string word)
    {
        var name = word.IndexOf('#') is var hash and > 0 ? word[..hash] : word;
        return File.Exists(word) || FileExtension().IsMatch(name);
    }

    /// <summary>
    /// A word that names an option of the command, read as another option's value, since an option that takes a value
    /// takes the word after it whatever it is (<c>run --world --rounds 0</c> gives --world the value '--rounds' and 0
    /// to SCENARIO), said as what was read, then as that option written without its value, in the parser's words for it:
    /// <c>'--rounds' is an option, read as the value of --world: --world needs a value, as in --world FILE; the shipped
    /// world files: …</c>. Said before anything else the parser found, as <see cref="OptionTakenAsArgument"/> is:
    /// the rest of the line was read out of step. A retired option given such a word (<c>--csv --format json</c>) is
    /// said as retired, as it is before all else (<see cref="Rank"/>), and so is a retired option read as another's value
    /// (<c>--seed --json</c>). Null when no option was given such a word; a word
    /// after "--" is never an option.
    /// </summary>
    public static string? OptionTakenAsValue(ParseResult parse)
    {
        var tokens = parse.Tokens.ToList();
        var end = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (SymbolResult? result = parse.CommandResult; result is CommandResult c; result = c.Parent)
            foreach (var option in c.Command.Options.Where(o => c == parse.CommandResult || o.Recursive))
                names.UnionWith(option.Aliases.Prepend(option.Name));
        foreach (var option in parse.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit))
            foreach (var token in option.Tokens)
            {
                var position = tokens.FindIndex(t => ReferenceEquals(t, token));
                if (names.Contains(token.Value) && (end < 0 || position < end))
                {
                    // A retired option (one of its own, not '--format text', a retired value of a live option) is said
                    // as retired (Rank), whether it read a word or was read as one: the user's next try is without it.
                    if (Cli.Commands.RetiredOptions.Values.FirstOrDefault(r => !r.Old.Contains(' ', StringComparison.Ordinal)
                        && (r.Name == option.Option.Name || r.Name == token.Value)) is { } retired)
                        return retired.Refusal;
                    var name = option.IdentifierToken?.Value ?? option.Option.Name;
                    return $"'{token.Value}' is an option, read as the value of {name}: {name} needs a value{Takes(option.Option, name, shipped: true)}";
                }
            }
        return null;
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
            var elsewhere = OwnersOf(parse.RootCommandResult.Command, "summits", token).ToList();
            return $"'{token}' is not an option of '{Path(parse.CommandResult)}'{Suggest(token, options.Distinct())}; {TheNames("option", options.Distinct())}"
                + (elsewhere.Count == 0 ? "" : $"; {token} is an option of {Listed.And(elsewhere.Select(c => $"'{c}'"))}");
        }
        return $"unexpected argument '{token}': '{Path(parse.CommandResult)}' takes {(command.Arguments.Count == 0 ? "no arguments" : Arguments(command))}";
    }

    /// <summary>
    /// The commands under <paramref name="command"/> (itself not included), each as its path from <c>summits</c>
    /// (<c>summits run</c>, <c>summits worlds show</c>), that take <paramref name="option"/> by its name or an alias and
    /// show it in their help, in the order their help lists them, each command before its own commands: where an
    /// option given to the wrong command belongs.
    /// </summary>
    private static IEnumerable<string> OwnersOf(Command command, string path, string option)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var subPath = $"{path} {sub.Name}";
            if (sub.Options.Any(o => !o.Hidden && (o.Name == option || o.Aliases.Contains(option))))
                yield return subPath;
            foreach (var deeper in OwnersOf(sub, subPath, option))
                yield return deeper;
        }
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

    [GeneratedRegex(@"\.(ya?ml|jsonl?|csv|txt)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();

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
