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
        ImmutableArray<SkippedSentence> notDrafted, ImmutableArray<BriefingStatement> unassigned, ImmutableArray<ApartJointStatement> jointApart,
        ImmutableArray<GuessedTopic> guessed)
    {
        Guessed = guessed;
        Briefing = briefing;
        SourcePath = sourcePath;
        Id = id;
        Topics = topics;
        NotDrafted = notDrafted;
        Unassigned = unassigned;
        JointApart = jointApart;
    }

    /// <summary>
    /// A joint statement drafted on a topic of its own: on <paramref name="Topic"/> a party to it also speaks alone
    /// (<paramref name="Alone"/>), and a position is one leader's or both leaders', so what the leaders said together
    /// goes under <paramref name="JointTopic"/> (<c>TOPIC-joint</c>) as a position of 'both' for every party.
    /// </summary>
    public sealed record ApartJointStatement(BriefingStatement Statement, string Topic, string JointTopic, IReadOnlyList<string> Alone);

    /// <summary>
    /// A statement drafted under <paramref name="Topic"/> by the terms of a subject it does not name itself
    /// (<paramref name="Words"/>, such as "sanctions" under <c>north-korea</c>), which count only because another sentence
    /// of the readout names the place (<see cref="Subject.TermsNeedAName"/>): a guess the author is told to check.
    /// </summary>
    public sealed record GuessedTopic(BriefingStatement Statement, string Topic, string Title, IReadOnlyList<string> Words)
    {
        /// <summary>The note on the guess, as the draft's comment and the command's line say it.</summary>
        public string Note => $"drafted under '{Topic}' by {(Words.Count == 1 ? "the term" : "the terms")} {Listed.And(Words.Select(w => $"'{w}'"))} alone; the sentence does not name {(Title.StartsWith("The ", StringComparison.Ordinal) ? "the " + Title[4..] : Title)} itself (another sentence of the readout does)";
    }

    /// <summary>The suffix of the topic that holds the joint statements of a topic where a party also speaks alone.</summary>
    public const string JointSuffix = "-joint";

    /// <summary>The id of the topic of the joint statements of topic <paramref name="topic"/>: <c>TOPIC-joint</c>, cut to 64 characters by <see cref="IdText.Join"/>.</summary>
    public static string JointId(string topic) => IdText.Join(topic, JointSuffix[1..]);

    public Briefing Briefing { get; }

    /// <summary>The briefing's path as the draft names it, relative to where the draft is written.</summary>
    public string SourcePath { get; }

    public string Id { get; }

    /// <summary>The candidate topics in the order the briefing first raises them, each with the statements drafted under it.</summary>
    public IReadOnlyList<(Subject Subject, IReadOnlyList<BriefingStatement> Statements)> Topics { get; }

    /// <summary>Every line or sentence of the readout that is in no position of the draft (the briefing's skipped lines), with the reason, in the readout's order.</summary>
    public ImmutableArray<SkippedSentence> NotDrafted { get; }

    /// <summary>The joint statements drafted on a topic of their own because a party to them speaks alone on their subject's topic, in the readout's order.</summary>
    public ImmutableArray<ApartJointStatement> JointApart { get; }

    /// <summary>The statements whose topic is a guess from a place's terms that they do not name themselves (<see cref="GuessedTopic"/>), in the readout's order.</summary>
    public ImmutableArray<GuessedTopic> Guessed { get; }

    /// <summary>
    /// The statements that use none of the subjects' words (or only the terms of a subject whose place the readout
    /// never names, <see cref="Subject.IsIn"/>), each drafted under an 'unassigned-N' topic of its own for the user to place.
    /// </summary>
    public ImmutableArray<BriefingStatement> Unassigned { get; }

    /// <summary>
    /// Why an <see cref="Unassigned"/> statement has no topic, for the draft's note: it "uses none of the subjects'
    /// words", or it "uses only terms of North Korea, which the readout never names" (a Japan–Russia readout's
    /// "sanctions").
    /// </summary>
    public static string NoTopicReason(BriefingStatement statement) =>
        SubjectLexicon.Of(statement.Text) is { } unnamed
            ? $"uses only terms of {unnamed.Title}, which the readout never names"
            : "uses none of the subjects' words";

    /// <summary>The statements the draft quotes in its positions: every statement of the briefing.</summary>
    public IEnumerable<BriefingStatement> Drafted => Topics.SelectMany(t => t.Statements).OrderBy(s => s.Location.Line).ThenBy(s => s.Location.Column).Distinct();

    /// <summary>The prefix of the topic a statement with no subject's words gets; the topic is numbered in the readout's order.</summary>
    public const string UnassignedPrefix = "unassigned-";

    /// <param name="sourcePath">How the draft should name the briefing: relative to the draft file's folder.</param>
    public static SeedDraft From(Briefing briefing, string sourcePath)
    {
        var groups = new List<(Subject Subject, List<BriefingStatement> Statements)>();
        var notDiscussed = new Dictionary<string, Subject>(StringComparer.Ordinal);
        var named = new Dictionary<Subject, List<BriefingStatement>>();
        var unassigned = ImmutableArray.CreateBuilder<BriefingStatement>();
        var guessed = ImmutableArray.CreateBuilder<GuessedTopic>();
        var readout = briefing.Source.Text;
        foreach (var statement in briefing.Statements)
        {
            Subject subject;
            if (statement.Kind == PositionKind.NotDiscussed)
            {
                // What was not discussed is a topic of its own: its positions can only come from outside the readout.
                // Its subject is the lexicon's, else the thing the sentence names ("no discussion on the Futenma relocation").
                // The lexicon is read in the sentence alone: a place's terms count only where the sentence itself names
                // the place, so "Nuclear energy was not discussed." in a readout that names North Korea elsewhere is
                // not North Korea's, and a claim that North Korea was not discussed is never made from another sentence.
                // The topic's id is the subject's, and its title is only what the sentences name: "Nuclear energy was not
                // discussed." says nothing of climate, so its topic is not titled "Energy and climate".
                var about = SubjectLexicon.Of(statement.Text, statement.Text) ?? NotDiscussedThing(statement.Text) ?? SubjectLexicon.Other;
                if (!notDiscussed.TryGetValue(about.Id, out subject!))
                {
                    notDiscussed[about.Id] = subject = new Subject(IdText.Join(about.Id, "not-discussed"), "", []);
                    named[subject] = [];
                }
                named[subject].Add(statement);
            }
            // A section's label is the readout's own word on what its sentences are about ("North Korea: Both leaders
            // condemned the missile launches."); a sentence in no section, or one whose label names no subject, goes by its own words.
            else if (statement.Section is { } section && SubjectLexicon.Of(section, readout) is { } labelled)
                subject = labelled;
            else if (SubjectLexicon.Of(statement.Text, readout) is { } found)
            {
                subject = found;
                // A place's terms placed the sentence only because another sentence names the place: a guess, said.
                if (found.TermsNeedAName && !found.Names(statement.Text))
                    guessed.Add(new GuessedTopic(statement, found.Id, found.Title, found.WordsIn(statement.Text)));
            }
            else
            {
                // No subject's word: the sentence is not guessed into a neighbour's topic but gets one of its own,
                // which the user is told about, to merge into the right topic or name.
                unassigned.Add(statement);
                subject = new Subject($"{UnassignedPrefix}{unassigned.Count}",
                    $"Unassigned: the sentence at line {statement.Location.Line}, column {statement.Location.Column} {NoTopicReason(statement)}", []);
            }
            var group = groups.FindIndex(g => g.Subject == subject);
            if (group < 0)
                groups.Add((subject, [statement]));
            else
                groups[group].Statements.Add(statement);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            if (named.TryGetValue(groups[g].Subject, out var sentences))
                groups[g] = (new Subject(groups[g].Subject.Id, NotDiscussedTitle(sentences), []), groups[g].Statements);
        }

        // A position is one leader's or both leaders': on a topic where a party to a joint statement also speaks
        // alone, that party's position there is its own (stated), so the joint statement is drafted on a topic of
        // its own, TOPIC-joint, right after TOPIC, as both leaders' (a position of 'both' for every party). It is
        // never given to one leader, and the draft's notes say what was done with it.
        var apart = new List<ApartJointStatement>();
        for (var g = 0; g < groups.Count; g++)
        {
            var (subject, statements) = groups[g];
            var moved = new List<BriefingStatement>();
            foreach (var joint in statements.Where(s => s.Kind == PositionKind.Joint).ToList())
            {
                var alone = joint.Speakers.Where(party => statements.Any(o => o.Kind == PositionKind.Stated && o.Involves(party))).ToList();
                if (alone.Count == 0)
                    continue;
                statements.Remove(joint);
                moved.Add(joint);
                apart.Add(new ApartJointStatement(joint, subject.Id, JointId(subject.Id), alone));
            }
            if (moved.Count == 0)
                continue;
            groups.Insert(g + 1, (new Subject(JointId(subject.Id), $"{subject.Title}: what the leaders said together", []), moved));
            g++;
        }
        var name = Path.GetFileNameWithoutExtension(briefing.Source.Path);
        var id = IdText.Join(IdText.From(name, "briefing"), "draft");
        return new SeedDraft(briefing, sourcePath, id, [.. groups.Select(g => (g.Subject, (IReadOnlyList<BriefingStatement>)g.Statements))],
            [.. briefing.Skipped.OrderBy(s => s.Location.Line).ThenBy(s => s.Location.Column)], unassigned.ToImmutable(),
            [.. apart.OrderBy(a => a.Statement.Location.Line).ThenBy(a => a.Statement.Location.Column)], guessed.ToImmutable());
    }

    /// <summary>
    /// The title of a topic of not-discussed sentences, from what they name and nothing more: "Nuclear energy was not
    /// discussed." gives "Nuclear energy: not discussed, the readout says"; two sentences on one subject naming two
    /// things give "Nuclear energy and solar power: not discussed, the readout says", each thing as its sentence writes
    /// it (a leading article dropped, and a subject's word that opens a sentence written small after the first thing:
    /// "Nuclear energy and climate change"); a sentence that names nothing this finds stands by its place, "The sentence at
    /// line 4, column 1: not discussed, the readout says".
    /// </summary>
    /// <param name="sentences">The topic's not-discussed statements, at least one, in the readout's order.</param>
    public static string NotDiscussedTitle(IReadOnlyList<BriefingStatement> sentences)
    {
        var things = sentences
            .Select(s => NotDiscussedText(s.Text) ?? $"the sentence at line {s.Location.Line}, column {s.Location.Column}")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((thing, i) => i > 0 && IsCommonWordFirst(thing) ? char.ToLowerInvariant(thing[0]) + thing[1..] : thing)
            .ToList();
        var listed = Listed.And(things);
        return $"{char.ToUpperInvariant(listed[0])}{listed[1..]}: not discussed, the readout says";
    }

    /// <summary>
    /// Whether a thing's first word is a capital only because it starts its sentence: a word of a subject the draft
    /// sorts statements by ("Climate" in "Climate change", <see cref="SubjectLexicon"/>), written in small letters
    /// after the first thing of a title; a name ("Dokdo islands") keeps its capital.
    /// </summary>
    private static bool IsCommonWordFirst(string thing)
    {
        var first = thing.Split(' ')[0];
        return first.Length > 1 && char.IsUpper(first[0]) && first[1..].All(char.IsLower) && SubjectLexicon.Subjects.Any(s => s.Score(first).Hits > 0);
    }

    /// <summary>
    /// The words a not-discussed sentence names its thing by, as it writes them but for a leading article; null when
    /// this finds none, or only a pronoun ("it", "this", "the matter") that stands for a thing another sentence names.
    /// </summary>
    private static string? NotDiscussedText(string sentence)
    {
        var match = NotDiscussedObject().Match(sentence);
        if (!match.Success)
            return null;
        var thing = match.Groups["after"].Success ? match.Groups["after"].Value : match.Groups["before"].Value;
        thing = LeadingArticle().Replace(thing.Trim(), "");
        // "It was not discussed further." names its thing in another sentence, which this does not read.
        return IdText.From(thing, "").Length == 0 || Pronoun().IsMatch(thing) ? null : thing;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:it|this|that|they|these|those|(?:this |that )?(?:issue|matter|topic|subject))$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Pronoun();

    /// <summary>
    /// The thing a not-discussed sentence names, as a subject of its own: "there was no discussion on the
    /// Futenma relocation" gives <c>futenma-relocation</c>; null when the sentence names nothing this finds.
    /// </summary>
    public static Subject? NotDiscussedThing(string sentence)
    {
        if (NotDiscussedText(sentence) is not { } thing)
            return null;
        return new Subject(IdText.From(thing, ""), char.ToUpperInvariant(thing[0]) + thing[1..], []);
    }

    [System.Text.RegularExpressions.GeneratedRegex(NotDiscussedWords.Object)]
    private static partial System.Text.RegularExpressions.Regex NotDiscussedObject();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:there|it) (?:was|were) |the |a |an |any |(?:issue|question|matter|subject|topic) of )+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
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
        output.WriteLine($"about: {YamlText.Text($"A draft drawn from {file}: {drafted.Count(s => s.Kind == PositionKind.Stated)} stated, {drafted.Count(s => s.Kind == PositionKind.Joint)} joint and {drafted.Count(s => s.Kind == PositionKind.NotDiscussed)} not-discussed {Noun(drafted.Count, "statement", "statements")} by {Listed.And(Briefing.Speakers)}, grouped into {Topics.Count} {Noun(Topics.Count, "candidate topic", "candidate topics")}.")}");

        output.WriteLine();
        output.WriteLine("actors:");
        foreach (var speaker in Briefing.Speakers)
        {
            var count = drafted.Count(s => s.Involves(speaker));
            var note = Briefing.SpeakerNotes.FirstOrDefault(n => n.Speaker == speaker);
            output.WriteLine($"  - id: {YamlText.Text(ActorId(speaker))}");
            output.WriteLine($"    name: {YamlText.Text(Briefing.Unnamed.Contains(speaker) ? $"the {speaker}, not named in the readout" : speaker)}");
            output.WriteLine($"    speaker: {YamlText.Text(speaker)}");
            output.WriteLine($"    why: {YamlText.Text($"Speaks as '{speaker}' in the briefing ({count} {Noun(count, "drafted statement", "drafted statements")}, stated or joint).{(note is null ? "" : $" To check: {note.Note}.")}")}");
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
                    output.WriteLine($"      - {YamlText.Quoted(statement.Text)}  # {Describe(statement)}{(Guessed.FirstOrDefault(g => g.Statement == statement) is { } guess ? $"; topic to check: {guess.Note}" : "")}");
            }
        }

        if (!JointApart.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine($"# Joint statements on a topic of their own ({JointApart.Length}): a position is one leader's or both leaders', and a");
            output.WriteLine("# party to each of these also speaks alone on its subject's topic, so what the leaders said together is drafted");
            output.WriteLine("# under TOPIC-joint as a position of 'both' for every party, verbatim. Keep that topic, or merge it into TOPIC");
            output.WriteLine("# and quote the sentence in an agreement's 'quote' (with its 'verb') if it records an agreement:");
            foreach (var joint in JointApart)
                output.WriteLine($"#   line {joint.Statement.Location.Line}, column {joint.Statement.Location.Column}: {Clip(joint.Statement.Text)}: under '{joint.JointTopic}', since {Listed.And(joint.Alone)} also {(joint.Alone.Count == 1 ? "speaks" : "speak")} alone on '{joint.Topic}'");
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
        Briefing.Unnamed.Contains(speaker)
            ? IdText.Join("unnamed", IdText.From(speaker, "speaker", keepCase: true))
            : IdText.From(speaker, "speaker", keepCase: true);

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

    /// <summary>The singular noun when <paramref name="count"/> is exactly 1, the plural otherwise (0 included).</summary>
    private static string Noun(int count, string one, string many) => count == 1 ? one : many;

    private static string Describe(BriefingStatement statement)
    {
        var who = statement.Kind switch
        {
            PositionKind.Joint => $"joint ({Listed.And(statement.Speakers)})",
            PositionKind.NotDiscussed => "not discussed",
            _ => $"{statement.Speakers[0]}, stated",
        };
        return $"{who}, line {statement.Location.Line}, column {statement.Location.Column}";
    }
}
