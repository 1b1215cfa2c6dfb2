using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// Resolves the ways a readout names a leader to one short name: "Prime Minister Shinzo Abe", "Abe",
/// "The Prime Minister" and "PM Abe" are all <c>Abe</c>. A leader's short name is the word of the
/// full name the readout also uses alone ("Chinese leader Xi Jinping" beside "President Xi" gives
/// <c>Xi</c>); else, for a leader the readout ties to a country whose names put the family name first
/// (China, South Korea, North Korea: "Chinese leader Xi Jinping", "President Yoon Suk Yeol of South Korea"),
/// its first word; else its last word, and when the readout ties the leader to no country at all that
/// choice is a guess the draft flags (<see cref="Note"/>). A title alone stands for the one leader the
/// readout names with that title, or, when it names nobody with it, for the title itself
/// ("The Prime Minister" gives <c>Prime Minister</c>; "The Trade Secretary", the whole office, <c>Trade Secretary</c>),
/// which <see cref="IsTitleOnly"/> marks as a leader
/// the readout never names, for the draft to flag rather than take as a name.
/// </summary>
public sealed partial class LeaderNames
{
    private const string Title =
        @"(?:(?:Deputy|Vice|Acting|Former|Crown|First) )?(?:Prime Minister|President|Chancellor|Premier|General Secretary|Secretary[- ]General|Secretary of State|Foreign Minister|Minister|Secretary|King|Queen|Emperor|Prince|Chairman|Governor|Senator|Ambassador|Taoiseach|Emir|Sultan|Sheikh|leader|Mr\.|Mrs\.|Ms\.|Dr\.|PM)(?![\p{L}])";

    /// <summary>
    /// A word of a name: an initial ("R."), or a capitalised word that may hold an apostrophe before a capital
    /// ("O'Brien") or hyphens ("Jae-in", "Jean-Pierre"), or start with a particle joined by a hyphen ("el-Sisi").
    /// </summary>
    private const string NameWord = @"(?:[A-Z]\.|(?:(?:al|el|ad)-)?\p{Lu}(?:\p{L}|[’'](?=\p{Lu})|-(?=\p{L}))+)";

    /// <summary>The small words that stand inside a name before a family name: "von der Leyen", "bin Salman", "da Silva".</summary>
    private const string Particle = "(?:al|el|bin|bint|ibn|da|de|del|della|der|den|di|dos|du|van|von|zu)";

    /// <summary>A full name: up to four name words, particles between them, and "Jr." or "Sr.".</summary>
    public const string Name = NameWord + "(?: (?:" + Particle + " ){0,2}" + NameWord + "){0,3}(?:,? (?:Jr|Sr)\\.)?";

    /// <summary>Honorifics a readout puts before a title or a name ("H.E. President Moon Jae-in", "His Excellency Moon Jae-in"): no part of the name.</summary>
    private const string Honorific =
        @"(?:(?:H\.\s?E\.|His Excellency|Her Excellency|His Majesty|Her Majesty|His Royal Highness|Her Royal Highness|(?:The )?(?:Right )?Honou?rable|Rt\.? Hon\.|Hon\.) )";

    /// <summary>
    /// A country or demonym before a title ("Chinese leader", "U.S. President", "South Korean President"), or a word of
    /// the office ("Trade Secretary"): as few words as leave a whole title after them, so that "Japanese Prime Minister"
    /// is "Japanese" and "Prime Minister", not "Japanese Prime" and "Minister".
    /// </summary>
    private const string Qualifier = @"(?:(?:[A-Z][\p{L}.]*|U\.S\.|U\.K\.) ){1,2}?(?=" + Title + ")";

    /// <summary>
    /// One way of naming a leader: with or without "the", a qualifier, a title, a name. The qualifier is a country's
    /// ("Chinese leader") or a part of the office ("Trade" in "The Trade Secretary", <see cref="Office"/>).
    /// </summary>
    public const string Mention = "(?<![\\p{L}])" + Honorific + "?(?:(?:[Tt]he )?(?<qualifier>" + Qualifier + ")??(?<title>" + Title + ")(?: (?<name>" + Name + "))?|(?<name>" + Name + "))";

    /// <summary>
    /// A leader's country after the mention, which describes the leader it follows: " of Japan" in "Prime Minister
    /// Kishida of Japan", " of the United States". A mention with it is the same leader as without.
    /// </summary>
    public const string OfCountry = @"(?: of (?:the )?(?:" + CountrySides.CountryNouns + @")(?![\p{L}]))";

    /// <summary>A title after a name, which describes the one it follows: "Prime Minister of India" in "Narendra Modi, Prime Minister of India".</summary>
    private const string Appositive = "^(?:[Tt]he )?(?:" + Title + ")(?: of (?:the )?(?:" + CountrySides.CountryNouns + @"|\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)*))?$";

    private static readonly HashSet<string> NotSpeakers = new(StringComparer.Ordinal)
    {
        "Note", "Notes", "Source", "Sources", "Date", "Time", "Place", "Location", "Subject", "Summary", "Background", "Update", "Readout",
        "Agenda", "Topic", "Topics", "Outcome", "Context", "Venue", "Duration",
    };

    /// <summary>The people a transcript labels who are not leaders: the one who chairs, interprets or asks.</summary>
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "Q", "A", "Question", "Answer", "Moderator", "Interpreter", "Translator", "Reporter", "Journalist", "Press", "Audience", "Narrator", "Participant", "Participants", "Attendees", "Host", "Chair", "MC",
    };

    /// <summary>Whether a label's text is a role a transcript labels (a moderator, an interpreter, "Q"), or a heading's word ("Note", "Date"), not a leader.</summary>
    public static bool IsRole(string label) => Roles.Contains(label);

    /// <summary>Whether a label's text is a heading's word ("Note", "Source", "Date"), not a name.</summary>
    public static bool IsHeadingWord(string label) => NotSpeakers.Contains(label);

    /// <summary>
    /// Whether a capitalised word of a label is a common word, not a name: the readout writes it in small letters
    /// elsewhere ("Security" beside "security"), as it never writes a name, or it is a word of a subject the draft
    /// sorts statements by ("Trade", "Economy", <see cref="SubjectLexicon"/>). Small words inside names ("of") are not.
    /// </summary>
    public bool IsCommonWord(string word)
    {
        word = word.TrimEnd(',');
        if (word.Length < 2 || !char.IsUpper(word[0]) || ParticleWord().IsMatch(word) || word is "and" or "&")
            return false;
        var lower = word.ToLowerInvariant();
        return Regex.IsMatch(_text, $@"(?<![\p{{L}}-]){Regex.Escape(lower)}(?![\p{{L}}-])")
            || SubjectLexicon.Subjects.Any(s => s.Score(word).Hits > 0);
    }

    /// <summary>
    /// The name a label's text gives when it is a name the readout gives no title to and no leader has (not a title,
    /// not a name known from a titled mention, an earlier label or the leaders known before reading), without the
    /// honorifics before it ("Rishi Sunak" for "The Right Honourable Rishi Sunak"); else null.
    /// </summary>
    public string? UntitledStranger(string label)
    {
        var match = WholeMention().Match(label);
        if (!match.Success || match.Groups["title"].Length > 0)
            return null;
        var name = match.Groups["name"].Value;
        // A known name after an initial ("K. Starmer" for the readout's Starmer) is that leader's.
        return _known.Contains(ShortNameIfKnown(name)) || Words(name) is [var alone] && _known.Contains(alone) || KnownInParticleCase(name) is not null || KnownInOtherCase(name) is not null ? null : name;
    }

    /// <summary>
    /// The known short name that a name stands for when the two differ only in the case of a particle, whether
    /// set apart by a space or joined by a hyphen: "Von der Leyen:" and "De Gaulle said" are the "von der Leyen" and
    /// "de Gaulle" the readout names, and "al-Sisi" is the "Al-Sisi" it names (and the other way round); null for
    /// any other name.
    /// </summary>
    private string? KnownInParticleCase(string name)
    {
        var folded = ParticleCaseFolded(name);
        return _known.FirstOrDefault(k => k != name && string.Equals(ParticleCaseFolded(k), folded, StringComparison.Ordinal));
    }

    /// <summary>A name with each particle in small letters, a particle being a word or a hyphenated word's part: "Al-Sisi" gives "al-Sisi", "Van Rompuy" "van Rompuy".</summary>
    private static string ParticleCaseFolded(string name) =>
        NamePart().Replace(name, part => ParticleWord().IsMatch(part.Value.ToLowerInvariant()) ? part.Value.ToLowerInvariant() : part.Value);

    [GeneratedRegex(@"[^\s-]+")]
    private static partial Regex NamePart();

    /// <summary>
    /// The known short name of several words that a name is in other capitals: "Von Der Leyen", "VON DER LEYEN" and
    /// "van Rompuy" are the "von der Leyen" and "Van Rompuy" the readout names; null for any other name. A one-word
    /// name is not matched so, as "TRUMP" in capitals is read by the label's own rule.
    /// </summary>
    private string? KnownInOtherCase(string name) =>
        name.Contains(' ') ? _known.FirstOrDefault(k => k.Contains(' ') && string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) : null;

    private string ShortNameIfKnown(string name) => _shortNames.TryGetValue(name, out var known) ? known : name;

    /// <summary>
    /// Whether a hyphenated word after <paramref name="family"/> is a Korean given name, with the family name before it
    /// ("Moon Jae-in", "Kim Jong-un", "Park Geun-hye", "Han Duck-soo"): the family name is one romanised Korean syllable
    /// and each of the given name's two parts is one (<see cref="KoreanSyllable"/>: "Moon", "Park", "Ahn", "Jae", "in",
    /// "myung", "Duck"). Case is ignored, so a label in capitals ("PARK GEUN-HYE") is read the same. "Mary Smith-Jones"
    /// is no such syllables ("Mary" ends in "ry", "Smith" starts with "sm", "Jones" ends in "es"), so its hyphenated
    /// word is a surname.
    /// </summary>
    public static bool IsKoreanGivenName(string family, string given)
    {
        var parts = given.Split('-');
        return parts.Length == 2 && KoreanSyllable().IsMatch(family) && parts.All(p => KoreanSyllable().IsMatch(p));
    }

    private readonly string _text;
    private readonly Dictionary<string, HashSet<string>> _byTitle = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shortNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fullNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _guessed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titlesAlone = new(StringComparer.Ordinal);

    /// <summary>The countries whose leaders' names put the family name first, by the names <see cref="CountrySides.CountryOf"/> gives.</summary>
    private static readonly HashSet<string> FamilyNameFirst = new(StringComparer.Ordinal) { "China", "South Korea", "North Korea" };

    /// <summary>Learns from the whole text which names go with which titles, and which countries the named leaders are tied to.</summary>
    public LeaderNames(string text)
    {
        _text = text;
        var titled = TitledName().Matches(text);
        // The countries first, so that a name's short form is chosen knowing its country wherever it is named.
        foreach (Match match in titled)
        {
            if (CountrySides.CountryOf(match.Groups["qualifier"].Value.Trim()) is { } country)
                _countries.TryAdd(match.Groups["name"].Value, country);
        }
        foreach (Match match in TitledNameOfCountry().Matches(text))
        {
            if (CountrySides.CountryOf(match.Groups["country"].Value) is { } country)
                _countries.TryAdd(match.Groups["name"].Value, country);
        }
        foreach (Match match in titled)
        {
            KnowsLeadersByTitle = true;
            var title = match.Groups["title"].Value;
            Learn(title, match.Groups["name"].Value);
            // "Trade Secretary Jane Doe": "The Trade Secretary" names her too, as "The Secretary" does.
            var office = Office(match.Groups["qualifier"].Value, title);
            if (office != Normal(title))
                Learn(office, match.Groups["name"].Value);
        }
    }

    /// <summary>
    /// The office a title names with the qualifier before it, as the readout writes it, a country's name or adjective
    /// before it left out: "Chinese leader" and "U.S. President" are <c>leader</c> and <c>President</c>; "The Trade
    /// Secretary", "The Defence Secretary" and "UK Trade Secretary" are <c>Trade Secretary</c>, <c>Defence Secretary</c>
    /// and <c>Trade Secretary</c>, so two offices that share a title are two leaders.
    /// </summary>
    private static string Office(string qualifier, string title)
    {
        var words = qualifier.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w == "The").ToArray();
        for (var n = words.Length; n >= 1; n--)
        {
            if (CountrySides.CountryOf(string.Join(' ', words[..n])) is not null)
            {
                words = words[n..];
                break;
            }
        }
        return words.Length == 0 ? Normal(title) : $"{string.Join(' ', words)} {Normal(title)}";
    }

    /// <summary>The name in full that the readout first gives a leader, by short name ("Joe Biden" for "Biden"); null for a name it does not know.</summary>
    public string? FullName(string shortName) => _fullNames.GetValueOrDefault(shortName);

    /// <summary>Whether a short name is a bare title ("Prime Minister") standing for a leader the readout never names.</summary>
    public bool IsTitleOnly(string shortName) => _titlesAlone.Contains(shortName) && !_known.Contains(shortName);

    /// <summary>
    /// What the user should check about a speaker's name, or null when nothing: a title the readout never
    /// attaches a name to, or a full name whose family name was guessed to be its last word.
    /// </summary>
    public string? Note(string shortName)
    {
        if (IsTitleOnly(shortName))
            return $"the readout calls this leader only 'the {shortName}' and never gives a name: name the leader and the country";
        if (_guessed.Contains(shortName) && _fullNames.TryGetValue(shortName, out var full))
            return $"named '{full}': '{shortName}', the last word, is taken as the family name, as the readout uses no word of the name alone and ties the leader to no country; if the family name comes first, it is '{full.Split(' ')[0]}'";
        return null;
    }

    /// <summary>
    /// Whether the readout's leaders are known apart from its labels: it names a leader with a title ("President
    /// Donald Trump", "Prime Minister Kishida of Japan"), or leaders were given before reading
    /// (<see cref="LearnLeader"/>). Then a label that names none of them is no leader.
    /// </summary>
    public bool KnowsLeadersByTitle { get; private set; }

    /// <summary>Adds a leader known before reading (a world's speaker, by short name), as <see cref="KnowsLeadersByTitle"/> counts one.</summary>
    public void LearnLeader(string name)
    {
        Learn("", name);
        KnowsLeadersByTitle |= name.Length > 0;
    }

    /// <summary>Adds a name seen without a title, such as the speaker of a line <c>Abe: ...</c>.</summary>
    public void Learn(string title, string name)
    {
        if (name.Length == 0)
            return;
        var shortName = ShortName(name);
        _known.Add(shortName);
        _fullNames.TryAdd(shortName, name);
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
        if (KnownInOtherCase(mention) is { } inOtherCase)
            return inOtherCase;
        var match = WholeMention().Match(mention);
        if (!match.Success)
            return null;
        var title = match.Groups["title"].Value;
        var name = match.Groups["name"].Value;
        // "Neither leader", "Each leader", "No leader": a word that counts leaders, not a country or an office.
        if (NoOne().IsMatch(match.Groups["qualifier"].Value))
            return null;
        if (name.Length > 0)
        {
            if (NotSpeakers.Contains(name) || Roles.Contains(name) || CountryInName().IsMatch(name))
                return null;
            if (KnownInOtherCase(name) is { } known)
                return known;
            var shortName = ShortName(name);
            if (_known.Contains(shortName))
                return shortName;
            if (KnownInParticleCase(name) is { } particled)
                return particled;
            if (!learn && title.Length == 0)
                return null;
            Learn(title, name);
            return shortName;
        }
        var key = Office(match.Groups["qualifier"].Value, title);
        if (char.IsLower(key[0]) || key is "Mr." or "Mrs." or "Ms." or "Dr.")
            return null;
        if (!_byTitle.TryGetValue(key, out var named) || named.Count == 0)
        {
            _titlesAlone.Add(key);
            return key;
        }
        return named.Count == 1 ? named.First() : null;
    }

    /// <summary>A list of mentions joined by commas and "and", each resolved, or null if any fails or one repeats.</summary>
    public IReadOnlyList<string>? ResolveAll(string mentions, bool learn = false)
    {
        var names = new List<string>();
        var at = 0;
        foreach (var joint in Joiner().Matches(mentions).Cast<Match?>().Append(null))
        {
            var end = joint?.Index ?? mentions.Length;
            // "Prime Minister Kishida of Japan": the country after a mention describes the same leader.
            var part = OfCountrySuffix().Replace(mentions[at..end], "");
            var comma = at > 0 && mentions[..at].EndsWith(", ", StringComparison.Ordinal);
            at = joint is null ? at : joint.Index + joint.Length;
            if (part.Length == 0)
                continue;
            // "Narendra Modi, Prime Minister of India": a title set after a name by a comma is the same leader's, while
            // "The Prime Minister and the President" are two.
            if (names.Count > 0 && comma && AppositiveTitle().IsMatch(part))
                continue;
            if (Resolve(part, learn) is not { } name || names.Contains(name))
                return null;
            names.Add(name);
        }
        return names.Count > 0 ? names : null;
    }

    /// <summary>
    /// The word of a full name that stands for it: the one the text uses alone most often; else the first for a
    /// leader tied to a country that puts the family name first; else the last.
    /// </summary>
    public string ShortName(string name)
    {
        if (_shortNames.TryGetValue(name, out var known))
            return known;
        var words = Words(name);
        var country = _countries.GetValueOrDefault(name);
        // A given name hyphenated with a small letter after the hyphen ("Jae-in", "Jong-un") is Korean: the family name comes first.
        var koreanGivenName = words.Length > 1 && KoreanGivenName().IsMatch(words[^1]) && IsKoreanGivenName(words[^2], words[^1]);
        var shortName = words.Length == 0 ? name : (country is not null && FamilyNameFirst.Contains(country)) || koreanGivenName ? words[0] : words[^1];
        if (words.Length > 1)
        {
            var rest = _text.Replace(name, " ", StringComparison.Ordinal);
            var best = 0;
            foreach (var word in words)
            {
                // "von der Leyen" is used alone as "Von der Leyen" too, at the start of a line or a sentence.
                var first = char.IsLower(word[0]) || word.Contains(' ') || ParticleWord().IsMatch(word.Split('-')[0].ToLowerInvariant()) ? $"[{char.ToUpperInvariant(word[0])}{char.ToLowerInvariant(word[0])}]" : Regex.Escape(word[..1]);
                var alone = Regex.Count(rest, $@"(?<![\p{{L}}]){first}{Regex.Escape(word[1..])}(?![\p{{L}}])");
                if (alone > best)
                {
                    best = alone;
                    shortName = word;
                }
            }
            if (best == 0 && country is null && !koreanGivenName)
                _guessed.Add(shortName);
        }
        _shortNames[name] = shortName;
        return shortName;
    }

    /// <summary>
    /// The leaders the readout names with the title a bare title mention holds ("The President" in a readout of two
    /// Presidents), which it cannot tell apart; empty for a mention with a name or a title no leader holds.
    /// </summary>
    public IReadOnlyCollection<string> TitleHolders(string mention)
    {
        var match = WholeMention().Match(mention);
        if (!match.Success || match.Groups["name"].Length > 0)
            return [];
        return _byTitle.TryGetValue(Office(match.Groups["qualifier"].Value, match.Groups["title"].Value), out var named) ? named : [];
    }

    /// <summary>
    /// The words of a full name that can stand for it, initials and "Jr." left out, each particle kept with the
    /// word after it: "Ursula von der Leyen" gives "Ursula" and "von der Leyen". A particle written with a capital
    /// after the first word is one too: "Herman Van Rompuy" gives "Herman" and "Van Rompuy", "Ursula Von der Leyen"
    /// "Ursula" and "Von der Leyen"; as the first word ("Van Morrison") it is a name.
    /// </summary>
    private static string[] Words(string name)
    {
        var words = new List<string>();
        var particles = "";
        foreach (var word in name.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "Jr." or "Sr." || (word.Length == 2 && word[1] == '.'))
                continue;
            if (ParticleWord().IsMatch(word) || (words.Count > 0 && ParticleWord().IsMatch(char.ToLowerInvariant(word[0]) + word[1..])))
            {
                particles += word + " ";
                continue;
            }
            words.Add(particles + word);
            particles = "";
        }
        return [.. words];
    }

    private static string Normal(string title) => title == "PM" ? "Prime Minister" : title.Replace('-', ' ');

    [GeneratedRegex("(?<![\\p{L}])(?<qualifier>" + Qualifier + ")??(?<title>" + Title + ") (?<name>" + Name + ")")]
    private static partial Regex TitledName();

    [GeneratedRegex("(?<![\\p{L}])(?<title>" + Title + ") (?<name>" + Name + ") of (?:the )?(?<country>" + CountrySides.CountryNouns + ")(?![\\p{L}])")]
    private static partial Regex TitledNameOfCountry();

    [GeneratedRegex("^" + Mention + "$")]
    private static partial Regex WholeMention();

    [GeneratedRegex(@", and |, (?!(?:Jr|Sr)\.)| and | & ")]
    private static partial Regex Joiner();

    [GeneratedRegex(Appositive)]
    private static partial Regex AppositiveTitle();

    [GeneratedRegex(OfCountry + "$")]
    private static partial Regex OfCountrySuffix();

    [GeneratedRegex(@"^(?:(?:[Tt]he )?(?:Neither|Either|None|No|Each|Every|Any|Some|Both|All|Other|Another) )")]
    private static partial Regex NoOne();

    [GeneratedRegex("^" + Particle + "$")]
    private static partial Regex ParticleWord();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+-\p{Ll}+$")]
    private static partial Regex KoreanGivenName();

    /// <summary>
    /// One romanised Korean syllable as names are written: an initial consonant or none ("Ch" in "Chung", "Rh" in
    /// "Rhee"), a vowel of one or two letters after an optional w or y ("Hwan", "myung", "yeol"), and a final
    /// consonant or none, which in names is often written with two letters: "ng" (Jong), "rk" (Park), "hn" (Ahn),
    /// "ck" (Duck), "nh".
    /// </summary>
    [GeneratedRegex("^(?:kk|tt|pp|ss|jj|ch|sh|rh|[gkndtrlmbpsjh])?[wy]?[aeiou]{1,2}(?:ng|nh|rk|hn|ck|[knltmpbgrh])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KoreanSyllable();

    [GeneratedRegex(@"(?<![\p{L}])(?:" + CountrySides.CountryNouns + @")(?![\p{L}])")]
    private static partial Regex CountryInName();
}
