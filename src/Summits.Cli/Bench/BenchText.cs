using System.Globalization;

namespace Summits.Cli.Bench;

/// <summary>Numbers in the bench's words are written the same on every machine.</summary>
public static class BenchText
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
