namespace Summits.Model.Tests;

public sealed class ListedTests
{
    /// <summary>
    /// English joins a list with commas and puts "and" before its last item, with no comma before it: by hand,
    /// the three signals of the undelivered-telemetry notice read "spans, metric points and log records".
    /// </summary>
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "spans" }, "spans")]
    [InlineData(new[] { "spans", "log records" }, "spans and log records")]
    [InlineData(new[] { "spans", "metric points", "log records" }, "spans, metric points and log records")]
    [InlineData(new[] { "A", "B", "C", "D" }, "A, B, C and D")]
    public void A_list_has_and_before_its_last_item(string[] items, string expected) =>
        Assert.Equal(expected, Listed.And(items));

    /// <summary>A list given lazily is read once, in its order.</summary>
    [Fact]
    public void A_lazy_list_is_joined_in_its_order()
    {
        var reads = 0;
        IEnumerable<string> Items()
        {
            reads++;
            yield return "press-fta";
            yield return "offer-package";
        }

        Assert.Equal("press-fta and offer-package", Listed.And(Items()));
        Assert.Equal(1, reads);
    }
}
