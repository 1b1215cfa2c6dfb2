namespace Summits.Scenarios.Tests;

/// <summary><see cref="CsvLine"/> writes a line as RFC 4180 (section 2) says: a cell is quoted only where it holds a comma, a quote or a line break, and a quote inside a quoted cell is doubled.</summary>
public sealed class CsvLineTests
{
    [Theory]
    // Worked by hand from RFC 4180, rules 4, 6 and 7: cells joined by commas; a cell with ',', '"', CR or LF enclosed
    // in quotes; each '"' inside written '""'. Nothing else is quoted, spaces and empty cells included.
    [InlineData(new[] { "a", "b", "c" }, "a,b,c")]
    // a "b" → its two quotes doubled, a ""b"", then enclosed: "a ""b""" (ending in the doubled quote and the closing one).
    [InlineData(new[] { "a \"b\"" }, "\"a \"\"b\"\"\"")]
    [InlineData(new[] { "x,y", "z" }, "\"x,y\",z")]
    // A line break stays inside the quotes, so the line written holds it: "one\ntwo" then the next cell.
    [InlineData(new[] { "one\ntwo", "z" }, "\"one\ntwo\",z")]
    [InlineData(new[] { "one\r\ntwo" }, "\"one\r\ntwo\"")]
    [InlineData(new[] { " a ", "", "" }, " a ,,")]
    [InlineData(new[] { "\"" }, "\"\"\"\"")]
    [InlineData(new string[0], "")]
    public void A_cell_is_quoted_only_where_it_must_be_and_its_quotes_are_doubled(string[] cells, string expected) =>
        Assert.Equal(expected, CsvLine.Of(cells));
}
