namespace Summits.Model;

/// <summary>
/// Lists for text people read, joined as English joins them: "a", "a and b", "a, b and c" for all of the items, and
/// "a or b", "a, b or c" for alternatives.
/// </summary>
public static class Listed
{
    /// <summary>
    /// The items in their order, commas between all but the last two and "and" before the last: no item gives
    /// "", one gives itself, two give "a and b", three or more "a, b and c".
    /// </summary>
    /// <param name="items">The items, already spelled as they are to be shown; enumerated once.</param>
    public static string And(IEnumerable<string> items) => Joined(items, "and");

    /// <summary>
    /// The items in their order as alternatives, commas between all but the last two and "or" before the last: no
    /// item gives "", one gives itself, two give "a or b", three or more "a, b or c".
    /// </summary>
    /// <param name="items">The items, already spelled as they are to be shown; enumerated once.</param>
    public static string Or(IEnumerable<string> items) => Joined(items, "or");

    /// <summary>
    /// The choice among alternatives, to follow a verb ("expected …", "must be …"): "one of a, b or c" and "one of a or b"
    /// for two items or more (<see cref="Or"/>), the item itself for one ("expected ktab", not "expected one of ktab"),
    /// "" for none.
    /// </summary>
    /// <param name="items">The items, already spelled as they are to be shown; enumerated once.</param>
    public static string OneOf(IEnumerable<string> items)
    {
        var list = items as IReadOnlyList<string> ?? items.ToList();
        return list.Count < 2 ? Or(list) : $"one of {Or(list)}";
    }

    /// <summary>
    /// The first <paramref name="shown"/> items and a count of the rest, "a, b, c and 4 more", for a list that may be
    /// long; all of them, joined as <see cref="And"/> joins them, when there are no more than <paramref name="shown"/>.
    /// </summary>
    /// <param name="items">The items, already spelled as they are to be shown; enumerated once.</param>
    /// <param name="shown">How many items are named at most; at least 1.</param>
    public static string AndMore(IEnumerable<string> items, int shown)
    {
        var list = items as IReadOnlyList<string> ?? items.ToList();
        shown = Math.Max(1, shown);
        return list.Count <= shown ? And(list) : $"{string.Join(", ", list.Take(shown))} and {list.Count - shown} more";
    }

    private static string Joined(IEnumerable<string> items, string last)
    {
        var list = items as IReadOnlyList<string> ?? items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}",
        };
    }
}
