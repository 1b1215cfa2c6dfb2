namespace Summits.Model;

/// <summary>Every tunable number of the negotiation model; a scenario may override any of them.</summary>
/// <param name="InfluenceRate">α: the share of the distance to a proposal a recipient moves at most, per proposal.</param>
/// <param name="WindowMin">The acceptance window, in scale points, of an actor for whom the topic is everything (salience 1).</param>
/// <param name="WindowSpan">How much wider the window is for a topic of no salience: window = WindowMin + WindowSpan·(1 − s).</param>
/// <param name="BreachFactor">A strained agreement breaches once a party drifts this many windows from it.</param>
/// <param name="Convergence">Autonomous rounds stop when no position moves more than this in a round.</param>
/// <param name="BoulwareExponent">e of the Boulware tactic, f(τ) = τ^(1/e); below 1 concedes late.</param>
/// <param name="ConcederExponent">e of the conceder tactic; above 1 concedes early.</param>
[GenerateSerializer, Immutable]
public sealed record ModelParameters(
    double InfluenceRate = 0.1,
    double WindowMin = 5,
    double WindowSpan = 45,
    double BreachFactor = 2,
    double Convergence = 0.01,
    double BoulwareExponent = 0.2,
    double ConcederExponent = 5)
{
    public static ModelParameters Default { get; } = new();

    /// <summary>How far from its position an actor will still accept, on a topic of salience <paramref name="salience"/>.</summary>
    public double Window(double salience) => WindowMin + WindowSpan * (1 - salience);
}
