namespace Summits.Model;

/// <summary>What a shock changes.</summary>
public enum ShockTarget
{
    Position,
    Salience,
    Capability,
    Affinity,
}

/// <summary>One change of a shock: set a number <see cref="To"/> a value or shift it <see cref="By"/> an amount.</summary>
/// <param name="Topic">For position and salience.</param>
/// <param name="Toward">For affinity: the other actor.</param>
/// <param name="Salience">For a position the actor did not hold before: the salience it starts with.</param>
[GenerateSerializer, Immutable]
public sealed record ShockChange(ShockTarget What, string Actor, string? Topic, string? Toward, double? To, double? By, double? Salience)
{
    public double Apply(double current, double min, double max) => Math.Clamp(To ?? current + (By ?? 0), min, max);
}
