using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// Resolves the ways a readout names a leader to one short name: "Prime Minister Shinzo Abe", "Abe",
/// "The Prime Minister" and "PM Abe" are all <c>Abe</c>. A leader's short name is the word of the
/// full name the readout also uses alone ("Chinese leader Xi Jinping" beside "President Xi" gives
/// <c>Xi</c>), else its last word; a title alone stands for the one leader the readout names with that
/// title, or, when it names nobody with it, for itself ("The Prime Minister" becomes <c>Prime Minister</c>).
/// </summary>
public sealed partial class LeaderNames
{
    private const string Title =
        @"(?:(?:Deputy|Vice|Acting|Former|Crown|First) )?(?:Prime Minister|President|Chancellor|Premier|General Secretary|Secretary[- ]General|Secretary of State|Foreign Minister|Minister|Secretary|King|Queen|Emperor|Prince|Chairman|Governor|Senator|Ambassador|Taoiseach|Emir|Sultan|Sheikh|leader|Mr\.|Mrs\.|Ms\.|Dr\.|PM)(?![\p{L}])";

    private const string NameWord = @"(?:[A-Z]\.|[A-Z](?:\p{L}|[’'-](?=\p{Lu}))+)";

    private const string Name = NameWord + "(?: " + NameWord + "){0,3}(?:,? (?:Jr|Sr)\\.)?";

    /// <summary>A country or demonym before a title: "Chinese leader", "U.S. President", "South Korean President".</summary>
    private const string Qualifier = @"(?:(?:[A-Z][\p{L}.]*|U\.S\.|U\.K\.) ){1,2}(?=" + Title + ")";

    /// <summary>One way of naming a leader: with or without "the", a qualifier, a title, a name.</summary>
    public const string Mention = "(?<![\\p{L}])(?:(?:[Tt]he )?(?:" + Qualifier + ")??(?<title>" + Title + ")(?: (?<name>" + Name + "))?|(?<name>" + Name + "))";

    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "Note", "Notes", "Source", "Sources", "Date", "Time", "Place", "Location", "Subject", "Summary", "Background", "Update", "Readout", "Q", "A",
    };

    private readonly string _text;
    private readonly Dictionary<string, HashSet<string>> _byTitle = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shortNames = new(StringComparer.Ordinal);

    /// <summary>Learns from the whole text which names go with which titles.</summary>
    public LeaderNames(string text)
    {
        _text = text;
        foreach (Match match in TitledName().Matches(text))
            Learn(match.Groups["title"].Value, match.Groups["name"].Value);
    }

    /// <summary>Adds a name seen without a title, such as the speaker of a line <c>Abe: ...</c>.</summary>
    public void Learn(string title, string name)
    {
        if (name.Length == 0)
            return;
        var shortName = ShortName(name);
        _known.Add(shortName);
        if (title.Length > 0)
        {
            var key = Normal(title);
            if (!_byTitle.TryGetValue(key, out var names))
                _byTitle[key] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(shortName);
        }
    }

    /// <summary>The short name of a mention, or null if it names no leader the text knows (or several).</summary>
    /// <param name="mention">Text that matches <see cref="Mention"/> as a whole.</param>
    /// <param name="learn">Whether a titled name not seen before may be learnt (a speaker's own label may; a passing capitalised word may not).</param>
    public string? Resolve(string mention, bool learn = false)
    {
        var match = WholeMention().Match(mention);
        if (!match.Success)
            return null;
        var title = match.Groups["title"].Value;
        var name = match.Groups["name"].Value;
        if (name.Length > 0)
        {
            if (NotSpeakers.Contains(name))
                return null;
            var shortName = ShortName(name);
            if (_known.Contains(shortName))
                return shortName;
            if (!learn && title.Length == 0)
                return null;
            Learn(title, name);
            return shortName;
        }
        var key = Normal(title);
        if (char.IsLower(key[0]) || key is "Mr." or "Mrs." or "Ms." or "Dr.")
            return null;
        if (!_byTitle.TryGetValue(key, out var named) || named.Count == 0)
            return key;
        return named.Count == 1 ? named.First() : null;
    }

    /// <summary>A list of mentions joined by commas and "and", each resolved, or null if any fails or one repeats.</summary>
    public IReadOnlyList<string>? ResolveAll(string mentions, bool learn = false)
    {
        var parts = Joiner().Split(mentions);
        var names = new List<string>();
        foreach (var part in parts)
        {
            if (part.Length == 0)
                continue;
            if (Resolve(part, learn) is not { } name || names.Contains(name))
                return null;
            names.Add(name);
        }
        return names.Count > 0 ? names : null;
    }

    /// <summary>The word of a full name that stands for it: the one the text uses alone most often, else the last.</summary>
    public string ShortName(string name)
    {
        if (_shortNames.TryGetValue(name, out var known))
            return known;
        var words = name.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("Jr." or "Sr.") && !(w.Length == 2 && w[1] == '.'))
            .ToArray();
        var shortName = words.Length == 0 ? name : words[^1];
        if (words.Length > 1)
        {
            var rest = _text.Replace(name, " ", StringComparison.Ordinal);
            var best = 0;
            foreach (var word in words)
            {
                var alone = Regex.Count(rest, $@"(?<![\p{{L}}]){Regex.Escape(word)}(?![\p{{L}}])");
                if (alone > best)
                {
                    best = alone;
                    shortName = word;
                }
            }
        }
        _shortNames[name] = shortName;
        return shortName;
    }

    private static string Normal(string title) => title == "PM" ? "Prime Minister" : title.Replace('-', ' ');

    [GeneratedRegex("(?<![\\p{L}])(?:" + Qualifier + ")??(?<title>" + Title + ") (?<name>" + Name + ")")]
    private static partial Regex TitledName();

    [GeneratedRegex("^" + Mention + "$")]
    private static partial Regex WholeMention();

    [GeneratedRegex(@", and |, (?!(?:Jr|Sr)\.)| and | & ")]
    private static partial Regex Joiner();
}
