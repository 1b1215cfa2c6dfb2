using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// The values an option with a fixed set of choices takes, in the order its help and its error list them.
/// Every such option registers here (<see cref="CommonOptions.OneOf"/>, <see cref="CommonOptions.OneOrMoreOf"/>,
/// <see cref="CommonOptions.Format"/>, <c>--otlp-protocol</c>), so that one test can hold them all to it.
/// A value that differs from one choice only in case is read as that choice (<see cref="IdMatch"/>): "--format CSV"
/// is "--format csv", as "--role us" names US; the ids a command takes from a file (a role, a pair of actors) are
/// matched by the same rule.
/// </summary>
public static class OptionChoices
{
    private static readonly ConditionalWeakTable<Option, string[]> Listed = [];

    /// <summary>
    /// Records <paramref name="choices"/> as the option's, in the order they are listed, and offers them for completion.
    /// The first call for an option also makes it read a value written in another case as the choice it names.
    /// </summary>
    public static void Set(Option option, params string[] choices)
    {
        Listed.AddOrUpdate(option, choices);
        option.CompletionSources.Add(choices);
        switch (option)
        {
            case Option<string?> one when one.CustomParser is null:
                one.CustomParser = result => result.Tokens.Count == 0 ? null : Named(choices, result.Tokens[^1].Value);
                break;
            case Option<string[]> many when many.CustomParser is null:
                many.CustomParser = result => [.. result.Tokens.Select(t => Named(choices, t.Value))];
                break;
        }
    }

    /// <summary>The choice <paramref name="value"/> names, spelt as the choice is; the value itself when it names none, for the option's error to quote.</summary>
    private static string Named(IEnumerable<string> choices, string value) => IdMatch.Find(choices, value) ?? value;

    /// <summary>The option's choices in their listed order; empty for an option that takes any value.</summary>
    public static IReadOnlyList<string> Of(Option option) => Listed.TryGetValue(option, out var choices) ? choices : [];
}
