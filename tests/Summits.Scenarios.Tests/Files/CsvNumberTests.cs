using System.Globalization;

namespace Summits.Scenarios.Tests;

/// <summary><see cref="CsvNumber"/> writes a study's numbers with "R"'s digits, in plain decimals, never with an exponent.</summary>
public sealed class CsvNumberTests
{
    [Theory]
    // "R" writes these with an exponent (below 1E-05 or from 1E+15); worked by hand, the exponent moves the point:
    // 1.23E-05 → 0.0000123 (four zeros after the point, then 123); -4E-07 → -0.0000004 (six zeros, then 4);
    // 1.2E-05 → 0.000012; 5E-05 → 0.00005; 1E+15 → 1 and 15 zeros; 1.5E+16 → 15 and 15 zeros.
    [InlineData(0.0000123, "0.0000123")]
    [InlineData(-0.0000004, "-0.0000004")]
    [InlineData(0.000012, "0.000012")]
    [InlineData(0.00005, "0.00005")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1.5e16, "15000000000000000")]
    // "R" writes these without an exponent already, and they are left as it writes them.
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.942857, "0.942857")]
    [InlineData(-0.1043, "-0.1043")]
    [InlineData(50.0, "50")]
    [InlineData(0.0, "0")]
    [InlineData(0.6096657120978346, "0.6096657120978346")]
    public void A_number_is_written_in_plain_decimals(double value, string expected)
    {
        Assert.Equal(expected, CsvNumber.Of(value));
        using var text = new StringWriter();
        CsvNumber.Write(text, value, stackalloc char[32]);
        Assert.Equal(expected, text.ToString());
    }

    [Fact]
    public void The_smallest_double_is_written_out_whole_and_reads_back_the_same()
    {
        // double.Epsilon is 4.9406564584124654E-324, which "R" writes as 5E-324: the point moves 324 places left,
        // so 323 zeros after "0." and then the 5.
        var text = CsvNumber.Of(double.Epsilon);
        Assert.Equal("0." + new string('0', 323) + "5", text);
        Assert.Equal(double.Epsilon, double.Parse(text, CultureInfo.InvariantCulture));
    }
}
