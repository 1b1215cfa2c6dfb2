namespace Summits.Cli.Tests;

/// <summary>The tests' own CSV reader (<see cref="CsvRecords"/>), checked on text worked by hand from RFC 4180.</summary>
public sealed class CsvRecordsTests
{
    [Fact]
    public void Quotes_commas_and_line_breaks_inside_a_quoted_cell_belong_to_the_cell()
    {
        // Three lines of text, two records: "a", then 'b "c"' (its quotes doubled), then "d,e" with a line break inside
        // (so the record goes on to the third line), then an empty cell; and "x" with two empty cells after it.
        const string text = "a,\"b \"\"c\"\"\",\"d,\ne\",\nx,,\n";

        var records = CsvRecords.Of(text);

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b \"c\"", "d,\ne", ""], records[0]);
        Assert.Equal(["x", "", ""], records[1]);
    }

    [Theory]
    [InlineData("\"open")]
    [InlineData("\"a\"b,c")]
    public void A_quote_left_open_or_text_after_a_closing_quote_is_refused(string text) =>
        Assert.Throws<FormatException>(() => CsvRecords.Of(text));
}
