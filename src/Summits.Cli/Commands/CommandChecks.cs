using System.CommandLine;
using System.CommandLine.Parsing;

namespace Summits.Cli.Commands;

/// <summary>
/// The checks of a command as a whole that read its options' values (an option given where it cannot apply, two that
/// clash), added with <see cref="Add"/> so that none reads a value the parser could not take.
/// </summary>
public static class CommandChecks
{
    /// <summary>
    /// Adds <paramref name="check"/> to <paramref name="command"/>'s validators, to run only when every option written
    /// on the command line was given as many values as it takes (<see cref="ValuesTaken"/>) and every argument the
    /// command requires was given (<see cref="ArgumentsGiven"/>). Otherwise it steps aside: such a value cannot be read
    /// (<c>GetValue</c> throws for <c>run --report</c> or <c>--world a --world b</c>), and the parser looks at the
    /// options' values and the arguments only when no check of the command has found a mistake, so its own line is
    /// said instead, exit 2: <c>--world is given twice, as 'a' and 'b'; give it once, as in --world FILE</c>, or, as
    /// every command says what it was to work on first, <c>the argument &lt;FILE&gt; is missing: 'summits exercise'
    /// takes &lt;FILE&gt;; …</c> rather than that <c>--teacher</c> does not go with <c>--format csv</c>.
    /// </summary>
    /// <remarks>
    /// A check that reads only what was written (its tokens, whether an option was given) reads no value and may be
    /// added as it is: a retired spelling (<see cref="RetiredOptions"/>) is refused as retired however many values it
    /// was given.
    /// </remarks>
    public static void Add(Command command, Action<CommandResult> check) => command.Validators.Add(result =>
    {
        if (ValuesTaken(result) && ArgumentsGiven(result))
            check(result);
    });

    /// <summary>
    /// Whether every option of the command written on the command line was given at least the fewest values its arity
    /// allows and, unless it takes several values a word, at most the most: false for <c>--report</c> with no value
    /// after it and for an option of one value written twice (<c>-v d -v q</c>). An option left out, with or without a
    /// default, is not written and so not counted.
    /// </summary>
    public static bool ValuesTaken(CommandResult result) =>
        result.Children.OfType<OptionResult>().All(option => option.Implicit || TakesItsValues(option));

    /// <summary>
    /// Whether <paramref name="option"/>, as written, was given at least the fewest values its arity allows and, unless
    /// it takes several values a word, at most the most (<see cref="ValuesTaken"/>).
    /// </summary>
    public static bool TakesItsValues(OptionResult option)
    {
        var (count, arity) = (option.Tokens.Count, option.Option.Arity);
        return count >= arity.MinimumNumberOfValues && (count <= arity.MaximumNumberOfValues || option.Option.AllowMultipleArgumentsPerToken);
    }

    /// <summary>
    /// Whether every argument of the command was given at least the fewest values its arity allows: false for
    /// <c>summits exercise --format csv --teacher</c>, which gives no <c>FILE</c>. An argument with a default, or one
    /// that may be left out (<c>run</c>'s <c>SCENARIO</c>, whose place <c>--world</c> may take), is never missing.
    /// </summary>
    public static bool ArgumentsGiven(CommandResult result) =>
        result.Command.Arguments.All(argument => argument.HasDefaultValue
            || (result.GetResult(argument)?.Tokens.Count ?? 0) >= argument.Arity.MinimumNumberOfValues);
}
