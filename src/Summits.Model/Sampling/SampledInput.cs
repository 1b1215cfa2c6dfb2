namespace Summits.Model;

/// <summary>
/// One input a study samples: its name, the interval it is drawn from, and, for a strategy, the
/// choices (the drawn number is then the index of the choice, so that it can be correlated).
/// </summary>
public sealed record SampledInput(string Name, Interval Range, IReadOnlyList<Strategy>? Choices = null)
{
    /// <summary>The strategy a drawn number stands for, for a strategy input.</summary>
    public Strategy? ChoiceOf(double value) => Choices is { Count: > 0 } c ? c[(int)value] : null;
}
