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
    private SeedDraft(Briefing briefing, string sourcePath, string id, IReadOnlyList<(Subject Subject, IReadOnlyList<BriefingStatement> Statements)> topics)
    {
        Briefing = briefing;
        SourcePath = sourcePath;
        Id = id;
        Topics = topics;
    }

    public Briefing Briefing { get; }

    /// <summary>The briefing's path as the draft names it, relative to where the draft is written.</summary>
    public string SourcePath { get; }

    public string Id { get; }

    /// <summary>The candidate topics in the order the briefing first raises them, each with its statements.</summary>
    public IReadOnlyList<(Subject Subject, IReadOnlyList<BriefingStatement> Statements)> Topics { get; }

    /// <param name="sourcePath">How the draft should name the briefing: relative to the draft file's folder.</param>
    public static SeedDraft From(Briefing briefing, string sourcePath)
    {
        var groups = new List<(Subject Subject, List<BriefingStatement> Statements)>();
        var notDiscussed = new Dictionary<string, Subject>(StringComparer.Ordinal);
        Subject? previous = null;
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
            else
            {
                subject = SubjectLexicon.Of(statement.Text) ?? previous ?? SubjectLexicon.Other;
                previous = subject;
            }
            var group = groups.FindIndex(g => g.Subject == subject);
            if (group < 0)
                groups.Add((subject, [statement]));
            else
                groups[group].Statements.Add(statement);
        }
        var name = Path.GetFileNameWithoutExtension(briefing.Source.Path);
        var id = $"{IdText.From(name, "briefing")}-draft";
        return new SeedDraft(briefing, sourcePath, id, [.. groups.Select(g => (g.Subject, (IReadOnlyList<BriefingStatement>)g.Statements))]);
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
        output.WriteLine($"about: {YamlText.Text($"A draft drawn from {file}: {Briefing.Statements.Count(s => s.Kind == PositionKind.Stated)} stated, {Briefing.Statements.Count(s => s.Kind == PositionKind.Joint)} joint and {Briefing.Statements.Count(s => s.Kind == PositionKind.NotDiscussed)} not-discussed statements by {string.Join(", ", Briefing.Speakers)}, grouped into {Topics.Count} candidate topics.")}");

        output.WriteLine();
        output.WriteLine("actors:");
        foreach (var speaker in Briefing.Speakers)
        {
            var count = Briefing.Statements.Count(s => s.Involves(speaker));
            output.WriteLine($"  - id: {YamlText.Text(ActorId(speaker))}");
            output.WriteLine($"    name: {YamlText.Text(speaker)}");
            output.WriteLine($"    speaker: {YamlText.Text(speaker)}");
            output.WriteLine($"    why: {YamlText.Text($"Speaks as '{speaker}' in the briefing ({count} statements, stated or joint).")}");
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
                // Joint only when every line is joint; with a line of the speaker's own the position is the
                // speaker's and quotes only those lines, since a joint line is not one leader's words: the joint
                // lines follow as comments, to quote in an agreement or in a position of 'both'.
                var joint = own.All(s => s.Kind == PositionKind.Joint);
                var kind = notDiscussed ? PositionKind.NotDiscussed : joint ? PositionKind.Joint : PositionKind.Stated;
                var quoted = kind == PositionKind.Stated ? own.Where(s => s.Kind != PositionKind.Joint).ToList() : own;
                output.WriteLine($"  - actor: {YamlText.Text(ActorId(speaker))}");
                output.WriteLine($"    topic: {YamlText.Text(subject.Id)}");
                output.WriteLine($"    speaker: {YamlText.Text(notDiscussed ? Provenance.Nobody : joint ? Provenance.Both : speaker)}");
                output.WriteLine($"    kind: {KebabCase.Of(kind)}");
                output.WriteLine("    quotes:");
                foreach (var statement in quoted)
                    output.WriteLine($"      - {YamlText.Quoted(statement.Text)}  # {Describe(statement)}");
                foreach (var statement in own.Except(quoted))
                    output.WriteLine($"      # not {YamlText.Text(speaker)}'s alone, for an agreement or a 'both' position: {YamlText.Quoted(statement.Text)}  # {Describe(statement)}");
            }
        }

        if (!Briefing.Skipped.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine($"# Not drafted ({Briefing.Skipped.Length}), with the reason:");
            foreach (var skipped in Briefing.Skipped)
                output.WriteLine($"#   line {skipped.Location.Line}, column {skipped.Location.Column}: {Clip(skipped.Text)}: {skipped.Reason}");
        }
    }

    public static string ActorId(string speaker) => IdText.From(speaker, "speaker", keepCase: true);

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
