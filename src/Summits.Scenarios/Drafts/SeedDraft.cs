using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A draft world drawn from a briefing: one actor per speaker, one candidate topic per subject the
/// statements talk about, and per actor and topic a position holding its statements verbatim. The
/// numbers (capability, value, salience) and the scales are left for the author, and the file says
/// <c>draft: true</c>, so <see cref="WorldFile"/> refuses it until they are filled in.
/// </summary>
public sealed class SeedDraft
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
        Subject? previous = null;
        foreach (var statement in briefing.Statements)
        {
            var subject = SubjectLexicon.Of(statement.Text) ?? previous ?? SubjectLexicon.Other;
            previous = subject;
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
        output.WriteLine($"{DraftCheck.Key}: true");
        output.WriteLine($"world: {YamlText.Text(Id)}");
        output.WriteLine($"title: {YamlText.Text($"Draft from {file}")}");
        output.WriteLine($"source: {YamlText.Text(SourcePath)}");
        output.WriteLine($"about: {YamlText.Text($"A draft drawn from {file}: {Briefing.Statements.Count(s => s.Kind == PositionKind.Stated)} stated and {Briefing.Statements.Count(s => s.Kind == PositionKind.Joint)} joint statements by {string.Join(", ", Briefing.Speakers)}, grouped into {Topics.Count} candidate topics.")}");

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
                var own = statements.Where(s => s.Involves(speaker)).ToList();
                if (own.Count == 0)
                    continue;
                // Joint only when every quote is a joint line; one of the speaker's own lines makes it the speaker's.
                var joint = own.All(s => s.Kind == PositionKind.Joint);
                output.WriteLine($"  - actor: {YamlText.Text(ActorId(speaker))}");
                output.WriteLine($"    topic: {YamlText.Text(subject.Id)}");
                output.WriteLine($"    speaker: {YamlText.Text(joint ? Provenance.Both : speaker)}");
                output.WriteLine($"    kind: {KebabCase.Of(joint ? PositionKind.Joint : PositionKind.Stated)}");
                output.WriteLine("    quotes:");
                foreach (var statement in own)
                    output.WriteLine($"      - {YamlText.Quoted(statement.Text)}  # {Describe(statement)}");
            }
        }
    }

    public static string ActorId(string speaker) => IdText.From(speaker, "speaker", keepCase: true);

    private static string Describe(BriefingStatement statement)
    {
        var who = statement.Kind == PositionKind.Joint ? $"joint ({string.Join(", ", statement.Speakers)})" : $"{statement.Speakers[0]}, stated";
        return $"{who}, line {statement.Location.Line}, column {statement.Location.Column}";
    }
}
