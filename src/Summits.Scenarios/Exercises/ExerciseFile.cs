using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Loads an exercise file (<c>scenarios/exercises/</c>) and a student's answers to one. Every mistake is one
/// line with file, line and column, as for a scenario; injects are the scenario format's shocks and
/// proposals its proposals, read by the same <see cref="StepReader"/>.
/// </summary>
public static partial class ExerciseFile
{
    private static readonly string[] ExerciseKeys = ["exercise", "title", "about", "world", "record", "seed", "rounds", "others", "topics",
        "objectives", "facilitator-note", "roles", "predictions", "injects", "scoring"];
    private static readonly string[] RoleKeys = ["actor", "priorities", "reservation", "must-not-give-up"];
    private static readonly string[] LimitKeys = ["topic", "limit", "why"];
    private static readonly string[] QuestionKeys = ["id", "ask", "points", "agreement", "value", "choice"];
    private static readonly string[] OptionKinds = ["agreement", "no-agreement", "moves-more"];
    private static readonly string[] OptionKeys = ["id", "says", .. OptionKinds];
    private static readonly string[] MovesMoreKeys = ["actor", "topic"];
    private static readonly string[] ValueQuestionKeys = ["actor", "topic"];
    private static readonly string[] InjectKeys = ["round", "shock"];
    private static readonly string[] ScoringKeys = ["agreement", "beyond-reservation", "breach", "must-not-give-up", "value-step"];
    private static readonly string[] AnswersKeys = ["answers", "partial", "role", "predictions", "other-predictions", "players", "proposals", "responses"];
    private static readonly string[] ProposalKeys = ["round", "from", "terms", "deadline"];
    private static readonly string[] ResponseKeys = ["proposal", "answer"];

    /// <summary>The most rounds an exercise may have.</summary>
    public const int MaxRounds = 100;

    /// <exception cref="InputException">the file, or a file it names, is missing or wrong.</exception>
    public static Exercise Load(string path) => Parse(path, Read(path, "exercise file"));

    public static Exercise Parse(string path, string text)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, text, expected: FileKind.Exercise), "the exercise", ExerciseKeys, identifiedBy: "exercise");
        var id = Id(root, "exercise");
        var title = NotBlank(root, "title");
        var about = root.OptionalString("about") ?? "";
        var worldPath = Named(root, path, "world", "world file");
        var recordPath = root.Has("record") ? Named(root, path, "record", "record file") : null;
        var seedNode = root.Optional("seed");
        var seed = seedNode is null ? 0UL
            : ulong.TryParse(root.Scalar(seedNode, "seed", ScenarioFile.SeedExpected), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
            : throw root.Fail(seedNode, $"'seed' must be {ScenarioFile.SeedExpected}, not '{root.Scalar(seedNode, "seed")}'");
        var rounds = root.Integer("rounds", 1, MaxRounds);
        var others = root.Has("others") ? root.Enum<OthersAtTable>("others") : OthersAtTable.Model;
        var topicNodes = root.List("topics");
        var objectives = root.List("objectives").Select(n => NotBlank(root, n, "objectives")).ToImmutableArray();
        var note = NotBlank(root, "facilitator-note");
        var roleNodes = root.List("roles");
        var predictionNodes = root.List("predictions");
        var injectNodes = root.OptionalList("injects");
        var scoring = root.Has("scoring") ? Scoring(new MappingReader(path, root.Required("scoring"), "the scoring", ScoringKeys)) : new Scoring();
        root.RejectUnknownKeys();

        var world = WorldFile.Load(worldPath, root.String("world"), problem => root.Fail(root.Required("world"), problem), "exercise");
        var record = recordPath is null ? null : RecordFile.Load(recordPath, root.String("record"), problem => root.Fail(root.Required("record"), problem));
        if (record is not null && !InputFile.SameFile(record.WorldPath, worldPath))
            throw root.Fail(root.Required("record"), $"the record '{root.String("record")}' follows the world {record.World.Id} ({InputPath.Said(record.WorldPath)}), not this exercise's world");
        var topics = new List<string>();
        foreach (var node in topicNodes)
        {
            if (topics.Count == Exercise.MostTopics)
                throw root.Fail(node, $"a table holds at most {Exercise.MostTopics} topics, so that each round's menu at the keyboard (a choice for each topic, one for a package and one to end the round) fits the keys 1 to 9; this one names {topicNodes.Count}");
            var topic = root.Item(node, "topics", $"a topic id, {MappingReader.OneOf(world.Topics.Select(t => t.Id))}");
            if (!world.Topics.Any(t => t.Id == topic))
                throw root.Fail(node, $"unknown topic '{topic}'{Closest.DidYouMean(topic, world.Topics.Select(t => t.Id))}; known topics: {MappingReader.Known(topic, world.Topics.Select(t => t.Id))}");
            if (topics.Contains(topic))
                throw root.Fail(node, $"'{topic}' is named twice in 'topics'");
            topics.Add(topic);
        }

        if (roleNodes.Count != 2)
            throw root.Fail(root.Required("roles"), $"an exercise has two roles, the two sides of the table, not {roleNodes.Count}");
        var roles = new List<ExerciseRole>();
        foreach (var node in roleNodes)
        {
            var role = Role(new MappingReader(path, node, "a role", RoleKeys), world, topics);
            if (roles.Any(r => r.Actor == role.Actor))
                throw root.Fail(node, $"{role.Actor} has two roles; the two roles are two different actors");
            roles.Add(role);
        }

        // The roles' reservation values are the ones the model plays each role with: the exercise's world states
        // them on the roles' positions, so the briefs, the play and the scoring read one number.
        world = world with
        {
            Positions = [.. world.Positions.Select(p => roles.FirstOrDefault(r => r.Actor == p.Actor) is { } role && role.Reservations.TryGetValue(p.Topic, out var reservation)
                ? p with { Reservation = reservation } : p)],
        };

        var predictionIds = new HashSet<string>(StringComparer.Ordinal);
        var predictions = predictionNodes.Select(n => Question(new MappingReader(path, n, "a prediction question", QuestionKeys), world, topics, roles, predictionIds)).ToImmutableArray();

        var reader = new StepReader(path, world);
        var injects = new List<Inject>();
        foreach (var node in injectNodes)
            injects.Add(ReadInject(path, node, reader, injects.Count + 1, rounds, others, roles, world));

        return new Exercise(id, title, about, path, worldPath, world, seed, rounds, others, [.. topics], objectives, note, [.. roles], predictions, [.. injects], scoring, record);
    }

    /// <summary>
    /// One inject written as an exercise file's <c>injects</c> entry (<c>round</c> and <c>shock</c>), read in
    /// <paramref name="text"/> against <paramref name="exercise"/> with the file's checks and words: its round one of
    /// the exercise's, its shock a scenario's shock on the exercise's world, no actor changed that the exercise keeps
    /// off the table. Its step's id is <c>inject-{number}</c>.
    /// </summary>
    /// <param name="path">The name its mistakes are told under, as a file's path is.</param>
    /// <exception cref="InputException">The inject is not one an exercise file could hold; <see cref="InputException.Problem"/> says why.</exception>
    public static Inject ParseInject(string path, string text, Exercise exercise, int number)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var node = YamlDocument.LoadMapping(path, text);
        return ReadInject(path, node, new StepReader(path, exercise.World), number, exercise.Rounds, exercise.Others, exercise.Roles, exercise.World);
    }

    private static Inject ReadInject(string path, YamlNode node, StepReader reader, int number, int rounds, OthersAtTable others, IReadOnlyList<ExerciseRole> roles, World world)
    {
        var r = new MappingReader(path, node, "an inject", InjectKeys);
        var round = r.Integer("round", 1, rounds);
        var shock = r.Required("shock");
        r.RejectUnknownKeys();
        // An actor kept off the table is said so at once, before the change is read as a scenario's (which would
        // ask for a new position's salience, when no change to that actor can be made at all).
        if (others == OthersAtTable.Off && shock is YamlMappingNode shockMap
            && shockMap.Children.TryGetValue(new YamlScalarNode("changes"), out var changeList) && changeList is YamlSequenceNode changeNodes)
        {
            foreach (var change in changeNodes.OfType<YamlMappingNode>())
            {
                foreach (var key in new[] { "position", "salience", "capability", "affinity" })
                {
                    if (change.Children.TryGetValue(new YamlScalarNode(key), out var who) && who is YamlScalarNode { Value: { } actor }
                        && world.Actors.Any(a => a.Id == actor) && roles.All(role => role.Actor != actor))
                        throw r.Fail(who, $"the inject changes {actor}, but 'others: off' keeps the actors without a role off the table; the roles are {Listed.And(roles.Select(x => x.Actor))}");
                }
            }
        }
        var step = (ShockStep)reader.ReadAll([new YamlMappingNode(new YamlScalarNode("id"), new YamlScalarNode($"inject-{number}"), new YamlScalarNode("shock"), shock)])[0];
        if (others == OthersAtTable.Off && step.Changes.FirstOrDefault(c => roles.All(role => role.Actor != c.Actor)) is { } offTable)
            throw r.Fail(shock, $"the inject changes {offTable.Actor}, but 'others: off' keeps the actors without a role off the table; the roles are {Listed.And(roles.Select(x => x.Actor))}");
        return new Inject(round, step with { Line = (int)node.Start.Line });
    }

    /// <exception cref="InputException">the answers are wrong, or do not fit <paramref name="exercise"/>, or <paramref name="roleOverride"/> names another role than a play by two's file (whose predictions are its own player's).</exception>
    /// <param name="partial">Whether answers saved from a stopped play (<c>partial</c>) are taken, with questions left unanswered; when false they are refused.</param>
    public static ExerciseAnswers LoadAnswers(string path, Exercise exercise, string? roleOverride = null, bool partial = false) =>
        ParseAnswers(path, Read(path, "answers file"), exercise, roleOverride, partial);

    /// <param name="allowPartial">Whether answers saved from a stopped play (<c>partial</c>) are taken, with questions left unanswered; when false they are refused.</param>
    public static ExerciseAnswers ParseAnswers(string path, string text, Exercise exercise, string? roleOverride = null, bool allowPartial = false)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, text, expected: FileKind.Answers), "the answers file", AnswersKeys, identifiedBy: "answers");
        var answersNode = root.Required("answers");
        if (root.String("answers") != exercise.Id)
            throw root.Fail(answersNode, $"these answers are to the exercise '{root.String("answers")}', not '{exercise.Id}'");
        ExerciseAnswers.PartialPlay? stopped = null;
        if (root.Optional("partial") is { } partial)
        {
            var words = root.Scalar(partial, "partial");
            if (!allowPartial)
                throw root.Fail(partial, $"these answers are partial (the play at the keyboard was {words}), so they cannot be played as a whole play; play them at a terminal with --answers to go on from where they stop, or finish the file's answers and remove 'partial'");
            var round = StoppedRound().Match(words) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : words.Contains("after the last round", StringComparison.Ordinal) ? exercise.Rounds : 0;
            if (round > exercise.Rounds)
                throw root.Fail(partial, $"'partial' says the play stopped in round {round}, but {exercise.Id} has {Counted.Of(exercise.Rounds, "round")}");
            stopped = new ExerciseAnswers.PartialPlay(words, YamlDocument.At(path, partial), round);
        }
        // A role written in another case names that role ("us" is US), as on the command line.
        var roles = exercise.Roles.Select(r => r.Actor).ToList();
        var roleNode = root.Required("role", $"role: {MappingReader.Choices(roles)}, the roles of {exercise.Id}");
        var role = root.String("role", $"a role, {MappingReader.OneOf(roles)}");
        var named = IdMatch.Find(roles, role);
        if (roleOverride is null && named is null)
            throw root.Fail(roleNode, $"'{role}' has no role in {exercise.Id}; the roles are {MappingReader.Known(role, roles)}");
        role = roleOverride is null ? named! : IdMatch.Find(roles, roleOverride) ?? roleOverride;
        ImmutableSortedDictionary<string, string> Predictions(string field)
        {
            var answered = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            // A play stopped before any prediction was answered may leave 'predictions' empty.
            var none = stopped is not null && root.Required(field) is YamlScalarNode { Value: null or "" };
            foreach (var (key, value) in none ? [] : root.Pairs(field))
            {
                var question = exercise.Predictions.FirstOrDefault(p => p.Id == key.Value);
                if (question is null)
                    // The questions as the exercise sets them out, as every other list of its questions is given.
                    throw root.Fail(key, $"unknown prediction question '{key.Value}'; the questions are {MappingReader.Known(exercise.Predictions.Select(p => p.Id))}");
                string[] choices = question.IsChoice ? [.. question.Options.Select(o => o.Id)] : Scenarios.Prediction.Choices;
                // A yes, a no or an option's id in any case, as every choice an exercise offers is read ('YES' is yes).
                answered[key.Value!] = question.IsValue
                    ? YamlText.Number(root.Number(value, key.Value!, 0, 100))
                    : IdMatch.Find(choices, root.Scalar(value, key.Value!, MappingReader.OneOf(choices)))
                      ?? throw root.Fail(value, $"'{key.Value}' must be {MappingReader.OneOf(root.Scalar(value, key.Value!), choices)}, not '{root.Scalar(value, key.Value!)}'");
            }
            return answered.ToImmutable();
        }
        var predictions = Predictions("predictions");
        if (stopped is null && exercise.Predictions.FirstOrDefault(p => !predictions.ContainsKey(p.Id)) is { } unanswered)
            throw root.Fail(root.Required("predictions"), $"the prediction question '{unanswered.Id}' has no answer; every question needs one: {MappingReader.Known(exercise.Predictions.Select(p => p.Id))}");
        var players = root.Has("players") ? root.Integer("players", 1, 2) : 1;
        // In a play by two, each player's file holds that player's own predictions: another role's player cannot be
        // scored with them, nor the proposals told apart by whose they are.
        if (players == 2 && role != named)
            throw root.Fail(roleNode, $"--role {role} asks for the player of {role}, but these answers are {root.String("role")}'s player's in a play by two players ('players: 2'), with that player's predictions; give the answers file of {role}'s player (answers-{role}.yaml, written beside this one), or leave out --role");
        // The second player's predictions travel with a stopped play by two, so that going on asks neither player again.
        var otherPredictions = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        if (root.Optional("other-predictions") is { } other)
        {
            if (stopped is null || players != 2)
                throw root.Fail(other, $"'other-predictions' holds the second player's predictions in the partial answers of a stopped play by two players ('partial' and 'players: 2'); these answers are {(stopped is null ? "a whole play" : "of a play by one player")}, so give only 'predictions'");
            otherPredictions = Predictions("other-predictions");
        }
        var proposalNodes = root.OptionalList("proposals");
        var responseNodes = root.OptionalList("responses");
        root.RejectUnknownKeys();

        // With one player, --role naming the other role than the file's plays the file's proposals as that role and
        // answers only the offers made to it: a proposal 'from' the file's role, or a response to an offer made to the
        // file's role (as a keyboard play writes them), is refused at the first in the file, naming the other if any.
        if (players == 1 && named is not null && role != named)
            RejectSwapped(root, exercise, proposalNodes, responseNodes, named, role);

        var reader = new StepReader(path, exercise.World);
        var proposals = new List<ExerciseAnswers.RoundProposal>();
        foreach (var node in proposalNodes)
        {
            var r = new MappingReader(path, node, "a proposal", ProposalKeys);
            var round = r.Integer("round", 1, exercise.Rounds);
            var from = role;
            if (r.Optional("from") is { } fromNode)
            {
                from = r.String("from", $"a role, {MappingReader.OneOf(roles)}");
                from = IdMatch.Find(roles, from) ?? from;
                if (players == 1 && from != role)
                    throw r.Fail(fromNode, $"with one player every proposal is from the role played, {role}, not '{from}'; 'players: 2' lets a second person propose for {exercise.Opposite(role).Actor}");
                if (!roles.Contains(from))
                    throw r.Fail(fromNode, $"'{from}' has no role in {exercise.Id}; the roles are {MappingReader.Known(from, roles)}");
            }
            var terms = r.Required("terms");
            var deadline = r.Optional("deadline");
            r.RejectUnknownKeys();
            // The topics are checked against the table first, so that a mistake is told in the table's topics.
            if (terms is YamlMappingNode termMap)
            {
                if (termMap.Children.Count == 0)
                    throw r.Fail(terms, $"'terms' is an empty package; name at least one topic on the table with its value, for example {{ {exercise.Topics[0]}: 50 }}; the topics on the table: {MappingReader.Known(exercise.Topics)}");
                if (termMap.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && !exercise.Topics.Contains(name)) is YamlScalarNode offTable)
                    throw r.Fail(offTable, $"'{offTable.Value}' is not on the table of {exercise.Id}; a proposal may name {MappingReader.Choices(offTable.Value!, exercise.Topics)}");
            }
            // The scenario format's proposal, from one role to the other: its terms and deadline are read and checked as a scenario's are.
            var propose = new YamlMappingNode(new YamlScalarNode("from"), new YamlScalarNode(from), new YamlScalarNode("to"), new YamlScalarNode(exercise.Opposite(from).Actor), new YamlScalarNode("terms"), terms);
            if (deadline is not null)
                propose.Add(new YamlScalarNode("deadline"), deadline);
            // A deadline of 0 or below is told the exercise's range, as one past it is, before the scenario format's own
            // range (1 to 10000) could be: 0 is the keyboard's last word, which a file gives by leaving 'deadline' out.
            if (deadline is YamlScalarNode { Value: { } written } && int.TryParse(written, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var early) && early < 1)
                Deadline(r, deadline, early, round, players, exercise);
            var id = ExercisePlay.ProposalId(round, from, proposals.Count(p => p.Round == round && p.Proposal.From == from) + 1);
            var step = (ProposeStep)reader.ReadAll([new YamlMappingNode(new YamlScalarNode("id"), new YamlScalarNode(id), new YamlScalarNode("propose"), propose)])[0];
            if (deadline is not null && step.Deadline is { } rounds)
                Deadline(r, deadline, rounds, round, players, exercise);
            if (step.Terms.FirstOrDefault(t => !exercise.Topics.Contains(t.Topic)) is { Topic: not null } off)
                throw r.Fail(terms, $"'{off.Topic}' is not on the table of {exercise.Id}; a proposal may name {MappingReader.Choices(off.Topic, exercise.Topics)}");
            proposals.Add(new ExerciseAnswers.RoundProposal(round, step with { Line = (int)node.Start.Line }));
        }

        var responses = new List<RespondStep>();
        foreach (var node in responseNodes)
        {
            var r = new MappingReader(path, node, "a response", ResponseKeys);
            var idNode = r.Required("proposal");
            var id = r.String("proposal");
            var answerNode = r.Required("answer", "answer: accept or reject");
            var answer = r.String("answer");
            r.RejectUnknownKeys();
            // The other side's proposal or offer answered: with two players one of the file's proposals, with one a model's offer.
            var from = players == 2
                ? proposals.FirstOrDefault(p => p.Proposal.Id == id)?.Proposal.From
                    ?? throw r.Fail(idNode, $"'{id}' is not a proposal of these answers; the proposals are {MappingReader.Known(id, proposals.Select(p => p.Proposal.Id))}")
                : ExercisePlay.IsOfferId(exercise, exercise.Opposite(role).Actor, id) ? exercise.Opposite(role).Actor
                    : throw r.Fail(idNode, $"'{id}' is not an offer the model can make in {exercise.Id}; its offers are named as the play shows them, r<round>-{exercise.Opposite(role).Actor}-offer.r1.<topics joined by +>, such as {ExercisePlay.OfferStepId(1, exercise.Opposite(role).Actor)}.r1.{exercise.Topics[0]}");
            if (responses.Any(x => x.Proposal == id))
                throw r.Fail(idNode, $"'{id}' is answered twice; each proposal takes one answer");
            // Read in any case, as a prediction's yes or no and a role are ('ACCEPT' is accept).
            var response = IdMatch.Find(["accept", "reject"], answer) switch
            {
                "accept" => Response.Accept,
                "reject" => Response.Reject,
                _ => throw r.Fail(answerNode, $"'answer' must be {MappingReader.OneOf(answer, ["accept", "reject"])}, not '{answer}'"),
            };
            responses.Add(new RespondStep($"answer-{responses.Count + 1}", (int)node.Start.Line, exercise.Opposite(from).Actor, id, new ScriptedAnswer(response, [], ExercisePlay.PlayersAnswer)));
        }
        return new ExerciseAnswers(path, role, predictions, [.. proposals.OrderBy(p => p.Round)])
        {
            Responses = [.. responses],
            Players = players,
            Partial = stopped,
            OtherPredictions = otherPredictions,
        };
    }

    /// <summary>
    /// Refuses answers of one player written as <paramref name="named"/> (the file's <c>role</c>) and played with
    /// <c>--role</c> <paramref name="played"/>, the other role, where they hold what only the file's role can: a
    /// proposal whose <c>from</c> names <paramref name="named"/>, or a response to the model's offer made to
    /// <paramref name="named"/>. The refusal is at the first of these in the file, quotes the file's <c>role</c> as
    /// written, and, when the file holds both kinds, says that both must go (naming the line of the other).
    /// </summary>
    /// <exception cref="InputException">The answers hold such a proposal or response.</exception>
    private static void RejectSwapped(MappingReader root, Exercise exercise, IReadOnlyList<YamlNode> proposalNodes, IReadOnlyList<YamlNode> responseNodes, string named, string played)
    {
        static YamlScalarNode? Value(YamlNode node, string key) =>
            node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlScalarNode : null;
        var roles = exercise.Roles.Select(r => r.Actor).ToList();
        var from = proposalNodes.Select(n => Value(n, "from")).FirstOrDefault(v => v?.Value is { } f && IdMatch.Find(roles, f) == named);
        var response = responseNodes.Select(n => Value(n, "proposal")).FirstOrDefault(v => v?.Value is { } id && ExercisePlay.IsOfferId(exercise, played, id));
        if (from is null && response is null)
            return;
        var responseFirst = from is null || (response is not null && (response.Start.Line, response.Start.Column).CompareTo((from.Start.Line, from.Start.Column)) < 0);
        var at = responseFirst ? response! : from!;
        var what = responseFirst ? $"'{response!.Value}' answers the model's offer as {played} to {named}" : $"this proposal is from {named}";
        var fix = from is null ? "remove the responses"
            : response is null ? "leave out 'from'"
            : responseFirst ? $"remove the responses and leave out 'from' (line {from.Start.Line})"
            : $"leave out 'from' and remove the responses (line {response.Start.Line})";
        throw root.Fail(at, $"{what}, the role these answers play ('role: {root.String("role")}'); --role {played} plays them as {played}, whose player makes every proposal and answers only {named}'s offers: leave out --role to play them as {named}, or {fix} to play the proposals as {played}");
    }

    /// <summary>
    /// Checks a proposal's <c>deadline</c>, which counts the model's offer rounds the proposal stays open for: it is
    /// renewed at the model's offers after its own round, then after each later one, <paramref name="deadline"/> times
    /// at most. The model offers after every round but the last, and only when it plays the other side, so a proposal
    /// of round K can be renewed at most (round limit − K) times.
    /// </summary>
    private static void Deadline(MappingReader r, YamlNode node, int deadline, int round, int players, Exercise exercise)
    {
        if (players == 2)
            throw r.Fail(node, "with two players nobody offers between rounds, so a proposal is never renewed and its deadline never counts; leave 'deadline' out");
        var most = exercise.Rounds - round;
        if (most == 0)
            throw r.Fail(node, $"a proposal in round {round}, the last, is not renewed: the model offers after every round but the last; leave 'deadline' out");
        if (deadline > most || deadline < 1)
            throw r.Fail(node, $"'deadline' counts the model's offer rounds the proposal stays open for, from the one after its round: a proposal of round {round} of {exercise.Rounds} can stay open for {(most == 1 ? "1 only" : $"1 to {most}")}, not {deadline}"
                + (deadline < 1 ? "; for a last word (0 at the keyboard) leave 'deadline' out" : ""));
    }

    /// <summary>The round in a <c>partial</c> value: "stopped in round 2".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bin round (\d+)\b")]
    private static partial System.Text.RegularExpressions.Regex StoppedRound();

    private static string Read(string path, string what)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), InputFile.NotThere(path, what));
        return InputFile.ReadText(path, path, what, InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem));
    }

    private static ExerciseRole Role(MappingReader r, World world, IReadOnlyList<string> topics)
    {
        var actorNode = r.Required("actor");
        var actor = r.String("actor", $"an actor id, {MappingReader.OneOf(world.Actors.Select(a => a.Id))}");
        // Only an actor with a position on every topic on the table can take a role: those are the choices.
        var able = world.Actors.Select(a => a.Id).Where(a => topics.All(t => world.PositionsOn(t).Any(p => p.Actor == a))).ToList();
        var choices = able.Count == 0 ? "no actor holds a position on every topic on the table" : MappingReader.Known(actor, able);
        if (!world.Actors.Any(a => a.Id == actor))
            throw r.Fail(actorNode, $"unknown actor '{actor}'{Closest.DidYouMean(actor, able)}; the actors that can take a role (a position on every topic on the table): {choices}");
        if (topics.FirstOrDefault(t => !world.PositionsOn(t).Any(p => p.Actor == actor)) is { } unheld)
            throw r.Fail(actorNode, $"{actor} holds no position on '{unheld}', which is on the table; a role is an actor with a position on every topic on the table: {choices}");
        var priorities = TopicValues(r, "priorities", topics, 0, 10);
        var reservations = TopicValues(r, "reservation", topics, 0, 100);
        foreach (var (topic, value) in reservations)
        {
            // A reservation value the world file states is the model's; a role may not contradict it.
            if (world.PositionsOn(topic).First(p => p.Actor == actor).Reservation is { } stated && stated != value)
                throw r.Fail(r.Required("reservation"), $"{actor}'s reservation value on '{topic}' is {MappingReader.Format(value)} here, but the world file states {MappingReader.Format(stated)}; give the world's value, or leave it out of the world file");
        }
        var limits = new List<Limit>();
        foreach (var node in r.OptionalList("must-not-give-up"))
        {
            var l = new MappingReader(r.File, node, "a limit", LimitKeys);
            var topicNode = l.Required("topic");
            var topic = l.String("topic");
            // A limit binds agreements made in play, and play makes agreements only on the table's topics.
            if (!topics.Contains(topic))
                throw l.Fail(topicNode, $"'{topic}' is not on the table; 'must-not-give-up' gives a limit on {MappingReader.OneOf(topic, topics)}");
            if (!world.PositionsOn(topic).Any(p => p.Actor == actor))
                throw l.Fail(topicNode, $"{actor} holds no position on '{topic}'; a limit is on a topic where the role stands somewhere");
            limits.Add(new Limit(topic, l.Number("limit", 0, 100), NotBlank(l, "why")));
            l.RejectUnknownKeys();
        }
        r.RejectUnknownKeys();
        return new ExerciseRole(actor, priorities, reservations, [.. limits]);
    }

    /// <summary>A value for every topic on the table, and for none other.</summary>
    private static ImmutableSortedDictionary<string, double> TopicValues(MappingReader r, string key, IReadOnlyList<string> topics, double min, double max)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in r.Pairs(key))
        {
            if (!topics.Contains(k.Value!))
                throw r.Fail(k, $"'{k.Value}' is not on the table; '{key}' gives a value for each topic on the table: {MappingReader.Known(k.Value!, topics)}");
            values[k.Value!] = r.Number(v, k.Value!, min, max);
        }
        if (topics.FirstOrDefault(t => !values.ContainsKey(t)) is { } missing)
            throw r.Fail(r.Required(key), $"'{key}' has no value for '{missing}'; it gives one for each topic on the table: {MappingReader.Known(topics)}");
        return values.ToImmutable();
    }

    private static Prediction Question(MappingReader r, World world, IReadOnlyList<string> table, IReadOnlyList<ExerciseRole> roles, HashSet<string> ids)
    {
        var id = Id(r, "id");
        if (!ids.Add(id))
            throw r.Fail(r.Required("id"), $"the question id '{id}' is used twice; each question needs an id of its own");
        var ask = NotBlank(r, "ask");
        var points = r.Number("points", 0, 1000);
        string[] kinds = ["agreement", "value", "choice"];
        var given = kinds.Where(r.Has).ToList();
        if (given.Count != 1)
            throw r.Fail(r.Node, given.Count == 0
                ? "a prediction question needs 'agreement: TOPIC' (a yes-or-no question), 'value: { actor, topic }' (a value from 0 to 100) or 'choice' (a list of two to six options)"
                : $"a prediction question asks one of 'agreement', 'value' or 'choice', not {Listed.And(given.Select(k => $"'{k}'"))}");
        Prediction question;
        if (given[0] == "agreement")
        {
            var node = r.Required("agreement");
            question = new Prediction(id, ask, OnTable(r, node, "agreement", world, table), null, points);
        }
        else if (given[0] == "choice")
        {
            var options = Options(r, world, table, roles);
            question = new Prediction(id, ask, options[0].Topic, null, points) { Options = options };
        }
        else
        {
            var v = new MappingReader(r.File, r.Required("value"), "'value'", ValueQuestionKeys);
            var actorNode = v.Required("actor");
            var actor = v.String("actor");
            // The topic first: the actors a value question may name are those with a position on it.
            var topic = OnTable(v, v.Required("topic"), "topic", world, table);
            var holders = world.PositionsOn(topic).Select(p => p.Actor).ToList();
            if (!world.Actors.Any(a => a.Id == actor))
                throw v.Fail(actorNode, $"unknown actor '{actor}'{Closest.DidYouMean(actor, holders)}; {(holders.Count == 0 ? $"no actor holds a position on '{topic}'" : $"actors with a position on '{topic}': {MappingReader.Known(actor, holders)}")}");
            if (!holders.Contains(actor))
                throw v.Fail(actorNode, $"{actor} holds no position on '{topic}', so its end cannot be predicted; {(holders.Count == 0 ? "no actor holds a position there" : $"actors with a position there: {MappingReader.Known(actor, holders)}")}");
            v.RejectUnknownKeys();
            question = new Prediction(id, ask, topic, actor, points);
        }
        r.RejectUnknownKeys();
        return question;
    }

    /// <summary>
    /// The options of a multiple-choice question: two to six, each with an id of its own, the words a student reads,
    /// and exactly one outcome the play's end decides, on a topic on the table.
    /// </summary>
    private static ImmutableArray<PredictionOption> Options(MappingReader r, World world, IReadOnlyList<string> table, IReadOnlyList<ExerciseRole> roles)
    {
        var listNode = r.Required("choice");
        var nodes = r.List("choice", allowEmpty: true);
        if (nodes.Count is < Prediction.FewestOptions or > Prediction.MostOptions)
            throw r.Fail(listNode, $"a multiple-choice question has {Prediction.FewestOptions} to {Prediction.MostOptions} options, not {nodes.Count}");
        var options = new List<PredictionOption>();
        foreach (var node in nodes)
        {
            var o = new MappingReader(r.File, node, "an option", OptionKeys, checkKeys: false);
            // A key that is no option's is most likely a mistyped kind: it is told among the kinds.
            if (o.Node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => !OptionKeys.Contains(k.Value)) is { } unknown)
                throw o.Fail(unknown, $"unknown option kind '{unknown.Value}'; an option is {MappingReader.OneOf(unknown.Value ?? "", OptionKinds)}");
            var id = Id(o, "id");
            if (options.Any(x => x.Id == id))
                throw o.Fail(o.Required("id"), $"the option id '{id}' is used twice in this question; each option needs an id of its own");
            var says = NotBlank(o, "says");
            var given = OptionKinds.Where(o.Has).ToList();
            if (given.Count != 1)
                throw o.Fail(o.Node, given.Count == 0
                    ? $"an option needs one outcome that the play decides: {MappingReader.Choices(OptionKinds)}"
                    : $"an option has one outcome, not {Listed.And(given.Select(k => $"'{k}'"))}");
            PredictionOption option;
            if (given[0] == "moves-more")
            {
                var m = new MappingReader(r.File, o.Required("moves-more"), "'moves-more'", MovesMoreKeys);
                var actorNode = m.Required("actor");
                var actor = m.String("actor");
                var topic = OnTable(m, m.Required("topic"), "topic", world, table);
                // Moving more is measured against the other role: the actor is one of the two.
                if (roles.All(x => x.Actor != actor))
                    throw m.Fail(actorNode, $"'{actor}' has no role; 'moves-more' compares one role's move with the other's: {MappingReader.Known(actor, roles.Select(x => x.Actor))}");
                m.RejectUnknownKeys();
                option = new PredictionOption(id, says, OptionKind.MovesMore, topic, actor);
            }
            else
            {
                var kind = given[0] == "agreement" ? OptionKind.Agreement : OptionKind.NoAgreement;
                option = new PredictionOption(id, says, kind, OnTable(o, o.Required(given[0]), given[0], world, table), null);
            }
            o.RejectUnknownKeys();
            options.Add(option);
        }
        return [.. options];
    }

    private static Scoring Scoring(MappingReader r)
    {
        var d = new Scoring();
        var scoring = new Scoring(
            r.OptionalNumber("agreement", 0, 1000) ?? d.Agreement,
            r.OptionalNumber("beyond-reservation", -1000, 0) ?? d.BeyondReservation,
            r.OptionalNumber("breach", -1000, 0) ?? d.Breach,
            r.OptionalNumber("must-not-give-up", -1000, 0) ?? d.MustNotGiveUp,
            r.OptionalNumber("value-step", 0.01, 100) ?? d.ValueStep);
        r.RejectUnknownKeys();
        return scoring;
    }

    /// <summary>A topic of the world that is on the table: a question on any other would be about a topic nobody plays.</summary>
    private static string OnTable(MappingReader r, YamlNode node, string key, World world, IReadOnlyList<string> table)
    {
        var topic = r.Scalar(node, key, $"a topic on the table, {MappingReader.OneOf(table)}");
        if (table.Contains(topic))
            return topic;
        throw r.Fail(node, world.Topics.Any(t => t.Id == topic)
            ? $"'{topic}' is not on the table, so no play can answer a question on it; the topics on the table: {MappingReader.Known(topic, table)}"
            : $"unknown topic '{topic}'{Closest.DidYouMean(topic, table)}; the topics on the table: {MappingReader.Known(topic, table)}");
    }

    private static string Named(MappingReader root, string path, string key, string what)
    {
        var node = root.Required(key);
        var name = root.String(key, $"the {what}'s path, relative to this file's folder");
        var full = InputFile.Named(path, name);
        if (InputFile.SameFile(full, path))
            throw root.Fail(node, $"the {what} '{name}' is this exercise file itself");
        if (InputFile.Problem(full, name, what, InputFile.YamlLimit, path) is { } problem)
            throw root.Fail(node, problem);
        return full;
    }

    private static string Id(MappingReader r, string key)
    {
        var node = r.Required(key);
        var id = r.String(key, Summits.Grains.WorldKey.IdRule);
        return Summits.Grains.WorldKey.IsId(id) ? id : throw r.Fail(node, $"'{key}' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
    }

    private static string NotBlank(MappingReader r, string key) => NotBlank(r, r.Required(key), key);

    private static string NotBlank(MappingReader r, YamlNode node, string key)
    {
        var text = r.Scalar(node, key).Trim();
        return text.Length > 0 ? text : throw r.Fail(node, $"'{key}' must not be blank");
    }
}
