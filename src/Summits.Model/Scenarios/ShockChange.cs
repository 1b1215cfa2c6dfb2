namespace Summits.Model;

/// <summary>What a shock changes.</summary>
[Alias("summits.shock-target")]
public enum ShockTarget
{
    Position = 0,
    Salience = 1,
    Capability = 2,
    Affinity = 3,
}

/// <summary>One change of a shock: set a number <see cref="To"/> a value or shift it <see cref="By"/> an amount.</summary>
/// <param name="Topic">For position and salience.</param>
/// <param name="Toward">For affinity: the other actor.</param>
/// <param name="Salience">For a position the actor did not hold before: the salience it starts with.</param>
[GenerateSerializer, Immutable, Alias("summits.shock-change")]
public sealed record ShockChange([Id(0)] ShockTarget What, [Id(1)] string Actor, [Id(2)] string? Topic, [Id(3)] string? Toward, [Id(4)] double? To, [Id(5)] double? By, [Id(6)] double? Salience)
{
    public double Apply(double current, double min, double max) => Math.Clamp(To ?? current + (By ?? 0), min, max);
}
