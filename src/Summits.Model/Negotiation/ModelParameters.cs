namespace Summits.Model;

/// <summary>Every tunable number of the negotiation model; a scenario may override any of them. docs/model.md gives each one's source and range.</summary>
/// <param name="InfluenceRate">α, 0..1: the share of the distance to a proposal a recipient moves at most, once per proposal.</param>
/// <param name="WindowMin">The window, in scale points, of an actor for whom the topic is everything (salience 1).</param>
/// <param name="WindowSpan">How much wider the window is for a topic of no salience: w = WindowMin + WindowSpan·(1 − s). The default reservation value lies w from the position.</param>
/// <param name="BreachFactor">An agreement breaches at once when a party is more than this many windows from an agreed value, 1..10.</param>
/// <param name="Convergence">Autonomous rounds stop early after a round in which no offer and no position changed by more than this, in scale points, unless some holder's tactic would still offer otherwise or some holder would accept a standing offer at the deadline.</param>
/// <param name="BoulwareExponent">e of the Boulware tactic in f(τ) = κ + (1 − κ)·τ^(1/e), 0.01..1 (Faratin, Sierra and Jennings 1998).</param>
/// <param name="ConcederExponent">e of the conceder tactic, 1..100.</param>
/// <param name="InitialConcession">κ of the time-dependent tactics, 0..1: the share of the way to the reservation value conceded at τ = 0.</param>
/// <param name="OpeningConcession">The share of the way to its reservation value a tit-for-tat actor concedes before the other side has moved, 0..1.</param>
/// <param name="AcceptanceTime">T of the AC_time condition, 0..1: from this time on, anything at least as good as no deal is accepted.</param>
/// <param name="SalienceShares">
/// When the world's saliences are shares of each actor's attention, the number of topics they are shared
/// over (1 or more); null when each salience stands for its topic alone. Set from the world, not by a scenario.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.model-parameters")]
public sealed record ModelParameters(
    [Id(0)] double InfluenceRate = 0.1,
    [Id(1)] double WindowMin = 5,
    [Id(2)] double WindowSpan = 45,
    [Id(3)] double BreachFactor = 2,
    [Id(4)] double Convergence = 0.01,
    [Id(5)] double BoulwareExponent = 0.2,
    [Id(6)] double ConcederExponent = 5,
    [Id(7)] double InitialConcession = 0,
    [Id(8)] double OpeningConcession = 0.1,
    [Id(9)] double AcceptanceTime = 0.9,
    [Id(10)] int? SalienceShares = null)
{
    public static ModelParameters Default { get; } = new();

    /// <summary>How far from its position an actor will still accept, on a topic of salience <paramref name="salience"/>, in scale points.</summary>
    public double Window(double salience) => WindowMin + WindowSpan * (1 - Intensity(salience));

    /// <summary>
    /// How much a topic matters to an actor on its own, 0..1, from its salience. A salience that stands for its
    /// topic alone is that already. A share of attention over n topics is measured against an even split:
    /// min(1, n · share), so an actor that gives a topic as much as 1/n of its whole attention holds it as
    /// firmly as a lone topic of salience 1, and one that gives it a tenth of that as loosely as salience 0.1.
    /// With one topic a share and a salience are the same.
    /// </summary>
    public double Intensity(double salience) => SalienceShares is { } topics ? Math.Min(1, salience * topics) : salience;
}
