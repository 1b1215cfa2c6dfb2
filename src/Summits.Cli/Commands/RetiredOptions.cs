using System.CommandLine;

namespace Summits.Cli.Commands;

/// <summary>
/// The spellings of options that the format family replaced, refused on every command that prints tables
/// (every command with <c>--format</c>) with a pointer to the spelling that replaced them, rather than as an
/// unknown argument or, worse, read as a file name.
/// </summary>
public static class RetiredOptions
{
    /// <summary>Every retired spelling and its replacement; <c>--format text</c> is refused by <see cref="CommonOptions.Format"/>.</summary>
    public static readonly IReadOnlyList<RetiredOption> Values =
    [
        new("--json", "--format json"),
        new("--csv", "-o DIR (--output) to write the files, or --format csv to print the tables", TakesValue: true),
        new("--format text", "--format table"),
    ];

    /// <summary>Adds the retired options, hidden, to every command under <paramref name="root"/> that has <c>--format</c>; returns <paramref name="root"/>.</summary>
    public static RootCommand AddTo(RootCommand root)
    {
        foreach (var command in Descendants(root).Where(c => c.Options.Any(o => o.Name == "--format")))
        {
            foreach (var retired in Values.Where(r => !r.Old.Contains(' ', StringComparison.Ordinal)))
                Refuse(command, retired);
        }
        return root;
    }

    private static void Refuse(Command command, RetiredOption retired)
    {
        Option option = retired.TakesValue
            ? new Option<string?>(retired.Old) { Hidden = true }
            : new Option<bool>(retired.Old) { Hidden = true };
        command.Options.Add(option);
        // Not a CommandChecks check: it reads whether the spelling was written, no value, so a retired spelling is
        // refused as retired however many values it was given ('--csv' alone included).
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is { Implicit: false })
                result.AddError(retired.Refusal);
        });
    }

    private static IEnumerable<Command> Descendants(Command command) =>
        command.Subcommands.SelectMany(sub => Descendants(sub).Prepend(sub));
}
