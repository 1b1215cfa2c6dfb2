using Summits.Cli.Output;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>--format csv</c> with several tables sets each apart from the next by a blank line, and an output of several
/// parts (a fork's branches) sets the parts apart the same way.
/// </summary>
public sealed class CsvSectionsTests
{
    [Fact]
    public void Two_parts_of_two_tables_each_have_a_blank_line_between_every_two_tables()
    {
        // Part a: "# branch a", then its two tables, each under "# NAME" with a blank line between them. Part b comes
        // after a blank line, as a table after the one before it does, then "# branch b" and its tables. A Windows line
        // ending in a table's text is written as "\n", as every line is.
        var output = new StringWriter();
        CsvSections.WritePart(output, "branch a", first: true, [("x.csv", "k,v\n1,2\n"), ("y.csv", "k\r\n3\r\n")]);
        CsvSections.WritePart(output, "branch b", first: false, [("x.csv", "k,v\n4,5\n"), ("y.csv", "k\n6\n")]);

        Assert.Equal(
            "# branch a\n# x.csv\nk,v\n1,2\n\n# y.csv\nk\n3\n"
            + "\n"
            + "# branch b\n# x.csv\nk,v\n4,5\n\n# y.csv\nk\n6\n",
            output.ToString());
    }

    [Fact]
    public void A_part_of_one_table_gives_it_under_the_part_line_alone()
    {
        // One table has no "# NAME" line of its own (Write prints it bare): the part's line alone names it.
        var output = new StringWriter();
        CsvSections.WritePart(output, "branch a", first: true, [("x.csv", "k\n1\n")]);
        CsvSections.WritePart(output, "branch b", first: false, [("x.csv", "k\n2\n")]);

        Assert.Equal("# branch a\nk\n1\n\n# branch b\nk\n2\n", output.ToString());
    }
}
