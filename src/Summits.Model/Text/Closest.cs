namespace Summits.Model;

/// <summary>
/// The one order in which Summits lists what a mistyped name could have meant (files, keys, topics, actors,
/// commands, options, choices): first the names the typed stem stands for, then the rest, each group closest first.
/// A name stands for the stem when, letters compared without regard to case and leading dashes set aside, it starts
/// with the stem, contains it, or the initials of its words (split at '-', '_', '.', spaces and the like) begin with
/// it: "nk" stands for north-korea-line (n-k-l), "abe" for abe-trump. A stem of fewer than two letters or digits
/// stands for nothing, so that one letter does not favour every name that has it. Within each group the names are
/// ordered by <see cref="EditDistance.Between"/> (fewest edits first), then as they were given.
/// </summary>
public static class Closest
{
    /// <summary>
    /// <paramref name="names"/> in the order above for <paramref name="typed"/>; ties keep the given order.
    /// </summary>
    /// <param name="stem">
    /// What of a name is compared as its stem, for the typed name and each candidate alike: a file's name without its
    /// extension (<see cref="Path.GetFileNameWithoutExtension(string)"/>), say. Null for the whole name.
    /// </param>
    /// <param name="ignoreCase">Whether the edits are counted without regard to case (the stem is always compared so).</param>
    public static IEnumerable<string> Order(string typed, IEnumerable<string> names, Func<string, string>? stem = null, bool ignoreCase = false)
    {
        stem ??= n => n;
        var typedStem = stem(typed);
        var edited = ignoreCase ? typed.ToLowerInvariant() : typed;
        return names.Select((n, i) => (Name: n, Index: i))
            .OrderBy(x => StandsFor(typedStem, stem(x.Name)) ? 0 : 1)
            .ThenBy(x => EditDistance.Between(edited, ignoreCase ? x.Name.ToLowerInvariant() : x.Name))
            .ThenBy(x => x.Index)
            .Select(x => x.Name);
    }

    /// <summary>
    /// Whether <paramref name="name"/> stands for the typed <paramref name="stem"/>: it starts with it or contains it,
    /// or its words' initials begin with it, without regard to case or leading dashes; never for a stem of fewer than
    /// two letters or digits.
    /// </summary>
    public static bool StandsFor(string stem, string name)
    {
        var (s, n) = (stem.TrimStart('-').ToLowerInvariant(), name.TrimStart('-').ToLowerInvariant());
        if (s.Count(char.IsLetterOrDigit) < 2)
            return false;
        if (n.Contains(s, StringComparison.Ordinal))
            return true;
        var initials = string.Concat(n.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]));
        return initials.StartsWith(s, StringComparison.Ordinal);
    }

    /// <summary>
    /// The one name a mistyped <paramref name="typed"/> most likely meant, or null when none is near: among the names it
    /// stands for (<see cref="StandsFor"/>: 'anal' for 'analyze', 'tab' for 'table') and those within reach by
    /// <see cref="EditDistance.Between"/> (a swap of two neighbouring letters is one edit), letters compared without
    /// regard to case, within half the typed length (at least 2: 'rn' is one from 'run', 'JPP' one from 'JP') and nearer
    /// than the typed name is long (a '7' is one edit from any one-character name, and names none of them), the typed
    /// length counted without an option's leading dashes ('--seed' is 4 long, so '--help', 3 edits away, is not near),
    /// the first in the order of <see cref="Order"/>. Used for commands, options, choices, and actors, topics and event
    /// kinds in files alike.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        var length = typed.TrimStart('-').Length;
        var near = names.Where(n => StandsFor(typed, n)
            || EditDistance.Between(typed.ToLowerInvariant(), n.ToLowerInvariant()) is var distance && distance <= Math.Max(2, length / 2) && distance < length);
        return Order(typed, near, ignoreCase: true).FirstOrDefault();
    }

    /// <summary>
    /// " (did you mean 'NAME'?)" for the name <see cref="Nearest"/> finds for <paramref name="typed"/>, or "" when none
    /// is near, to follow the words that refuse it: <c>unknown actor 'JPP' (did you mean 'JP'?); known actors: …</c>.
    /// </summary>
    public static string DidYouMean(string typed, IEnumerable<string> names) =>
        Nearest(typed, names) is { } near ? $" (did you mean '{near}'?)" : "";

    private static readonly char[] Separators = ['-', '_', '.', ' ', '/', '~', '+'];
}
