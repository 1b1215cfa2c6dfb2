namespace Summits.Cli.Commands;

/// <summary>
/// An older spelling that the commands no longer take: <paramref name="Old"/> (an option, or an option with
/// one value such as <c>--format text</c>), what replaced it, and whether the option took a value.
/// </summary>
public sealed record RetiredOption(string Old, string Replacement, bool TakesValue = false)
{
    /// <summary>The option's name alone: <c>--format</c> for <c>--format text</c>.</summary>
    public string Name => Old.Split(' ')[0];

    /// <summary>The one sentence a user who types the old spelling reads.</summary>
    public string Refusal => $"{Old} is no longer taken; use {Replacement}";
}
