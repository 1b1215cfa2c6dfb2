using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>A bargaining analysis's words for a tie over a continuum.</summary>
public sealed class BargainingAnalysisTests
{
    [Fact]
    public void A_tie_s_ranges_read_topic_by_topic_to_four_decimals()
    {
        // x from 30 to 70; y from 30.12644 (30.1264 at four decimals) to 69.99996 (70.0000, shown 70): joined by ", ".
        var range = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("x", new Interval(30, 70)), KeyValuePair.Create("y", new Interval(30.12644, 69.99996))]);
        Assert.Equal("x 30–70, y 30.1264–70", BargainingAnalysis.RangeText(range));
    }
}
