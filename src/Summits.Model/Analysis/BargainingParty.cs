using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// One party of a bargaining problem: its stake on each topic it holds a position on, and its risk
/// attitude ρ. Topics of the problem it holds no position on are worth nothing to it either way.
/// </summary>
/// <param name="Risk">The exponent ρ &gt; 0 of the party's utility curve (see <see cref="Utility.Of"/>).</param>
[GenerateSerializer, Immutable, Alias("summits.bargaining-party")]
public sealed record BargainingParty([Id(0)] string Actor, [Id(1)] double Risk, [Id(2)] ImmutableSortedDictionary<string, Stake> Stakes)
{
    /// <summary>The party's utility of terms <paramref name="terms"/>: Σₜ sₜ · (1 − (|yₜ − xₜ| / 100)^ρ) over its stakes.</summary>
    public double Utility(IReadOnlyDictionary<string, double> terms)
    {
        double sum = 0;
        foreach (var (topic, stake) in Stakes)
        {
            if (terms.TryGetValue(topic, out var value))
                sum += Model.Utility.Of(stake.Position, stake.Salience, Risk, value);
        }
        return sum;
    }

    /// <summary>The disagreement utility dᵢ = Σₜ Rₜ over the party's stakes on <paramref name="topics"/>: what it has if there is no deal.</summary>
    public double Disagreement(IEnumerable<string> topics) =>
        topics.Sum(t => Stakes.TryGetValue(t, out var stake) ? stake.Reservation : 0);

    /// <summary>True when no topic of <paramref name="topics"/> matters to the party: every outcome is worth the same to it.</summary>
    public bool IsIndifferent(IEnumerable<string> topics) =>
        topics.All(t => !Stakes.TryGetValue(t, out var stake) || stake.Salience <= 0);
}
