using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The attributed statements of a government readout: lines such as <c>Abe: ...</c> are stated by that
/// speaker; lines opening <c>Abe, Trump confirmed ...</c> (or <c>Both leaders</c>), and <c>They ...</c>
/// lines that follow a joint one, are joint. Each line is cut into sentences, every one kept verbatim.
/// </summary>
public sealed partial class Briefing
{
    private static readonly string[] Abbreviations = ["Mr", "Mrs", "Ms", "Dr", "St", "No", "Gen", "Prof", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc"];

    private Briefing(SourceText source, ImmutableArray<string> speakers, ImmutableArray<BriefingStatement> statements)
    {
        Source = source;
        Speakers = speakers;
        Statements = statements;
    }

    public SourceText Source { get; }

    /// <summary>The speakers, in the order they first speak.</summary>
    public ImmutableArray<string> Speakers { get; }

    public ImmutableArray<BriefingStatement> Statements { get; }

    public static Briefing Read(SourceText source)
    {
        var lines = source.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var speakers = new List<string>();
        foreach (var line in lines)
        {
            if (SpeakerLine().Match(line) is { Success: true } match && !speakers.Contains(match.Groups["speaker"].Value))
                speakers.Add(match.Groups["speaker"].Value);
        }

        var statements = ImmutableArray.CreateBuilder<BriefingStatement>();
        (PositionKind Kind, ImmutableArray<string> Speakers)? paragraph = null;
        ImmutableArray<string>? lastJoint = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                paragraph = null;
                continue;
            }
            var content = line;
            if (SpeakerLine().Match(line) is { Success: true } said)
            {
                paragraph = (PositionKind.Stated, [said.Groups["speaker"].Value]);
                content = said.Groups["rest"].Value;
                lastJoint = null;
            }
            else if (JointParties(line, speakers) is { } parties)
            {
                paragraph = (PositionKind.Joint, parties);
                lastJoint = parties;
            }
            else if (line.StartsWith("They ", StringComparison.Ordinal) && lastJoint is { } previous)
            {
                paragraph = (PositionKind.Joint, previous);
            }
            else if (paragraph is null)
            {
                lastJoint = null;
                continue;
            }

            foreach (var sentence in Sentences(content))
            {
                var location = source.Find(sentence) ?? throw new InvalidOperationException($"a sentence cut from the briefing is not in it: {sentence}");
                statements.Add(new BriefingStatement(sentence, paragraph.Value.Kind, paragraph.Value.Speakers, location));
            }
        }
        return new Briefing(source, [.. speakers], statements.ToImmutable());
    }

    /// <summary>The parties of a line that opens with two or more known speakers (or "Both leaders"), else null.</summary>
    private static ImmutableArray<string>? JointParties(string line, IReadOnlyList<string> speakers)
    {
        if (speakers.Count >= 2 && BothLeaders().IsMatch(line))
            return [.. speakers];
        var match = JointOpening().Match(line);
        if (!match.Success)
            return null;
        var names = match.Groups["names"].Value.Split([", and ", " and ", ", "], StringSplitOptions.TrimEntries);
        var parties = names.Select(n => speakers.FirstOrDefault(s => n == s || n.EndsWith(" " + s, StringComparison.Ordinal))).ToArray();
        return parties.Length >= 2 && parties.All(p => p is not null) && parties.Distinct().Count() == parties.Length
            ? [.. parties!]
            : null;
    }

    /// <summary>Cuts text into sentences at . ! ? (after any closing quote) followed by a space and a capital, but not after abbreviations such as U.S. or Nov.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = SkipSpace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
                continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or ']')
                end++;
            var next = SkipSpace(text, end);
            var atEnd = next >= text.Length;
            if (!atEnd && (next == end || !(char.IsUpper(text[next]) || text[next] is '“' or '"' or '‘')))
                continue;
            if (!atEnd && text[i] == '.' && IsAbbreviation(text, i))
                continue;
            sentences.Add(text[start..end]);
            start = next;
            i = next - 1;
        }
        if (start < text.Length && text[start..].Trim().Length > 0)
            sentences.Add(text[start..].TrimEnd());
        return sentences;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var from = period;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
            from--;
        var word = text[from..period];
        return word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
            index++;
        return index;
    }

    [GeneratedRegex(@"^(?<speaker>[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*){0,2}):\s+(?<rest>\S.*)$")]
    private static partial Regex SpeakerLine();

    [GeneratedRegex(@"^(?<names>[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)*(?:(?:,| and|, and) [A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)*)+) \p{Ll}")]
    private static partial Regex JointOpening();

    [GeneratedRegex(@"^(?:Both leaders|The two leaders|The leaders) ")]
    private static partial Regex BothLeaders();
}
