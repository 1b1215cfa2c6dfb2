using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A draft world drawn from a briefing: one actor per speaker, one candidate topic per subject the
/// statements talk about, and per actor and topic a position holding its statements verbatim. The
/// numbers (capability, value, salience) and the scales are left for the author, and the file says
/// <c>draft: true</c>, so <see cref="WorldFile"/> refuses it until they are filled in.
/// </summary>
public sealed partial class SeedDraft
{
    private SeedDraft(Briefing briefing, string sourcePath, string id, IReadOnlyList<(Subject Subject, IReadOnlyList<BriefingStatement> Statements)> topics,
        ImmutableArray<SkippedSentence> notDrafted, ImmutableArray<BriefingStatement> unassigned)
    {
        Briefing = briefing;
        SourcePath = sourcePath;
        Id = id;
        Topics = topics;
        NotDrafted = notDrafted;
        Unassigned = unassigned;
    }

    public Briefing Briefing { get; }

    /// <summary>The briefing's path as the draft names it, relative to where the draft is written.</summary>
    public string SourcePath { get; }

    public string Id { get; }

    /// <summary>The candidate topics in the order the briefing first raises them, each with the statements drafted under it.</summary>
    public IReadOnlyList<(Subject Subject, IReadOnlyList<BriefingStatement> Statements)> Topics { get; }

    /// <summary>
    /// Every line or sentence of the readout that is in no position of the draft, with the reason, in the
    /// readout's order: the briefing's skipped lines, and the joint statements on a topic where a party to
    /// them also speaks alone (a position is one leader's or both leaders', so such a line has no place).
    /// </summary>
    public ImmutableArray<SkippedSentence> NotDrafted { get; }

    /// <summary>The statements that use none of the subjects' words, each drafted under an 'unassigned-N' topic of its own for the user to place.</summary>
    public ImmutableArray<BriefingStatement> Unassigned { get; }

    /// <summary>The statements the draft quotes in its positions (every statement of the briefing not in <see cref="NotDrafted"/>).</summary>
    public IEnumerable<BriefingStatement> Drafted => Topics.SelectMany(t => t.Statements).OrderBy(s => s.Location.Line).ThenBy(s => s.Location.Column).Distinct();

    /// <summary>The prefix of the topic a statement with no subject's words gets; the topic is numbered in the readout's order.</summary>
    public const string UnassignedPrefix = "unassigned-";

    /// <param name="sourcePath">How the draft should name the briefing: relative to the draft file's folder.</param>
    public static SeedDraft From(Briefing briefing, string sourcePath)
    {
        var groups = new List<(Subject Subject, List<BriefingStatement> Statements)>();
        var notDiscussed = new Dictionary<string, Subject>(StringComparer.Ordinal);
        var unassigned = ImmutableArray.CreateBuilder<BriefingStatement>();
        foreach (var statement in briefing.Statements)
        {
            Subject subject;
            if (statement.Kind == PositionKind.NotDiscussed)
            {
                // What was not discussed is a topic of its own: its positions can only come from outside the readout.
                // Its subject is the lexicon's, else the thing the sentence names ("no discussion on the Futenma relocation").
                var about = SubjectLexicon.Of(statement.Text) ?? NotDiscussedThing(statement.Text) ?? SubjectLexicon.Other;
                if (!notDiscussed.TryGetValue(about.Id, out subject!))
                    notDiscussed[about.Id] = subject = new Subject($"{about.Id}-not-discussed", $"{about.Title}: what the readout says was not discussed", []);
            }
            else if (SubjectLexicon.Of(statement.Text) is { } found)
                subject = found;
            else
            {
                // No subject's word: the sentence is not guessed into a neighbour's topic but gets one of its own,
                // which the user is told about, to merge into the right topic or name.
                unassigned.Add(statement);
                subject = new Subject($"{UnassignedPrefix}{unassigned.Count}",
                    $"Unassigned: the sentence at line {statement.Location.Line}, column {statement.Location.Column} uses none of the subjects' words", []);
            }
            var group = groups.FindIndex(g => g.Subject == subject);
            if (group < 0)
                groups.Add((subject, [statement]));
            else
                groups[group].Statements.Add(statement);
        }

        // A joint statement is drafted only where every party to it can hold it in a position of 'both': on a
        // topic where a party also speaks alone, that party's position is its own (stated) and the joint line
        // would be one leader's, so it is reported as not drafted instead.
        var notDrafted = briefing.Skipped.ToList();
        foreach (var (subject, statements) in groups)
        {
            foreach (var joint in statements.Where(s => s.Kind == PositionKind.Joint).ToList())
            {
                var alone = joint.Speakers.Where(party => statements.Any(o => o.Kind == PositionKind.Stated && o.Involves(party))).ToList();
                if (alone.Count == 0)
                    continue;
                statements.Remove(joint);
                notDrafted.Add(new SkippedSentence(joint.Text, joint.Location,
                    $"a joint statement of {string.Join(" and ", joint.Speakers)} on the candidate topic '{subject.Id}', where {string.Join(" and ", alone)} also {(alone.Count == 1 ? "speaks" : "speak")} alone: "
                    + "a position is one leader's or both leaders', so quote it in an agreement's 'quote' or in a position with speaker 'both'"));
            }
        }
        var name = Path.GetFileNameWithoutExtension(briefing.Source.Path);
        var id = $"{IdText.From(name, "briefing")}-draft";
        return new SeedDraft(briefing, sourcePath, id, [.. groups.Select(g => (g.Subject, (IReadOnlyList<BriefingStatement>)g.Statements))],
            [.. notDrafted.OrderBy(s => s.Location.Line).ThenBy(s => s.Location.Column)], unassigned.ToImmutable());
    }

    /// <summary>
    /// The thing a not-discussed sentence names, as a subject of its own: "there was no discussion on the
    /// Futenma relocation" gives <c>futenma-relocation</c>; null when the sentence names nothing this finds.
    /// </summary>
    public static Subject? NotDiscussedThing(string sentence)
    {
        var match = NotDiscussedObject().Match(sentence);
        if (!match.Success)
            return null;
        var thing = match.Groups["after"].Success ? match.Groups["after"].Value : match.Groups["before"].Value;
        thing = LeadingArticle().Replace(thing.Trim(), "");
        var id = IdText.From(thing, "");
        if (id.Length == 0)
            return null;
        return new Subject(id, char.ToUpperInvariant(thing[0]) + thing[1..], []);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:no discussion (?:on|of|about)|did not (?:discuss|raise|take up)) (?<after>[^,.;:()]+)|(?<before>[^,.;:()]+?) (?:was|were) not (?:discussed|raised|taken up)\b")]
    private static partial System.Text.RegularExpressions.Regex NotDiscussedObject();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:there|it) (?:was|were) |the |a |an |any )+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LeadingArticle();

    public string Write()
    {
        using var text = new StringWriter { NewLine = "\n" };
        Write(text);
        return text.ToString();
    }

    public void Write(TextWriter output)
    {
        var file = Path.GetFileName(Briefing.Source.Path);
        output.WriteLine($"# A draft world drawn from {file} by 'summits seed draft'. Every quote is verbatim; the comment after");
        output.WriteLine("# each one gives its speaker, kind and place in the briefing. Still to do: name each actor's country and");
        output.WriteLine("# set its capability, check the grouping into topics, write each topic's scale, give every position");
        output.WriteLine("# its value and salience, then remove 'draft: true'. The loader names whatever is missing.");
        output.WriteLine($"{FileFormat.Key}: {FileFormat.Current}");
        output.WriteLine($"{DraftCheck.Key}: true");
        output.WriteLine($"world: {YamlText.Text(Id)}");
        output.WriteLine($"title: {YamlText.Text($"Draft from {file}")}");
        output.WriteLine($"source: {YamlText.Text(SourcePath)}");
        var drafted = Drafted.ToList();
        output.WriteLine($"about: {YamlText.Text($"A draft drawn from {file}: {drafted.Count(s => s.Kind == PositionKind.Stated)} stated, {drafted.Count(s => s.Kind == PositionKind.Joint)} joint and {drafted.Count(s => s.Kind == PositionKind.NotDiscussed)} not-discussed statements by {string.Join(", ", Briefing.Speakers)}, grouped into {Topics.Count} candidate topics.")}");

        output.WriteLine();
        output.WriteLine("actors:");
        foreach (var speaker in Briefing.Speakers)
        {
            var count = drafted.Count(s => s.Involves(speaker));
            var note = Briefing.SpeakerNotes.FirstOrDefault(n => n.Speaker == speaker);
            output.WriteLine($"  - id: {YamlText.Text(ActorId(speaker))}");
            output.WriteLine($"    name: {YamlText.Text(Briefing.Unnamed.Contains(speaker) ? $"the {speaker}, not named in the readout" : speaker)}");
            output.WriteLine($"    speaker: {YamlText.Text(speaker)}");
            output.WriteLine($"    why: {YamlText.Text($"Speaks as '{speaker}' in the briefing ({count} drafted statements, stated or joint).{(note is null ? "" : $" To check: {note.Note}.")}")}");
        }

        output.WriteLine();
        output.WriteLine("topics:");
        foreach (var (subject, statements) in Topics)
        {
            output.WriteLine($"  - id: {YamlText.Text(subject.Id)}");
            output.WriteLine($"    title: {YamlText.Text(subject.Title)}");
        }

        output.WriteLine();
        output.WriteLine("positions:");
        foreach (var (subject, statements) in Topics)
        {
            foreach (var speaker in Briefing.Speakers)
            {
                var notDiscussed = statements.All(s => s.Kind == PositionKind.NotDiscussed);
                var own = notDiscussed ? [.. statements] : statements.Where(s => s.Involves(speaker)).ToList();
                if (own.Count == 0)
                    continue;
                // The joint lines left on a topic are those no party to them speaks alone on (the others are
                // not drafted), so a speaker's lines here are all joint or all the speaker's own.
                var joint = own.All(s => s.Kind == PositionKind.Joint);
                var kind = notDiscussed ? PositionKind.NotDiscussed : joint ? PositionKind.Joint : PositionKind.Stated;
                output.WriteLine($"  - actor: {YamlText.Text(ActorId(speaker))}");
                output.WriteLine($"    topic: {YamlText.Text(subject.Id)}");
                output.WriteLine($"    speaker: {YamlText.Text(notDiscussed ? Provenance.Nobody : joint ? Provenance.Both : speaker)}");
                output.WriteLine($"    kind: {KebabCase.Of(kind)}");
                output.WriteLine("    quotes:");
                foreach (var statement in own)
                    output.WriteLine($"      - {YamlText.Quoted(statement.Text)}  # {Describe(statement)}");
            }
        }

        if (!NotDrafted.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine($"# Not drafted ({NotDrafted.Length}), with the reason:");
            foreach (var skipped in NotDrafted)
                output.WriteLine($"#   line {skipped.Location.Line}, column {skipped.Location.Column}: {Clip(skipped.Text)}: {skipped.Reason}");
        }
    }

    /// <summary>A speaker's actor id: the short name (<c>Abe</c>), or for a leader known only by a title, <c>unnamed-</c> and the title (<c>unnamed-Prime-Minister</c>), so a title never passes for a name.</summary>
    public string ActorId(string speaker) =>
        (Briefing.Unnamed.Contains(speaker) ? "unnamed-" : "") + IdText.From(speaker, "speaker", keepCase: true);

    /// <summary>The positions a topic of the draft gets: one per speaker it involves, or every speaker's for a topic not discussed.</summary>
    public int PositionCount(IReadOnlyList<BriefingStatement> statements) =>
        statements.All(s => s.Kind == PositionKind.NotDiscussed)
            ? Briefing.Speakers.Length
            : Briefing.Speakers.Count(speaker => statements.Any(s => s.Involves(speaker)));

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? $"\"{line}\"" : $"\"{line[..57]}...\"";
    }

    private static string Describe(BriefingStatement statement)
    {
        var who = statement.Kind switch
        {
            PositionKind.Joint => $"joint ({string.Join(", ", statement.Speakers)})",
            PositionKind.NotDiscussed => "not discussed",
            _ => $"{statement.Speakers[0]}, stated",
        };
        return $"{who}, line {statement.Location.Line}, column {statement.Location.Column}";
    }
}
