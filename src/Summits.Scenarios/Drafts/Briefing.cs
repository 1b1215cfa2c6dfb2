using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The attributed statements of a government readout, and every sentence it does not take with the
/// reason. A readout's lines are paragraphs; a numbering ("1.", "(1)", "•") is set aside and a line in
/// brackets or without a sentence end is a heading. Each paragraph is cut into sentences
/// (<see cref="SentenceSplitter"/>), and each sentence is attributed by the first rule that fits:
/// <list type="number">
/// <item>a label <c>Name: ...</c> or <c>Name, Name: ...</c> (stated or joint), in any form a leader's name takes, which also carries to the
/// label-less sentences after it in its paragraph; a label that reads as one but names no leader (a role, a heading's word, a title two
/// leaders hold, a country no leader speaks for) is reported with the sentences it carries, never given to the speaker before it; a label
/// that heads a section ("Trade:", "North Korea: Both leaders condemned ...") is set aside and its sentence read by the rules below;</item>
/// <item>a quotation with its own reporting clause (<see cref="ReportingClause"/>): the leader the clause names, else reported, never
/// the label's above it;</item>
/// <item>"there was no discussion on ...", "... was not on the agenda", "Neither leader raised ..." and their like
/// (<see cref="NotDiscussedWords"/>): not discussed, by nobody; any other sentence whose subject is "Neither leader" or its like is reported;</item>
/// <item>a subject, at the start or after an opening clause: a leader named in any form
/// (<see cref="LeaderNames"/>), several joined by commas and "and", "Both leaders", "The two leaders", "The three leaders",
/// "The leaders", "All the leaders", "They" (the last leaders spoken of together, else all), "He"/"She" (the last one spoken of alone),
/// where a count of leaders ("Both leaders", "The three leaders") is all the readout's leaders when it is their number, and in a readout
/// of more or fewer leaders, like "They" right after one leader's sentence in a readout of more than two, is skipped with the reason,
/// for the author to check, not guessed. The readout's leaders are its speakers and those its title or a heading names: "the two
/// leaders" of a readout titled with three is two of three, though only two of them speak;
/// or a country's side ("the Japanese side", "the United States": the leader the readout names for it, <see cref="CountrySides"/>).
/// A sentence that goes on with a clause of other leaders ("...; Prime Minister Abe noted ...", "..., and Putin said ...") is read
/// as its clauses, each its own speaker's.</item>
/// </list>
/// A sentence of several leaders that says they did not agree is reported, as it holds no position they share.
/// A sentence that only tells that the leaders met ("X met Y", "X held talks with Y", "a meeting between X and Y") names the
/// leaders but holds no position, and is skipped with that reason; the same verbs used otherwise ("X spoke about ...") are statements. The sentences of a quotation that an
/// attributed sentence opens ("the Japanese side explained: “...") are its speaker's. Every quote is verbatim.
/// </summary>
public sealed partial class Briefing
{
    private Briefing(SourceText source, ImmutableArray<string> speakers, ImmutableArray<BriefingStatement> statements, ImmutableArray<SkippedSentence> skipped,
        ImmutableArray<SpeakerNote> notes, ImmutableHashSet<string> unnamed)
    {
        Source = source;
        Speakers = speakers;
        Statements = statements;
        Skipped = skipped;
        SpeakerNotes = notes;
        Unnamed = unnamed;
    }

    /// <summary>What the user should check about a speaker's name, at the speaker's first mention: a bare title, or a guessed family name (<see cref="LeaderNames.Note"/>).</summary>
    public ImmutableArray<SpeakerNote> SpeakerNotes { get; }

    /// <summary>The speakers the readout calls by a title alone and never names ("Prime Minister"); a draft does not take the title for a name.</summary>
    public ImmutableHashSet<string> Unnamed { get; }

    public SourceText Source { get; }

    /// <summary>The leaders' short names, in the order the readout first names them as speakers or as the leaders who met.</summary>
    public ImmutableArray<string> Speakers { get; }

    public ImmutableArray<BriefingStatement> Statements { get; }

    /// <summary>Every line or sentence with text that is in no statement, in the order of the readout.</summary>
    public ImmutableArray<SkippedSentence> Skipped { get; }

    /// <summary>Reads the readout's statements.</summary>
    /// <param name="source">The readout.</param>
    /// <param name="leaders">
    /// Leaders known before reading (a world's speakers, by short name): each is a leader's name wherever the
    /// readout names it, as if a line were labelled with it. Null: only the leaders the readout introduces itself.
    /// </param>
    public static Briefing Read(SourceText source, IEnumerable<string>? leaders = null)
    {
        var names = new LeaderNames(source.Text);
        foreach (var leader in leaders ?? [])
            names.LearnLeader(leader);
        var sides = new CountrySides(source.Text, names);
        var first = new Reading(source, names, sides, []);
        first.Run();
        var speakers = first.Speakers;
        // The leaders of the readout: its speakers, and a leader its title or a heading names who never speaks (the
        // third of a trilateral meeting), who is no actor of the draft but makes "the two leaders" two of three.
        var second = new Reading(source, names, sides, first.Leaders);
        second.Run();
        var notes = speakers
            .Select(s => (Speaker: s, Note: names.Note(s)))
            .Where(n => n.Note is not null)
            .Select(n => new SpeakerNote(n.Speaker, source.Locate(second.FirstSeen(n.Speaker)), n.Note!));
        return new Briefing(source, speakers, second.Statements.ToImmutable(), second.Skipped.ToImmutable(),
            [.. notes], [.. speakers.Where(names.IsTitleOnly)]);
    }

    /// <summary>One pass over the readout. The first pass finds the leaders; the second, knowing them all, attributes.</summary>
    private sealed class Reading(SourceText source, LeaderNames names, CountrySides sides, ImmutableArray<string> leaders)
    {
        private readonly string _text = source.Text;
        private readonly Dictionary<string, int> _firstSeen = new(StringComparer.Ordinal);
        private ImmutableArray<string>? _label;
        private (string Label, string Why)? _unknownLabel;
        private string? _section;
        // The letter of the last paragraph numbered with one ("B." or "b."), which the next of the run follows.
        private char? _letter;
        private Match[] _meetings = [];
        private (ImmutableArray<string> Speakers, PositionKind Kind)? _quoted;
        private ImmutableArray<string>? _lastGroup;
        private string? _lastSingle;
        private ImmutableArray<string>? _lastSpeakers;
        // The subject of the last sentence that named leaders the draft could not tell ("The two leaders concurred" in a
        // readout of three), until a sentence is attributed again: "They" right after it are those same unknown leaders.
        private string? _unresolved;

        public ImmutableArray<BriefingStatement>.Builder Statements { get; } = ImmutableArray.CreateBuilder<BriefingStatement>();

        public ImmutableArray<SkippedSentence>.Builder Skipped { get; } = ImmutableArray.CreateBuilder<SkippedSentence>();

        public ImmutableArray<string> Speakers => [.. _firstSeen.OrderBy(p => p.Value).Select(p => p.Key)];

        /// <summary>
        /// The readout's leaders in the order it first names them: its speakers, and the leaders a title or a heading
        /// names (a line that is not a sentence, or a heading in brackets), whether or not they speak.
        /// </summary>
        public ImmutableArray<string> Leaders => [.. _firstSeen.Concat(_headed).GroupBy(p => p.Key).Select(g => (Leader: g.Key, At: g.Min(p => p.Value))).OrderBy(p => p.At).Select(p => p.Leader)];

        // The leaders that a title or heading names, by where it first does: leaders of the readout though not speakers.
        private readonly Dictionary<string, int> _headed = new(StringComparer.Ordinal);

        /// <summary>Where the readout first names a speaker, as an offset into the text.</summary>
        public int FirstSeen(string speaker) => _firstSeen.GetValueOrDefault(speaker);

        private ImmutableArray<string> All => leaders.IsDefaultOrEmpty ? Speakers : leaders;

        public void Run()
        {
            _meetings = [.. Between().Matches(_text).Cast<Match>()];
            var start = 0;
            for (var i = 0; i <= _text.Length; i++)
            {
                if (i < _text.Length && _text[i] is not ('\n' or '\r'))
                    continue;
                Line(start, i);
                if (i < _text.Length && _text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
                    i++;
                start = i + 1;
            }
        }

        private void Line(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_text[start]))
                start++;
            while (end > start && char.IsWhiteSpace(_text[end - 1]))
                end--;
            _quoted = null;
            if (start == end)
            {
                NewParagraph();
                return;
            }
            if (Numbering().Match(_text, start, end - start) is { Success: true } number && !IsInitial(number, end))
            {
                NewParagraph();
                start += number.Length;
                if (number.Value.TrimEnd() is [var letter, '.'] && char.IsAsciiLetter(letter))
                    _letter = letter;
            }
            var content = _text[start..end];
            if (Bracketed().IsMatch(content))
            {
                NewParagraph();
                Headed(content, start);
                Skip(start, end, "a section heading in brackets");
                return;
            }
            if (!SentenceEnd().IsMatch(content) && Label(content) is null)
            {
                NewParagraph();
                Headed(content, start);
                Skip(start, end, "not a sentence (no '.', '!' or '?' at its end): a title, heading or label");
                return;
            }
            // "A meeting between X and Y" names the leaders who met, in a line read as sentences; a heading that is
            // not drafted names no one, so that no actor comes from a line with no statement.
            foreach (var meeting in _meetings.Where(m => m.Index >= start && m.Index < end))
            {
                if (names.Resolve(meeting.Groups["a"].Value) is { } a && names.Resolve(meeting.Groups["b"].Value) is { } b && a != b)
                {
                    Seen(a, meeting.Index);
                    Seen(b, meeting.Index);
                }
            }
            foreach (var (at, length) in SentenceSplitter.Split(_text, start, end))
                Sentence(at, length);
        }

        /// <summary>
        /// Whether what reads as a paragraph's letter ("J. ") is the initial of the leader whose name follows it ("J. Biden:",
        /// "J. Biden said ..."), kept as part of the name: the word after it is a leader's name the readout knows, the
        /// letter is not the next of the readout's lettered paragraphs ("B. Starmer: ..." after "A. ..."), and when the
        /// readout gives the leader's full name, the letter is its first letter ("J." for Joe Biden; "B." is no initial of
        /// Keir Starmer's). A letter before any other word ("A. Both leaders ...", "I. Ukraine") is the paragraph's.
        /// </summary>
        private bool IsInitial(Match number, int end)
        {
            if (number.Value.TrimEnd() is not [var letter, '.'] || !char.IsAsciiLetterUpper(letter))
                return false;
            var after = number.Index + number.Length;
            if (NameAfterInitial().Match(_text, after, end - after) is not { Success: true } word || names.Resolve(word.Value) is not { } leader)
                return false;
            if (_letter is { } previous && letter == previous + 1)
                return false;
            return names.FullName(leader) is not { } full || full[0] == letter;
        }

        private void Sentence(int start, int length)
        {
            var sentence = _text.Substring(start, length);
            if (_quoted is { } quoted)
            {
                // A sentence inside a quotation that an attributed sentence opened belongs to its speaker.
                Add(start, length, quoted.Kind, quoted.Speakers);
                if (!ReportingWords.LeavesQuotationOpen(sentence, open: true))
                    _quoted = null;
                return;
            }
            if (DoubtfulLabel(sentence) is { } doubtful)
            {
                // Neither the speaker nor the last leader's topic is guessed.
                Unlabelled(start, length, doubtful);
                return;
            }
            if (Label(sentence) is { } label)
            {
                var speakers = label.Speakers;
                foreach (var speaker in speakers)
                    Seen(speaker, start);
                _label = speakers;
                _unknownLabel = null;
                _section = null;
                Said(speakers);
                AddOrDisagreement(start + label.Length, length - label.Length, speakers);
                return;
            }
            if (SectionLabel(sentence) is { } heading)
            {
                // A section's label is set aside as a numbering is, and what follows it is read on its own; the
                // label is kept as the section of the sentences of its paragraph, for the subject they are about.
                _label = null;
                _unknownLabel = null;
                _section = LabelPattern().Match(sentence).Groups["who"].Value.Trim();
                Sentence(start + heading, length - heading);
                return;
            }
            if (UnknownLabel(sentence) is { } unknown)
            {
                // A label that names no leader is not the speaker before.
                Unlabelled(start, length, unknown);
                return;
            }
            // A quotation with a reporting clause of its own ("We stand together," said Macron.) names its speaker, so
            // no label above it is carried to it: a leader of the readout is its speaker; anyone else, it is reported.
            if (Reported(sentence) is { } reported)
            {
                if (reported.Who is { } who && names.ResolveAll(who) is { Count: > 0 } named)
                {
                    ImmutableArray<string> speakers = [.. named];
                    foreach (var speaker in speakers)
                        Seen(speaker, start);
                    Said(speakers);
                    AddOrDisagreement(start, length, speakers);
                }
                else
                {
                    var above = _label is { } labelAbove ? $"; the label '{Listed.And(labelAbove)}' above it is not carried to it" : "";
                    Skip(start, start + length, reported.Who is { } other
                        ? $"quotes a speaker of its own, '{other}', who is no leader of the readout{above}"
                        : $"quotes a speaker in a reporting clause ('{reported.Clause}') whose speaker the draft cannot tell{above}; label the sentence with the speaker's name");
                }
                return;
            }
            if (NotDiscussed().IsMatch(sentence))
            {
                Add(start, length, PositionKind.NotDiscussed, []);
                return;
            }
            if (NoLeaderSubject().Match(sentence) is { Success: true } noLeader)
            {
                // "Neither leader commented ..." names no leader, and no label above it is carried to it.
                Skip(start, start + length, $"has '{noLeader.Value}' as its subject, which is no leader; it states no leader's position");
                return;
            }
            if (Subject(sentence) is { } subject)
            {
                // "Trump emphasized ...; Prime Minister Abe noted ..." is two statements, each its own speaker's: the
                // sentence is read as its clauses, so that the second speaker's words are never quoted as the first's.
                if (!subject.Speakers.IsEmpty && SecondSpeaker(sentence, subject.Length, subject.Speakers) is { } cut)
                {
                    Sentence(start, cut.End);
                    Sentence(start + cut.Next, length - cut.Next);
                    return;
                }
                _label = null;
                if (subject.Speakers.IsEmpty)
                {
                    _unresolved = sentence[..subject.Length];
                    Skip(start, start + length, subject.Why);
                    return;
                }
                foreach (var speaker in subject.Speakers)
                    Seen(speaker, start);
                // "Biden did not comment on the yen" names a leader and a topic but holds no position: it is noted.
                if (subject.Verb.Length > 0 && NoComment().Match(sentence[(subject.Length - subject.Verb.Length)..]) is { Success: true } silent)
                {
                    Said(subject.Speakers);
                    var who = Listed.And(subject.Speakers);
                    var on = silent.Groups["what"].Success ? $" on {silent.Groups["what"].Value.Trim()}" : ", on no topic the sentence names";
                    Skip(start, start + length, $"notes that {who} {silent.Groups["said"].Value}{on}, which is no position of {who}'s: nothing is drafted from it");
                    return;
                }
                if (IsMeeting(subject.Verb, sentence[subject.Length..]))
                {
                    var met = subject.Speakers.Concat(Mentions(sentence[subject.Length..])).Distinct().ToImmutableArray();
                    foreach (var speaker in met)
                        Seen(speaker, start);
                    if (met.Length > 1)
                        _lastGroup = met;
                    Skip(start, start + length, met.Length > 1
                        ? $"tells that {Listed.And(met)} met; it states no position"
                        : $"tells of a meeting of {met[0]}'s with no other leader of the readout; it states no position");
                    return;
                }
                Said(subject.Speakers);
                var kind = subject.Speakers.Length > 1 ? PositionKind.Joint : PositionKind.Stated;
                if (!AddOrDisagreement(start, length, subject.Speakers))
                    return;
                if (ReportingWords.LeavesQuotationOpen(sentence, open: false))
                    _quoted = (subject.Speakers, kind);
                return;
            }
            if (_label is { } carried)
            {
                AddOrDisagreement(start, length, carried);
                return;
            }
            if (_unknownLabel is { } after)
            {
                Skip(start, start + length, $"follows the label '{after.Label}' in its paragraph, {after.Why}");
                return;
            }
            Skip(start, start + length, "names no leader as its speaker (no 'Name:' label, and its subject is not a leader, a country's side, 'Both leaders' or 'They')");
        }

        /// <summary>
        /// Reports a sentence whose label the draft does not take (<paramref name="label"/>, with why), and keeps the label
        /// so that the sentences after it in its paragraph with no subject of their own are reported with it.
        /// </summary>
        private void Unlabelled(int start, int length, (string Label, string Why) label)
        {
            _label = null;
            _unknownLabel = label;
            _section = null;
            Skip(start, start + length, $"is labelled '{label.Label}', {label.Why}");
        }

        /// <summary>
        /// Adds a sentence as its speakers' statement, stated for one and joint for several, and returns true; but a
        /// sentence of several leaders that says they did not agree (<see cref="Disagreement"/>: "The leaders did not
        /// agree on tariffs") holds no position they share, so it is reported for the author, and this returns false.
        /// </summary>
        private bool AddOrDisagreement(int start, int length, ImmutableArray<string> speakers)
        {
            if (speakers.Length > 1 && Disagreement().Match(_text, start, length) is { Success: true } disagreed)
            {
                Skip(start, start + length, $"says that {Listed.And(speakers)} {disagreed.Value}, which is no position they share; draft each leader's position on it by hand from what the readout says");
                return false;
            }
            Add(start, length, speakers.Length > 1 ? PositionKind.Joint : PositionKind.Stated, speakers);
            return true;
        }

        /// <summary>
        /// A sentence that opens with a quotation followed by a reporting clause: the speaker the clause names
        /// (<see cref="ReportingClause"/>), or null as <c>Who</c> when the clause names no speaker this reads, with the
        /// clause as written. A clause names none when it has a reporting verb but no speaker read (<see cref="QuotationWithVerb"/>),
        /// when what "said" it is a text or a reply rather than a person (<c>"…," the statement said.</c>,
        /// <see cref="NoSpeaker"/>), and when it has no reporting verb at all (<c>"…," came the reply.</c>, <c>"…," was the
        /// answer.</c>, <see cref="QuotationWithClause"/>). Null when the sentence opens with no quotation so followed.
        /// </summary>
        private static (string? Who, string Clause)? Reported(string sentence)
        {
            if (ReportingClause().Match(sentence) is { Success: true } clause)
            {
                var who = clause.Groups["who"].Value.Trim();
                return (NoSpeaker().IsMatch(who) ? null : who, clause.Groups["clause"].Value.Trim());
            }
            if (QuotationWithVerb().Match(sentence) is { Success: true } loose)
                return (null, loose.Groups["clause"].Value.Trim());
            return QuotationWithClause().Match(sentence) is { Success: true } rest ? (null, rest.Groups["clause"].Value.Trim()) : null;
        }

        private void NewParagraph()
        {
            _label = null;
            _unknownLabel = null;
            _section = null;
        }

        /// <summary>
        /// A <c>Name:</c> or <c>Name, Name:</c> label at the start, resolved to leaders: a name in any form a
        /// leader's name takes (<see cref="LeaderNames.Mention"/>), in capitals as transcripts write it, with a title
        /// after it ("Narendra Modi, Prime Minister of India") or a country in brackets ("(Japan)"); or a country
        /// the readout ties to its leader ("Japan:").
        /// </summary>
        private (ImmutableArray<string> Speakers, int Length)? Label(string text)
        {
            var match = LabelPattern().Match(text);
            if (!match.Success || SectionLabel(text) is not null)
                return null;
            var who = LabelText(match.Groups["who"].Value);
            if (names.ResolveAll(who, learn: true) is { } speakers)
                return ([.. speakers], match.Length);
            return sides.OfLabel(who) is { Leaders: { Count: > 0 } leaders } ? ([.. leaders], match.Length) : null;
        }

        /// <summary>
        /// The length of a label at the start that heads a section rather than naming a speaker, or null. A speaker's
        /// label is a name (or a role); a section's is not. A label that names a country is a section's when the
        /// sentence after it names the leaders as its subject ("North Korea: Both leaders condemned ...", "Ukraine:
        /// Kishida said ..."), or says a topic was not raised ("Trade: The two leaders did not discuss trade."), which a
        /// country speaking for itself does not ("North Korea: It rejects ..."). A label that no title, no known leader
        /// and no country stands behind is a section's when a word of its name is a common word
        /// (<see cref="LeaderNames.IsCommonWord"/>: "Trade", "Economic Security" in a readout that writes "security";
        /// the honorifics before a name, "The Right Honourable", are no part of it), when the sentence after it names
        /// the leaders as its subject ("Security: The three leaders reaffirmed ...", which no speaker says of himself,
        /// however many leaders the readout has) or says a topic was not raised ("Whaling: Whaling was not discussed."),
        /// and whenever the readout names its leaders with their titles (<see cref="LeaderNames.KnowsLeadersByTitle"/>):
        /// then a label is a speaker only if it names one of them or a country of theirs, or if its sentence is a
        /// speaker's own words, in the first person ("Abe: We will keep up the pressure.", <see cref="ReportingWords.FirstPerson"/>).
        /// </summary>
        private int? SectionLabel(string sentence)
        {
            var match = LabelPattern().Match(sentence);
            if (!match.Success)
                return null;
            var who = LabelText(match.Groups["who"].Value);
            if (!LabelShape().IsMatch(who) || NotALabel().IsMatch(who) || LeaderNames.IsRole(who) || LeaderNames.IsHeadingWord(who))
                return null;
            var rest = sentence[match.Length..];
            // "Trade: The two leaders did not discuss trade." and "Security: The three leaders reaffirmed ...": no speaker
            // says either of himself, so the label is the topic's.
            var aboutLeaders = NamesLeadersAsSubject(rest) || NotDiscussed().IsMatch(rest);
            if (sides.OfLabel(who) is not null)
                return aboutLeaders ? match.Length : null;
            if (names.UntitledStranger(who) is not { } name)
                return null;
            return name.Split(' ').Any(names.IsCommonWord) || aboutLeaders || (names.KnowsLeadersByTitle && !FirstPerson().IsMatch(rest) && !NamesItself(name, rest)) ? match.Length : null;
        }

        /// <summary>
        /// Whether the sentence after a label has the label's own name for its subject, by the same family name ("Abe:
        /// Abe stressed ...", "Shinzo Abe: Mr. Abe said ..."): a speaker's label, with the speaker in the third person,
        /// which a topic's label never is.
        /// </summary>
        private static bool NamesItself(string name, string rest)
        {
            if (SubjectPattern().Match(rest) is not { Success: true } subject || !subject.Groups["names"].Success)
                return false;
            var named = subject.Groups["names"].Value;
            return AnyMention().Match(named) is { Success: true, Index: 0 } mention && mention.Length == named.Length
                && mention.Groups["name"].Value.Split(' ')[^1] == name.Split(' ')[^1];
        }

        /// <summary>
        /// A label the draft cannot tell for a speaker's or a topic's, which it does not guess: in a readout that names its
        /// leaders with titles, a name that no title, no leader, no country and no common word stands behind ("Abe:"),
        /// before a sentence whose subject is "He" or "She" and with no word of the first person: a speaker's third
        /// person, or, under a topic's label, the last leader spoken of. The label as written and why; null for any
        /// other sentence.
        /// </summary>
        private (string Label, string Why)? DoubtfulLabel(string sentence)
        {
            var match = LabelPattern().Match(sentence);
            if (!match.Success || !names.KnowsLeadersByTitle)
                return null;
            var who = LabelText(match.Groups["who"].Value);
            if (!LabelShape().IsMatch(who) || NotALabel().IsMatch(who) || LeaderNames.IsRole(who) || LeaderNames.IsHeadingWord(who) || sides.OfLabel(who) is not null)
                return null;
            if (names.UntitledStranger(who) is not { } name || name.Split(' ').Any(names.IsCommonWord))
                return null;
            var rest = sentence[match.Length..];
            if (FirstPerson().IsMatch(rest) || SubjectPattern().Match(rest) is not { Success: true } subject || !subject.Groups["single"].Success)
                return null;
            var written = match.Groups["who"].Value.Trim();
            var leaders = All.IsEmpty ? "no leader of the readout has" : $"none of its leaders ({Listed.And(All)}) has";
            return (written, $"a name with no title that {leaders}, and its sentence says '{subject.Groups["single"].Value}': whether '{written}' is a speaker or a topic's heading the draft cannot tell; label the sentence with a leader's name, or put the heading on a line of its own");
        }

        /// <summary>
        /// Whether a sentence's subject names leaders, by name or title ("Kishida said", "The Prime Minister stated") or
        /// together ("Both leaders", "The two leaders", "The leaders"); a pronoun ("It", "They", "He") or a country names none.
        /// </summary>
        private bool NamesLeadersAsSubject(string sentence)
        {
            foreach (var match in new[] { SubjectPattern().Match(sentence), SubjectAfterClause().Match(sentence) })
            {
                // A count of leaders ("The three leaders") is leaders whether or not this pass knows as many yet.
                if (match.Success && (match.Groups["group"].Success || (match.Groups["names"].Success && Resolved(match) is { Speakers.IsEmpty: false })))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// A label at the start that reads as one (names and titles, capitalised) but names no leader: the label as
        /// written, and why, with the leaders it could have named. Null when the sentence has no label or its label
        /// names a leader.
        /// </summary>
        private (string Label, string Why)? UnknownLabel(string sentence)
        {
            var match = LabelPattern().Match(sentence);
            if (!match.Success)
                return null;
            var written = match.Groups["who"].Value.Trim();
            var who = LabelText(written);
            if (!LabelShape().IsMatch(who) || NotALabel().IsMatch(who))
                return null;
            var leaders = All.IsEmpty
                ? "the readout names no leader; label the sentence with a leader's name, or leave it out"
                : $"the leaders of the readout are {Listed.And(All)}; label the sentence with one of their names, or leave it out";
            string why;
            if (LeaderNames.IsRole(who))
                why = "a role, not a leader";
            else if (LeaderNames.IsHeadingWord(who))
                why = "a heading's word, not a name";
            else if (sides.OfLabel(who) is { Unresolved: { } country })
                why = $"a country, and the readout names no leader of {country}";
            else if (names.TitleHolders(who) is { Count: > 1 } holders)
                why = $"which could be any of {Listed.And(All.Where(holders.Contains))}";
            else
                why = "which names no leader of the readout";
            return (written, $"{why}: {leaders}");
        }

        /// <summary>
        /// Whether a verb and what follows it tell of a meeting: "met", "hosted"; "spoke", "talked" with or to a
        /// leader or by telephone; "held" or "had" talks, a meeting, a summit or a call (not "a discussion", which tells what was said); "received" a leader or a
        /// call. Otherwise ("spoke about", "held the view", "received assurances") the sentence is a statement.
        /// </summary>
        private bool IsMeeting(string verb, string after)
        {
            var rest = after.TrimStart();
            return verb switch
            {
                "met" or "meets" or "hosted" or "hosts" => true,
                "spoke" or "speaks" or "talked" or "talks" =>
                    ByTelephone().IsMatch(rest) || (WithOrTo().Match(rest) is { Success: true } with && StartsWithLeader(rest[with.Length..])),
                "held" or "holds" or "had" or "has" => MeetingObject().IsMatch(rest),
                "received" or "receives" => StartsWithLeader(rest) || CallOrVisit().IsMatch(rest),
                _ => false,
            };
        }

        private bool StartsWithLeader(string text) =>
            AnyMention().Match(text) is { Success: true, Index: 0 } mention && names.Resolve(mention.Value) is not null;

        /// <summary>
        /// A label as the draft reads it: a country in brackets after the name left out, capitals made into a name's case.
        /// A hyphenated word in capitals is a Korean given name, "Jae-in" in "MOON JAE-IN", when it and the word before it
        /// are romanised Korean syllables (<see cref="LeaderNames.IsKoreanGivenName"/>); any other is a hyphenated name with
        /// a capital after each hyphen, "Smith-Jones" in "MARY SMITH-JONES", "Jean-Paul" in "JEAN-PAUL MARTIN".
        /// </summary>
        private static string LabelText(string who)
        {
            who = TrailingBrackets().Replace(who.Trim(), "");
            if (who.Any(char.IsLower))
                return who;
            var words = who.Split(' ');
            return string.Join(' ', words.Select((w, i) => NameCase(w, given: i > 0 && LeaderNames.IsKoreanGivenName(words[i - 1], w))));
        }

        /// <summary>
        /// A word of a label written in capitals, in a name's case: "MOON" Moon, "SMITH-JONES" Smith-Jones, "OF" of, and
        /// with <paramref name="given"/> (a Korean given name) "JAE-IN" Jae-in; initials ("H.E.") and "PM" kept.
        /// </summary>
        private static string NameCase(string word, bool given)
        {
            if (word.Length == 0 || word is "PM" || Initials().IsMatch(word))
                return word;
            var lower = word.ToLowerInvariant();
            if (SmallWord().IsMatch(lower.TrimEnd(',')))
                return lower;
            var parts = lower.Split('-');
            return string.Join('-', parts.Select((part, k) =>
                part.Length == 0 || (k > 0 && given) || (k == 0 && parts.Length > 1 && SmallWord().IsMatch(part)) ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        }

        /// <summary>
        /// Where a sentence whose subject is <paramref name="first"/> goes on with a clause of other leaders, named or
        /// by their country's side, with a verb of their own ("; Prime Minister Abe noted", ", while the Japanese side
        /// stressed", ", and Putin said"): the end of the first clause (before the joining punctuation) and the start of
        /// the second, or null when the sentence is one speaker's throughout.
        /// </summary>
        private (int End, int Next)? SecondSpeaker(string sentence, int from, ImmutableArray<string> first)
        {
            foreach (Match joint in ClauseJoint().Matches(sentence, from))
            {
                var next = joint.Index + joint.Length;
                var clause = SubjectPattern().Match(sentence[next..]);
                if (!clause.Success || !(clause.Groups["names"].Success || clause.Groups["sides"].Success))
                    continue;
                if (Resolved(clause) is { Speakers.IsEmpty: false } other && !other.Speakers.SequenceEqual(first))
                    return (joint.Index, next);
            }
            return null;
        }

        private (ImmutableArray<string> Speakers, string Verb, int Length, string Why)? Subject(string sentence)
        {
            // "According to Trump, the alliance is ...": the source named first is the speaker, whatever subject follows.
            if (SourceFirst().Match(sentence) is { Success: true } source && Resolved(source) is { Speakers.IsEmpty: false } named)
                return named;
            var atStart = SubjectPattern().Match(sentence);
            if (atStart.Success && Resolved(atStart) is { } found)
                return found;
            var afterClause = SubjectAfterClause().Match(sentence);
            return afterClause.Success ? Resolved(afterClause) : null;
        }

        private (ImmutableArray<string> Speakers, string Verb, int Length, string Why)? Resolved(Match match)
        {
            var verb = match.Groups["verb"].Value;
            if (match.Groups["group"].Success)
            {
                var said = match.Groups["group"].Value;
                // "Both leaders" and "the two leaders" are two, "the three leaders" three: in a readout of more, which of
                // them is not for a draft to guess; in a readout of fewer, who else is meant is not either. A number
                // that is the readout's count of leaders is all of them, a joint statement of all.
                if (GroupCount(said) is { } count && count != All.Length && All.Length > 1)
                    return ([], verb, match.Length, count < All.Length
                        ? $"speaks of '{said}', but the readout names {All.Length} leaders ({Listed.And(All)}); check which {NumberWord(count)} and label the sentence with their names"
                        : $"speaks of '{said}', but the readout names {All.Length} leaders ({Listed.And(All)}); check who they are and label the sentence with their names");
                return All.Length > 1
                    ? (All, verb, match.Length, "")
                    : ([], verb, match.Length, $"speaks of '{said}', but the readout names {All.Length} leader{(All.Length == 1 ? "" : "s")}");
            }
            if (match.Groups["they"].Success)
            {
                // Right after one leader's sentence, "They" in a readout of more than two is that leader with others
                // the text does not name; right after a sentence whose leaders could not be told, they are those: both
                // flagged for the author rather than guessed.
                if (All.Length > 2 && _unresolved is { } unresolved)
                    return ([], verb, match.Length, $"says '{match.Groups["they"].Value}' right after \"{unresolved} ...\", whose leaders the draft could not tell, in a readout of {All.Length} leaders ({Listed.And(All)}); check who they are and label the sentence with their names");
                if (All.Length > 2 && _lastSpeakers is { Length: 1 } alone)
                    return ([], verb, match.Length, $"says '{match.Groups["they"].Value}' right after a sentence of {alone[0]} alone, in a readout of {All.Length} leaders ({Listed.And(All)}); check who they are and label the sentence with their names");
                var group = _lastGroup ?? (All.Length > 1 ? All : (ImmutableArray<string>?)null);
                return group is { } g ? (g, verb, match.Length, "") : ([], verb, match.Length, "says 'They' before any two leaders are named");
            }
            if (match.Groups["sides"].Success)
            {
                var (found, unresolved) = sides.ResolveAll(match.Groups["sides"].Value);
                if (found is not null)
                    return ([.. found], verb, match.Length, "");
                // A labelled paragraph keeps its speaker for a country it does not tie to a leader.
                return _label is null
                    ? ([], verb, match.Length, $"speaks for {unresolved} ('{match.Groups["sides"].Value}'), but the readout names no leader of {unresolved}")
                    : null;
            }
            if (match.Groups["single"].Success)
            {
                return _lastSingle is { } one ? ([one], verb, match.Length, "") : ([], verb, match.Length, $"says '{match.Groups["single"].Value}' before any one leader speaks");
            }
            return names.ResolveAll(match.Groups["names"].Value) is { } speakers ? ([.. speakers], verb, match.Length, "") : null;
        }

        /// <summary>The leaders named in a stretch of text, in order.</summary>
        private IEnumerable<string> Mentions(string text)
        {
            foreach (Match mention in AnyMention().Matches(text))
            {
                if (names.Resolve(mention.Value) is { } name)
                    yield return name;
            }
        }

        private void Said(ImmutableArray<string> speakers)
        {
            _lastSpeakers = speakers;
            _unresolved = null;
            if (speakers.Length > 1)
                _lastGroup = speakers;
            else
                _lastSingle = speakers[0];
        }

        private void Seen(string speaker, int at) => _firstSeen.TryAdd(speaker, at);

        /// <summary>Keeps the leaders a title or heading (starting at <paramref name="at"/>) names, each where it names them, as leaders of the readout.</summary>
        private void Headed(string heading, int at)
        {
            foreach (Match mention in AnyMention().Matches(heading))
            {
                if (names.Resolve(mention.Value) is { } leader)
                    _headed.TryAdd(leader, at + mention.Index);
            }
        }

        private void Add(int start, int length, PositionKind kind, ImmutableArray<string> speakers) =>
            Statements.Add(new BriefingStatement(_text.Substring(start, length), kind, speakers, source.Locate(start), _section));

        private void Skip(int start, int end, string reason) =>
            Skipped.Add(new SkippedSentence(_text[start..end], source.Locate(start), reason));
    }

    private const string Joiner = "(?:, and |, | and | & )";

    /// <summary>
    /// A whole quotation at the start of a sentence: in straight or curly double quotes, or in single quotes, where an
    /// apostrophe before a letter ("Japan's") or a plural's possessive before the small word it qualifies ("the
    /// leaders' meeting") is inside it.
    /// </summary>
    private const string Quotation = @"(?:""[^""]+""|“[^“”]+”|['‘](?:[^'‘’]|['’](?=\p{L})|(?<=s)['’](?=\s+\p{Ll}))+['’])";

    /// <summary>
    /// The speaker of a reporting clause: a leader named in any form (<see cref="LeaderNames.Mention"/>: "Trump", "Mr. Trump",
    /// "President Trump", "the President", "Von der Leyen"), else up to six words ("the spokesman", "he", "a senior official")
    /// that do not open with a verb's auxiliary ("was stressed" is no speaker and a verb).
    /// </summary>
    private const string Reporter = "(?:" + LeaderNames.Mention + @"|(?!(?:was|were|is|are|be|been|being|has|have|had)\s)[\p{L}’'-]+(?: [\p{L}’'-]+){0,5}?)";

    /// <summary>
    /// Where a speaker named after the verb ends: at punctuation, at the end, at a place or a time ("said Trump in Tokyo",
    /// "said President Trump on Monday"), or before a quotation's second part ("said Trump, "and ...").
    /// </summary>
    private const string ReporterEnd = @"(?=\s*(?:[.,;:!?]|$)|\s+(?:in|on|at|after|before|during|when|while|as|to|from|with|for|of|later|today|yesterday|this|last|again|then)(?![\p{L}]))";

    /// <summary>
    /// A quotation followed by its reporting clause, one rule for its shapes: the verb before the speaker (<c>"…," said
    /// Macron.</c>, <c>"…," said President Trump on Monday.</c>) or after it (<c>"…," Trump said.</c>, <c>"…," Mr. Trump
    /// said.</c>, <c>"…," Trump told reporters.</c>, <c>"…," Trump said in Tokyo.</c>), and whatever follows the verb: a
    /// place or time, an object, the quotation's second part (<c>"…," Trump said, "…"</c>). The group <c>who</c> is the
    /// speaker as written, <c>clause</c> the clause up to and with its verb.
    /// </summary>
    [GeneratedRegex("^" + Quotation + @"\s*,?\s*(?<clause>" + ReportingWords.Verb + @"\s+(?<who>" + Reporter + ")" + ReporterEnd + "|(?<who>" + Reporter + @")\s+" + ReportingWords.Verb + ")")]
    private static partial Regex ReportingClause();

    /// <summary>A quotation followed by a clause with a reporting verb in it, whatever its speaker: what <see cref="ReportingClause"/> could not read is reported, not given to a label.</summary>
    [GeneratedRegex("^" + Quotation + @"\s*,?\s*(?<clause>[^""“”]{0,80}?" + ReportingWords.Verb + ")")]
    private static partial Regex QuotationWithVerb();

    /// <summary>
    /// A quotation that a clause without a reporting verb follows in its sentence, the quotation ending in a comma, a
    /// question mark or an exclamation mark (inside its quotes or a comma after them): <c>"…," came the reply.</c>,
    /// <c>"…," was the answer.</c>, <c>"…?" came the question.</c>. Such a clause tells who or what spoke, or that it
    /// cannot be told, never that the label above spoke; the group <c>clause</c> is the clause up to the sentence's end
    /// or the quotation's second part.
    /// </summary>
    [GeneratedRegex("^" + Quotation + @"(?:(?<=[,?!][""”'’])|\s*,)\s*(?<clause>\p{L}[^""“”]*?)(?=[.!?]?\s*$|,\s*[""“‘'])")]
    private static partial Regex QuotationWithClause();

    /// <summary>
    /// What a reporting clause may name as having said a quotation that is a text or a reply, not a person: "the
    /// statement", "the joint statement", "the reply", "a brief answer", "the White House readout". Its speaker is not
    /// told, so the sentence is reported rather than given to anyone.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:the|a|an|its|their|this|that|one)\s+)?(?:[\p{L}’'-]+\s+){0,3}(?:statements?|repl(?:y|ies)|answers?|responses?|readouts?|communiqu[eé]s?|releases?|announcements?|documents?|declarations?|texts?|reports?|notes?|transcripts?|memos?|summar(?:y|ies)|messages?|letters?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoSpeaker();

    /// <summary>What a sentence of several leaders says when they did not agree: "did not agree", "failed to reach agreement", "disagreed", "no agreement was reached".</summary>
    [GeneratedRegex(@"\b(?:(?:did not|didn't|could not|couldn't|failed to|were unable to|were not able to) (?:agree|reach (?:an? )?(?:agreement|consensus|deal)|find common ground|come to (?:an )?agreement)|disagreed|no (?:agreement|consensus) (?:was|could be) reached)\b")]
    private static partial Regex Disagreement();

    [GeneratedRegex(ReportingWords.Numbering)]
    private static partial Regex Numbering();

    /// <summary>The number of leaders a group subject counts ("Both leaders", "The three leaders", "All four leaders"); null for one that counts none ("The leaders", "All the leaders").</summary>
    private static int? GroupCount(string group)
    {
        var words = group.ToLowerInvariant().Split(' ');
        if (words.Contains("both"))
            return 2;
        var at = Array.FindIndex(words, w => Array.IndexOf(NumberWords, w) >= 2);
        return at < 0 ? null : Array.IndexOf(NumberWords, words[at]);
    }

    /// <summary>The numbers a group subject may count its leaders by, each at its value's index.</summary>
    private static readonly string[] NumberWords = ["", "one", "two", "three", "four", "five", "six"];

    private static string NumberWord(int count) => count < NumberWords.Length ? NumberWords[count] : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:\[.*\]|【.*】|〔.*〕|［.*］)$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[.!?][""”’')\]]*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?<who>[^:\n]{1,120}?):\s+(?=\S)")]
    private static partial Regex LabelPattern();

    /// <summary>
    /// A sentence that says a topic was not raised: "there was no discussion on ...", "... was not discussed / on the
    /// agenda", "did not touch on ...", "... did not come up", and "Neither leader raised ...", whose subject is no
    /// leader but says that no leader did (<see cref="NotDiscussedWords"/>).
    /// </summary>
    [GeneratedRegex(NotDiscussedWords.Sentence)]
    private static partial Regex NotDiscussed();

    [GeneratedRegex("^" + NotDiscussedWords.NoLeader + @"(?![\p{L}])")]
    private static partial Regex NoLeaderSubject();

    private const string SubjectBody =
        "(?:(?<group>(?:[Bb]oth|[Tt]he (?:two|three|four|five|six)|[Tt]he|[Bb]oth the|[Aa]ll the|[Aa]ll (?:three|four|five|six)|[Aa]ll) (?:leaders|sides|heads of (?:state|government)))|(?<they>[Tt]hey)|(?<single>[Hh]e|[Ss]he)|(?<sides>"
        + CountrySides.Mention + "(?:" + Joiner + CountrySides.Mention + ")*)|(?<names>"
        + LeaderNames.Mention + LeaderNames.OfCountry + "?(?:" + Joiner + LeaderNames.Mention + LeaderNames.OfCountry + "?)*))"
        + ReportingWords.Inserted + @"?(?:,? (?:also|further|then|both|each|again|jointly|later|once again|all))? (?<verb>\p{Ll}+)\b";

    /// <summary>A speaker named before the sentence's own words (<see cref="ReportingWords.SourceFirst"/>): "According to Trump, ...", "According to Prime Minister Abe, ...".</summary>
    [GeneratedRegex("^" + ReportingWords.SourceFirst + " (?<names>" + LeaderNames.Mention + LeaderNames.OfCountry + "?(?:" + Joiner + LeaderNames.Mention + LeaderNames.OfCountry + "?)*), ")]
    private static partial Regex SourceFirst();

    /// <summary>A leader who said nothing on a topic, read from the subject's verb on (<see cref="ReportingWords.NoComment"/>).</summary>
    [GeneratedRegex(ReportingWords.NoComment)]
    private static partial Regex NoComment();

    [GeneratedRegex(ReportingWords.FirstPerson)]
    private static partial Regex FirstPerson();

    [GeneratedRegex("^" + SubjectBody)]
    private static partial Regex SubjectPattern();

    /// <summary>What joins two clauses of a sentence, each with its own subject: a semicolon, or a comma and "and", "but", "while" or "whereas".</summary>
    [GeneratedRegex(@"; |, (?:and|but|while|whereas) ")]
    private static partial Regex ClauseJoint();

    [GeneratedRegex("^[^,]{1,120}?, " + SubjectBody)]
    private static partial Regex SubjectAfterClause();

    [GeneratedRegex(@"^(?:by (?:tele)?phone|by video|on the (?:tele)?phone|over the (?:tele)?phone)\b")]
    private static partial Regex ByTelephone();

    [GeneratedRegex(@"^(?:with|to) ")]
    private static partial Regex WithOrTo();

    [GeneratedRegex(@"^(?:(?:a|an|the|their|his|her|its) )?(?:[\p{Ll}-]+ ){0,3}(?:talks|meetings?|summits?|calls?)\b")]
    private static partial Regex MeetingObject();

    [GeneratedRegex(@"^(?:(?:a|an) )?(?:courtesy )?(?:call|visit)\b")]
    private static partial Regex CallOrVisit();

    /// <summary>What a label looks like: names and titles, each word capitalised but for the small words inside names, "and" and "&amp;".</summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.’'-]*|(?:al|el|ad)-\p{Lu}\p{L}*)(?:,? (?:\p{Lu}[\p{L}.’'-]*|(?:al|el|ad)-\p{Lu}\p{L}*|of|the|and|&|al|el|bin|bint|ibn|da|de|del|della|der|den|di|dos|du|van|von|zu)){0,9}$")]
    private static partial Regex LabelShape();

    /// <summary>A capitalised opening word that makes a phrase, not a name: "On North Korea: ...", "As for trade: ...".</summary>
    [GeneratedRegex(@"^(?:On|In|At|As|For|Regarding|Concerning|With|After|Before|During|Also|Finally|First|Second|Third|Lastly|However|Meanwhile|Then|Today|Yesterday|Additionally|Moreover|Furthermore|Further|Subsequently|Separately|Earlier|Later|Next|Overall|Re)\b")]
    private static partial Regex NotALabel();

    [GeneratedRegex(@"\s*\([^()]*\)$")]
    private static partial Regex TrailingBrackets();

    [GeneratedRegex(@"^(?:\p{L}\.)+,?$")]
    private static partial Regex Initials();

    [GeneratedRegex("^(?:of|the|and|al|el|bin|bint|ibn|da|de|del|della|der|den|di|dos|du|van|von|zu)$")]
    private static partial Regex SmallWord();

    [GeneratedRegex(@"\bbetween (?<a>" + LeaderNames.Mention + ") and (?<b>" + LeaderNames.Mention + ")")]
    private static partial Regex Between();

    [GeneratedRegex(LeaderNames.Mention)]
    private static partial Regex AnyMention();

    /// <summary>The name right after a paragraph's letter that may be an initial: "Biden" in "J. Biden: ...".</summary>
    [GeneratedRegex(@"\G\p{Lu}[\p{L}’'-]+(?![\p{L}.])")]
    private static partial Regex NameAfterInitial();
}
