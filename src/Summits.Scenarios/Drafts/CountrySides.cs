using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// Resolves a readout's references to a country ("the Japanese side", "the U.S. side", "Japan", "the
/// United States", "the Chinese delegation") to the leader the readout names for that country, so that
/// "the Japanese side explained" is stated by the same actor as "Abe: ...".
/// </summary>
/// <remarks>
/// A country's leader is found, first, where the readout ties a leader to it in so many words: a country
/// before the title ("Chinese President Xi Jinping", "Japan's Prime Minister Kishida") or after the name
/// ("Prime Minister Keir Starmer of the United Kingdom"). Otherwise, for a country the readout speaks of as a
/// side or delegation, by the title its head holds: the one leader the readout names with that title
/// ("Prime Minister Shinzo Abe" for Japan), provided no other country the readout mentions has a head with
/// the same title and no country has already claimed that leader. A country with no leader found resolves
/// to nobody, and a sentence it is the subject of is reported rather than guessed.
/// </remarks>
public sealed partial class CountrySides
{
    /// <summary>A country: the patterns of its name and adjective, and the titles its head of state or government holds.</summary>
    private sealed record Country(string Name, string Nouns, string Adjectives, string[] Titles);

    private static readonly Country[] Countries =
    [
        new("Japan", "Japan", "Japanese", ["Prime Minister"]),
        new("the United States", @"United States(?: of America)?|U\.S\.A\.|U\.S\.|USA|US|America", @"American|U\.S\.|US", ["President"]),
        new("China", @"China|People[’']s Republic of China|PRC", "Chinese", ["President", "leader", "General Secretary"]),
        new("the United Kingdom", @"United Kingdom|U\.K\.|UK|Britain|Great Britain", @"British|U\.K\.|UK", ["Prime Minister"]),
        new("France", "France", "French", ["President"]),
        new("Germany", "Germany", "German", ["Chancellor"]),
        new("Russia", "Russia|Russian Federation", "Russian", ["President"]),
        new("South Korea", "South Korea|Republic of Korea|ROK", "South Korean|Korean", ["President"]),
        new("North Korea", "North Korea|DPRK", "North Korean", ["Chairman", "leader", "General Secretary"]),
        new("India", "India", "Indian", ["Prime Minister"]),
        new("Canada", "Canada", "Canadian", ["Prime Minister"]),
        new("Australia", "Australia", "Australian", ["Prime Minister"]),
        new("Italy", "Italy", "Italian", ["Prime Minister"]),
    ];

    /// <summary>Every country's name as a pattern, for "President Yoon Suk Yeol of South Korea".</summary>
    public const string CountryNouns = Nouns;

    /// <summary>The country a name or adjective names ("Chinese", "the United Kingdom" without "the"), or null.</summary>
    public static string? CountryOf(string word) => Of(word)?.Name;

    private const string Nouns =
        @"United States(?: of America)?|U\.S\.A\.|U\.S\.|USA|US|America|Japan|China|People[’']s Republic of China|PRC|United Kingdom|U\.K\.|UK|Great Britain|Britain|France|Germany|Russian Federation|Russia|South Korea|Republic of Korea|ROK|North Korea|DPRK|India|Canada|Australia|Italy";

    private const string Adjectives =
        @"Japanese|American|Chinese|British|French|German|Russian|South Korean|North Korean|Korean|Indian|Canadian|Australian|Italian";

    /// <summary>One reference to a country as a party: "the Japanese side", "the U.S. delegation", "Japan", "the United States".</summary>
    public const string Mention =
        @"(?<![\p{L}])(?:[Tt]he )?(?:(?:" + Adjectives + "|" + Nouns + @") (?:side|delegation|government)|(?:" + Nouns + @")(?![\p{L}.’'-]))";

    private readonly Dictionary<string, string> _leaders = new(StringComparer.Ordinal);

    /// <summary>Finds in the whole text which leader stands for which country.</summary>
    public CountrySides(string text, LeaderNames names)
    {
        foreach (Match tie in CountryBeforeLeader().Matches(text))
            Tie(Of(tie.Groups["country"].Value), names.Resolve(tie.Groups["leader"].Value));
        foreach (Match tie in LeaderOfCountry().Matches(text))
            Tie(Of(tie.Groups["country"].Value), names.Resolve(tie.Groups["leader"].Value));

        // Countries at the table: those tied to a leader, and those the readout calls a side or delegation.
        // A title links a country to a leader only when no other country the readout mentions, and has not
        // tied to a leader, has a head with the same title ("President" in a readout that speaks of the
        // United States and China links neither).
        var atTable = new HashSet<Country>(Countries.Where(c => _leaders.ContainsKey(c.Name)));
        foreach (Match side in SideOrDelegation().Matches(text))
        {
            if (Of(side.Groups["country"].Value) is { } country)
                atTable.Add(country);
        }
        var mentioned = new HashSet<Country>();
        foreach (Match any in AnyCountry().Matches(text))
        {
            if (Of(any.Value) is { } country)
                mentioned.Add(country);
        }
        foreach (var country in atTable.Where(c => !_leaders.ContainsKey(c.Name)).ToList())
        {
            var shared = mentioned.Any(other => other != country && !_leaders.ContainsKey(other.Name) && other.Titles.Intersect(country.Titles).Any());
            if (shared)
                continue;
            var leader = country.Titles.Select(title => names.Resolve(title)).FirstOrDefault(l => l is not null);
            if (leader is not null && !_leaders.ContainsValue(leader))
                _leaders[country.Name] = leader;
        }
    }

    /// <summary>The leader who speaks for the country a mention refers to, or null when the readout names none.</summary>
    /// <param name="mention">Text that matches <see cref="Mention"/> as a whole.</param>
    public string? Resolve(string mention)
    {
        var match = WholeMention().Match(mention);
        if (!match.Success)
            return null;
        var country = Of(match.Groups["country"].Value);
        return country is not null && _leaders.TryGetValue(country.Name, out var leader) ? leader : null;
    }

    /// <summary>
    /// Mentions joined by commas and "and" ("Japan and the United States"), each resolved; or, when one has
    /// no leader, null and the country it names, for the reason a sentence is not drafted.
    /// </summary>
    public (IReadOnlyList<string>? Leaders, string? Unresolved) ResolveAll(string mentions)
    {
        var leaders = new List<string>();
        foreach (var part in Joiner().Split(mentions))
        {
            if (part.Length == 0)
                continue;
            if (Resolve(part) is not { } leader)
                return (null, Of(WholeMention().Match(part).Groups["country"].Value)?.Name ?? part);
            if (!leaders.Contains(leader))
                leaders.Add(leader);
        }
        return (leaders, null);
    }

    private void Tie(Country? country, string? leader)
    {
        if (country is not null && leader is not null)
            _leaders.TryAdd(country.Name, leader);
    }

    /// <summary>
    /// A label that names countries ("Japan", "The United States", "Japan and the United States"): the leaders who
    /// speak for them, or the first country no leader speaks for; null when the label names no country.
    /// </summary>
    public (IReadOnlyList<string>? Leaders, string? Unresolved)? OfLabel(string label) =>
        CountryList().IsMatch(label) ? ResolveAll(label) : null;

    private static Country? Of(string word) =>
        Countries.FirstOrDefault(c => Regex.IsMatch(word, $"^(?:{c.Nouns}|{c.Adjectives})$", RegexOptions.CultureInvariant));

    private const string Leader = "(?<leader>" + LeaderTitle + " " + LeaderName + ")";

    private const string LeaderTitle = "(?:Prime Minister|President|Chancellor|Premier|General Secretary|Chairman|leader)";

    private const string LeaderName = LeaderNames.Name;

    [GeneratedRegex(@"(?<![\p{L}])(?<country>" + Adjectives + "|" + Nouns + @")(?:[’']s)? " + Leader)]
    private static partial Regex CountryBeforeLeader();

    [GeneratedRegex(Leader + @" of (?:the )?(?<country>" + Nouns + @")(?![\p{L}])")]
    private static partial Regex LeaderOfCountry();

    [GeneratedRegex(@"(?<![\p{L}])(?<country>" + Adjectives + "|" + Nouns + @") (?:side|delegation)\b")]
    private static partial Regex SideOrDelegation();

    [GeneratedRegex(@"(?<![\p{L}])(?:" + Adjectives + "|" + Nouns + @")(?![\p{L}])")]
    private static partial Regex AnyCountry();

    [GeneratedRegex(@", and |, | and | & ")]
    private static partial Regex Joiner();

    [GeneratedRegex("^" + Mention + "(?:(?:, and |, | and | & )" + Mention + ")*$")]
    private static partial Regex CountryList();

    [GeneratedRegex(@"^(?:[Tt]he )?(?:(?<country>" + Adjectives + "|" + Nouns + @") (?:side|delegation|government)|(?<country>" + Nouns + "))$")]
    private static partial Regex WholeMention();
}
