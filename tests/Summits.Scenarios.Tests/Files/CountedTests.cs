namespace Summits.Scenarios.Tests;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "topic", null, "0 topics")]
    [InlineData(1, "topic", null, "1 topic")]
    [InlineData(2, "topic", null, "2 topics")]
    [InlineData(1, "dimension", null, "1 dimension")]
    [InlineData(1000, "actor", null, "1000 actors")]
    [InlineData(3, "party", "parties", "3 parties")]
    [InlineData(1, "party", "parties", "1 party")]
    public void A_count_takes_the_singular_only_for_one(int count, string noun, string? plural, string expected) =>
        Assert.Equal(expected, Counted.Of(count, noun, plural));
}
