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

    /// <summary>The worth of no deal at the default reservation point: as good as terms at the edge of the actor's window.</summary>
    public static double NoDeal(double salience, double risk, ModelParameters parameters) =>
        salience * (1 - Power(Math.Min(parameters.Window(salience), 100) / 100, risk));

    private static double Power(double x, double exponent) => exponent == 1 ? x : Math.Pow(x, exponent);
}
