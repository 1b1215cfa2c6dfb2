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

    /// <summary>
    /// Alternatives are joined as a list is, with "or" in place of "and" before the last and no comma before it: by
    /// hand, the engines one may choose read "grains or local", and the step kinds "propose, respond, shock, rounds
    /// or expect".
    /// </summary>
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "table" }, "table")]
    [InlineData(new[] { "grains", "local" }, "grains or local")]
    [InlineData(new[] { "propose", "respond", "shock", "rounds", "expect" }, "propose, respond, shock, rounds or expect")]
    public void Alternatives_have_or_before_their_last(string[] items, string expected) =>
        Assert.Equal(expected, Listed.Or(items));

    /// <summary>Alternatives given lazily are read once, in their order.</summary>
    [Fact]
    public void Lazy_alternatives_are_joined_in_their_order()
    {
        var reads = 0;
        IEnumerable<string> Items()
        {
            reads++;
            yield return "csv";
            yield return "json";
        }

        Assert.Equal("csv or json", Listed.Or(Items()));
        Assert.Equal(1, reads);
    }
}
