namespace Summits.Model;

/// <summary>An agreement's new status and what caused it.</summary>
[GenerateSerializer, Immutable, Alias("summits.commitment-change")]
public sealed record CommitmentChange([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] string Actor, [Id(3)] AgreementStatus Status, [Id(4)] string Cause, [Id(5)] string Why);

/// <summary>
/// How far a party stands from an agreed value, in the words a <see cref="CommitmentChange"/> gives as its reason:
/// <c>US now at 65.05, 27.95 from the agreed 93 (window 9.5)</c>. Every number is as written, to four decimals at
/// most (<see cref="Figures"/>), the way a debrief's path of positions shows it: <c>US now at 74.9968, 19.0032 from
/// the agreed 94 (window 9.5)</c>, where the rule breaches beyond 19. The distance is the difference of the two values
/// as shown, so the line can be checked by hand against the path (93 − 65.05 = 27.95), whatever digits lie beyond.
/// </summary>
public static class CommitmentWords
{
    /// <summary>The words: <paramref name="lead"/> (such as <c>US now at</c>), the value, its distance from the agreed value, and the window.</summary>
    /// <param name="lead">What stands at <paramref name="value"/>: <c>JP now at</c>, <c>JP moved to</c>, <c>US proposed</c>.</param>
    /// <param name="value">The position or proposed term, on the 0–100 scale.</param>
    /// <param name="agreed">The agreed value, on the 0–100 scale.</param>
    /// <param name="window">The party's window on the topic, in points (<see cref="ModelParameters.Window"/>).</param>
    public static string Distance(string lead, double value, double agreed, double window)
    {
        var distance = Figures.Shown(Math.Abs(Figures.Shown(value) - Figures.Shown(agreed)));
        return $"{lead} {Figures.Text(value)}, {Figures.Text(distance)} from the agreed {Figures.Text(agreed)} (window {Figures.Text(window)})";
    }

    /// <summary>
    /// What stands before the value in <see cref="Distance"/>: the party and <paramref name="how"/> it stands there
    /// (<c>US now at</c>, <c>JP moved to</c>, <c>JP proposed</c>); when another party has already strayed from the
    /// strained agreement and this one strays too, it says so: <c>US has strayed too, now at</c>. An agreement strained
    /// with no party strayed from it (one the world seeds as strained) tells its first strayer as the first:
    /// <c>US is the first to stray, now at</c>.
    /// </summary>
    /// <param name="to">The agreement's status the change brings.</param>
    public static string Lead(string party, string how, Commitment commitment, AgreementStatus to) =>
        commitment.Status != AgreementStatus.Strained || to != AgreementStatus.Strained ? $"{party} {how}"
        : commitment.AnotherStrayed ? $"{party} has strayed too, {how}"
        : $"{party} is the first to stray, {how}";

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
