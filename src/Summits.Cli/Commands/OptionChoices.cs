using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Summits.Cli.Commands;

/// <summary>
/// The values an option with a fixed set of choices takes, in the order its help and its error list them.
/// Every such option registers here (<see cref="CommonOptions.OneOf"/>, <see cref="CommonOptions.OneOrMoreOf"/>,
/// <see cref="CommonOptions.Format"/>, <c>--otlp-protocol</c>), so that one test can hold them all to it.
/// </summary>
public static class OptionChoices
{
    private static readonly ConditionalWeakTable<Option, string[]> Listed = [];

    /// <summary>Records <paramref name="choices"/> as the option's, in the order they are listed, and offers them for completion.</summary>
    public static void Set(Option option, params string[] choices)
    {
        Listed.AddOrUpdate(option, choices);
        option.CompletionSources.Add(choices);
    }

    /// <summary>The option's choices in their listed order; empty for an option that takes any value.</summary>
    public static IReadOnlyList<string> Of(Option option) => Listed.TryGetValue(option, out var choices) ? choices : [];
}
