using System.Globalization;

namespace Summits.Scenarios;

/// <summary>A count with its noun in the right number, for text people read: "1 topic", "2 topics", "0 agreements".</summary>
public static class Counted
{
    /// <param name="count">How many, 0 or more.</param>
    /// <param name="noun">The noun in the singular; its plural adds "s" unless <paramref name="plural"/> says otherwise.</param>
    /// <param name="plural">The plural, for a noun whose plural is not the singular and "s".</param>
    public static string Of(int count, string noun, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
