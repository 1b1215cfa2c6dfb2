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

    /// <summary>
    /// A part of a whole count, the noun agreeing with the whole: "1 of 1 run", "0 of 1 run", "1 of 10 runs".
    /// </summary>
    /// <param name="part">How many of the whole, 0 or more.</param>
    /// <param name="whole">How many in all, 0 or more.</param>
    /// <param name="noun">The noun in the singular; its plural adds "s" unless <paramref name="plural"/> says otherwise.</param>
    /// <param name="plural">The plural, for a noun whose plural is not the singular and "s".</param>
    public static string PartOf(int part, int whole, string noun, string? plural = null) =>
        part.ToString(CultureInfo.InvariantCulture) + " of " + Of(whole, noun, plural);
}
