namespace Summits.Model;

/// <summary>
/// The time-dependent concession tactics: at time τ in [0, 1] an actor has given up the share
/// f(τ) = τ^(1/e) of the way from its own position to the other side's.
/// </summary>
public static class Concession
{
    /// <param name="mirrored">For tit-for-tat: the share the other side conceded last.</param>
    public static double Share(Strategy strategy, double time, ModelParameters parameters, double mirrored = 0)
    {
        var t = Math.Clamp(time, 0, 1);
        return strategy switch
        {
            Strategy.Hardliner => 0,
            Strategy.Boulware => Math.Pow(t, 1 / parameters.BoulwareExponent),
            Strategy.Linear => t,
            Strategy.Conceder => Math.Pow(t, 1 / parameters.ConcederExponent),
            Strategy.TitForTat => Math.Clamp(mirrored, 0, 1),
            _ => t,
        };
    }

    /// <summary>
    /// The value an actor at <paramref name="position"/> offers when it concedes the given share toward
    /// <paramref name="target"/>, never beyond its own window: an actor does not offer what it would itself refuse.
    /// </summary>
    public static double Offer(double position, double target, double share, double window) =>
        Math.Clamp(position + Math.Clamp(share * (target - position), -window, window), ScaleValue.Min, ScaleValue.Max);
}
