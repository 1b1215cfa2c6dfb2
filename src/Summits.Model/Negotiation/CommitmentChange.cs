namespace Summits.Model;

/// <summary>An agreement's new status and what caused it.</summary>
[GenerateSerializer, Immutable, Alias("summits.commitment-change")]
public sealed record CommitmentChange([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] string Actor, [Id(3)] AgreementStatus Status, [Id(4)] string Cause, [Id(5)] string Why);

/// <summary>
/// How far a party stands from an agreed value, in the words a <see cref="CommitmentChange"/> gives as its reason:
/// <c>US now at 65.05, 27.95 from the agreed 93 (window 9.5)</c>. Every number is taken at two decimals, half away
/// from zero, the way a debrief's path of positions shows it, or at as many more (up to four, <see cref="Figures"/>)
/// as it takes for the distance shown to lie on the same side of the window and of the breach distance
/// (<see cref="ModelParameters.BreachFactor"/> windows) as the true one: <c>US now at 74.998, 19.002 from the agreed
/// 94 (window 9.5)</c>, where the rule breaches beyond 19. The distance is the difference of the two values as shown,
/// so the line can be checked by hand against the path (93 − 65.05 = 27.95), whatever digits lie beyond.
/// </summary>
public static class CommitmentWords
{
    /// <summary>The words: <paramref name="lead"/> (such as <c>US now at</c>), the value, its distance from the agreed value, and the window.</summary>
    /// <param name="lead">What stands at <paramref name="value"/>: <c>JP now at</c>, <c>JP moved to</c>, <c>US proposed</c>.</param>
    /// <param name="value">The position or proposed term, on the 0–100 scale.</param>
    /// <param name="agreed">The agreed value, on the 0–100 scale.</param>
    /// <param name="window">The party's window on the topic, in points (<see cref="ModelParameters.Window"/>).</param>
    /// <param name="breachFactor">The windows beyond which the agreement breaches (<see cref="ModelParameters.BreachFactor"/>).</param>
    public static string Distance(string lead, double value, double agreed, double window, double breachFactor = 2)
    {
        var distance = Math.Abs(value - agreed);
        double Shown(int decimals) => Figures.Round(Math.Abs(Figures.Round(value, decimals) - Figures.Round(agreed, decimals)), decimals);
        var at = Figures.Decimals(decimals => Figures.SameSide(distance, Shown(decimals), decimals, window, breachFactor * window));
        return $"{lead} {Figures.Text(value, at)}, {Figures.Text(Shown(at), at)} from the agreed {Figures.Text(agreed, at)} (window {Figures.Text(window, at)})";
    }

    /// <summary>
    /// The numbers of words that <see cref="Distance"/> made, after the agreement's id and its colon or without them:
    /// the value, its distance, the agreed value and the window, each as the words show it; null when the words are
    /// not of that form.
    /// </summary>
    public static Strayed? Read(string words)
    {
        var m = System.Text.RegularExpressions.Regex.Match(words,
            @" (?<at>-?[\d.]+), (?<d>[\d.]+) from the agreed (?<agreed>-?[\d.]+) \(window (?<w>[\d.]+)\)$");
        double N(string group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return m.Success ? new Strayed(N("at"), N("d"), N("agreed"), N("w")) : null;
    }

    /// <summary>A value on the 0–100 scale, its distance from an agreed value, that value, and the party's window, in points.</summary>
    public sealed record Strayed(double Value, double Distance, double Agreed, double Window);
}
