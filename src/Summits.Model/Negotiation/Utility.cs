namespace Summits.Model;

/// <summary>
/// The spatial utility of the model: salience-weighted closeness, with the curvature ρ of the actor's
/// utility curve. It is a value function, not a von Neumann–Morgenstern utility over lotteries: the model
/// evaluates no lottery, so ρ shapes how fast worth falls with distance and is no risk attitude.
/// </summary>
public static class Utility
{
    /// <summary>s · (1 − (|y − x| / 100)^ρ): the worth, 0..s, to an actor at <paramref name="position"/> (salience s,
    /// curvature ρ) of the value <paramref name="value"/>, both on the 0–100 scale.</summary>
    public static double Of(double position, double salience, double risk, double value)
    {
        var distance = Math.Abs(value - position) / 100;
        return salience * (1 - Power(distance, risk));
    }

    /// <summary>
    /// The worth of no deal (the BATNA's utility) to an actor at <paramref name="position"/> (salience s,
    /// curvature ρ): the worth of its reservation value, the one it states (<paramref name="stated"/>) or by
    /// default the edge of its window toward <paramref name="toward"/> clipped to the 0–100 scale
    /// (<see cref="Tactics.Reservation"/>). 0..s. For the default, s · (1 − (min(w, room) / 100)^ρ), with room the
    /// distance from the position to the end of the scale on the other party's side.
    /// </summary>
    public static double NoDeal(double position, double salience, double risk, double? stated, double toward, ModelParameters parameters) =>
        Of(position, salience, risk, Tactics.Reservation(position, salience, stated, toward, parameters));

    private static double Power(double x, double exponent) => exponent == 1 ? x : Math.Pow(x, exponent);
}
