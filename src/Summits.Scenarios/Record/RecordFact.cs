using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Scenarios;

/// <summary>
/// One dated fact of what happened after a summit: what happened (in the record's own words), the topic
/// of the world it bears on, what it implies there and why, and the sources it rests on.
/// </summary>
/// <param name="Date">When it was signed, decided or held.</param>
/// <param name="InForce">When it came into force, for an agreement that did; null otherwise.</param>
/// <param name="Line">The line of the record file where the fact starts.</param>
public sealed record RecordFact(
    string Id,
    DateOnly Date,
    DateOnly? InForce,
    string Topic,
    string What,
    Implication Implies,
    string Why,
    ImmutableArray<Citation> Sources,
    int Line)
{
    /// <summary>A date as the record writes it: 2018-03-08.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
