using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Summits.Cli.Commands;

/// <summary>
/// An option a command takes in the place of one of its arguments, as <c>run --world FILE</c> takes a world in the
/// place of <c>run</c>'s <c>SCENARIO</c>. Recorded here (<see cref="Set"/>) so that the line saying the argument is
/// missing names the option too (<see cref="UsageError.MissingArgument"/>), and so that the option written without
/// its value, the argument left out (<c>run --rounds 0 --world</c>), is said as what the command cannot run without:
/// first, before a mistake in another option's value (<see cref="UsageError.Of(System.CommandLine.ParseResult)"/>).
/// </summary>
public static class OptionInPlace
{
    private static readonly ConditionalWeakTable<Argument, Option> Options = [];
    private static readonly ConditionalWeakTable<Option, Argument> Arguments = [];

    /// <summary>Records <paramref name="option"/> as taken in the place of <paramref name="argument"/>; returns the option.</summary>
    public static T Set<T>(T option, Argument argument) where T : Option
    {
        Options.AddOrUpdate(argument, option);
        Arguments.AddOrUpdate(option, argument);
        return option;
    }

    /// <summary>The option taken in the place of <paramref name="argument"/>; null when there is none.</summary>
    public static Option? Of(Argument argument) => Options.TryGetValue(argument, out var option) ? option : null;

    /// <summary>The argument whose place <paramref name="option"/> takes; null when it takes none's.</summary>
    public static Argument? For(Option option) => Arguments.TryGetValue(option, out var argument) ? argument : null;
}
