using System.Collections.Immutable;
using System.Globalization;
using Spectre.Console;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Exercises;

/// <summary>
/// Plays an exercise at the keyboard: the student chooses a role, reads the briefs, answers the prediction
/// questions, and makes proposals round by round, each answered at once in words. What is entered is kept as
/// an <see cref="AnswersDraft"/>, the text of an answers file, so the play is scored exactly as the same
/// answers given with <c>--answers</c>. Every choice is a numbered menu answered with one key: any other key is
/// refused with a line saying which keys to press, and the menu is asked again; a mistyped value is refused
/// likewise. Nothing entered before a refusal is lost. With two players at one keyboard, the screen is cleared
/// and the keyboard handed over before each player's confidential part, so neither sees the other's.
/// </summary>
/// <param name="width">The columns to wrap text to (the terminal's).</param>
/// <param name="height">The rows of the terminal: a long brief is shown a screen at a time.</param>
public sealed class KeyboardPlay(IAnsiConsole console, Exercise exercise, int width, int height)
{
    /// <summary>The name the play's answers carry until they are saved to a file.</summary>
    public const string Keyboard = "keyboard";

    /// <summary>The answers given so far; null until the sides are chosen. After Ctrl-C it holds what was answered.</summary>
    public AnswersDraft? Draft { get; private set; }

    /// <summary>Where the play stood when it ended or was stopped, in words ("in round 2", "in the predictions").</summary>
    public string Stage { get; private set; } = "before the sides were chosen";

    /// <summary>
    /// Plays through every round and returns the answers given. <paramref name="role"/> (the first player's) and
    /// <paramref name="players"/> (1: the model plays the other side; 2: a second person does) are asked for when null.
    /// </summary>
    /// <param name="resumed">
    /// The answers of a play that was stopped (<see cref="ExerciseAnswers.Partial"/>), to go on from: its role and
    /// players are taken, its answers are played again in order and shown as they were given, and the keyboard is
    /// asked only for what comes after the place it stopped (and for a prediction it has no answer to). The briefs are
    /// shown again only when it stopped before the first round. Null for a play from the start.
    /// </param>
    /// <exception cref="OperationCanceledException">the player pressed Ctrl-C; <see cref="Draft"/> holds what was answered.</exception>
    public async Task<AnswersDraft> PlayAsync(string? role, int? players, CancellationToken cancellation, ExerciseAnswers? resumed = null)
    {
        _cancellation = cancellation;
        var intro = new List<string> { $"Exercise {exercise.Id}: {exercise.Title}, {Counted.Of(exercise.Rounds, "round")}" };
        if (exercise.About.Length > 0)
            intro.Add(exercise.About);
        intro.Add("");
        intro.Add("Objectives");
        intro.AddRange(exercise.Objectives.Select(o => $"  - {o}"));
        await LinesAsync(intro);

        if (resumed is not null)
        {
            (role, players) = (resumed.Role, resumed.Players);
            await LineAsync($"Going on from {InputPath.Said(resumed.Path)}, {resumed.Partial?.Stopped ?? "a whole play"}: its answers are played again as they were given, then the keyboard takes over.");
        }
        players ??= await ChoosePlayersAsync(cancellation);
        role ??= await ChooseRoleAsync(players.Value, cancellation);
        var other = exercise.Opposite(role).Actor;
        await LineAsync(players == 1
            ? $"You play {NameOf(role)} ({role}); the model plays {NameOf(other)} ({other})."
            : $"The first player plays {NameOf(role)} ({role}); the second plays {NameOf(other)} ({other}).");
        var seats = players == 1 ? [role] : new[] { role, other };
        _resumed = resumed is null ? null : new Resumed(exercise, resumed, seats);
        var draft = Draft = new AnswersDraft(exercise, role, players.Value);

        Stage = "while reading the brief";
        if (_resumed is null || _resumed.Stop.Round == 0)
            await PageAsync(["", "Public brief: the positions on the table, in the briefing's words", .. RoleBrief.Public(exercise)], "the public brief", cancellation);
        foreach (var seat in seats)
        {
            var given = _resumed?.Predictions(seat) ?? ImmutableSortedDictionary<string, string>.Empty;
            var asked = exercise.Predictions.Any(q => !given.ContainsKey(q.Id));
            if (players == 2 && asked)
                await HandOverAsync(seat, cancellation);
            Stage = $"in the predictions of {seat}'s player";
            if (asked)
            {
                await PageAsync(["", $"Confidential instructions for {NameOf(seat)} ({seat}){(players == 1 ? "" : $", for {seat}'s player only")}",
                    .. RoleBrief.Confidential(exercise, seat).Select(l => $"  {l}")], "your confidential instructions", cancellation);
            }
            // A player's predictions are theirs alone: with two players, those from the file are not shown to both.
            if (asked || players == 1)
                await HeadingAsync(players == 1 ? "Predictions, before play" : $"Predictions of {seat}'s player, before play");
            foreach (var question in exercise.Predictions)
            {
                if (given.TryGetValue(question.Id, out var answer))
                {
                    if (asked || players == 1)
                    {
                        await LineAsync($"  {question.Id}: {question.Ask}");
                        await LineAsync($"    {answer} (from the answers file)");
                    }
                    draft.Predict(seat, question.Id, answer);
                }
                else
                {
                    draft.Predict(seat, question.Id, await PredictAsync(question, cancellation));
                }
            }
        }
        if (players == 2)
            await HandOverAsync(null, cancellation);

        for (var round = 1; round <= exercise.Rounds; round++)
        {
            Stage = $"in round {round}";
            draft.Round = round;
            await HeadingAsync($"Round {round} of {exercise.Rounds}");
            if (exercise.Injects.Any(i => i.Round == round))
                await InjectsAsync(draft, round, cancellation);
            for (var turn = 0; turn < seats.Length; turn++)
                await MovesAsync(draft, round, seats[turn], turn, players.Value, cancellation);
            if (players == 1 && round < exercise.Rounds)
                await OffersAsync(draft, round, role, other, cancellation);
        }
        Stage = "after the last round";
        draft.Round = null;
        await HeadingAsync("The play is over; the debrief follows.");
        return draft;
    }

    /// <summary>
    /// The facilitator's injects of <paramref name="round"/> and what they did (who moved where, which agreement is
    /// strained or breached), in the debrief's words: the round is played up to its first proposal, so every event
    /// of the round so far is an inject's.
    /// </summary>
    private async Task InjectsAsync(AnswersDraft draft, int round, CancellationToken cancellation)
    {
        var run = await RunAsync(draft, round, offers: false, cancellation);
        foreach (var line in PlayInWords.Injects(exercise, run.Timeline, round))
            await LineAsync($"  {line}");
    }

    /// <summary>
    /// Clears the screen, and its scrollback, and waits for the space bar: with two players at one keyboard, nothing
    /// of one player's confidential part stays in view when the other takes the keyboard. Keys typed before the
    /// screen was shown are discarded, and Enter (which ends every prompt) does not go on: only a deliberate press
    /// of the space bar does, so a key typed ahead never skips the hand-over.
    /// </summary>
    /// <param name="seat">The role whose player takes the keyboard; null for both players together.</param>
    public async Task HandOverAsync(string? seat, CancellationToken cancellation)
    {
        _cancellation = cancellation;
        console.Clear(home: true);
        _unread = 0;
        await LineAsync(seat is null
            ? "Both players together now: the play is public from here."
            : $"Pass the keyboard to the player of {NameOf(seat)} ({seat}); the other player, look away.");
        var prompt = seat is null ? "press the space bar when both are ready" : $"{seat}'s player, press the space bar when ready";
        DiscardTypedAhead();
        while (true)
        {
            Prompt($"({prompt})");
            var key = await KeyAsync(cancellation);
            console.WriteLine();
            if (key.Key == ConsoleKey.Spacebar || key.KeyChar == ' ')
                break;
            await LineAsync($"  {KeyName(key)} is not the space bar: press the space bar to go on.");
        }
        console.Clear(home: true);
        _unread = 0;
    }

    /// <summary>
    /// Shows lines a screen at a time, waiting for Enter after each screen and at the end. The rows already on the
    /// screen unread (the title and objectives above a brief) count into the first screen, so none is pushed off
    /// before the wait.
    /// </summary>
    private async Task PageAsync(IReadOnlyList<string> lines, string what, CancellationToken cancellation)
    {
        _cancellation = cancellation;
        await RowsAsync([.. lines.SelectMany(l => l.Length == 0 ? [""] : TerminalWidth.Wrap(l, width))], what);
        await EnterAsync($"end of {what}: press Enter when you have read it", cancellation);
    }

    /// <summary>
    /// Waits for Enter; any other key is answered with what to press. Keys typed before the wait began are
    /// discarded first, so an Enter typed ahead never skips what was just shown.
    /// </summary>
    public async Task EnterAsync(string prompt, CancellationToken cancellation)
    {
        _cancellation = cancellation;
        DiscardTypedAhead();
        while (true)
        {
            Prompt($"({prompt})");
            var key = await KeyAsync(cancellation);
            console.WriteLine();
            if (key.Key == ConsoleKey.Enter)
                return;
            await LineAsync($"  {KeyName(key)} is not Enter: press Enter to go on.");
        }
    }

    /// <summary>
    /// A numbered menu answered with one key: the digit of a choice picks it; any other key says so and asks again.
    /// </summary>
    private async Task<T> ChooseAsync<T>(string title, IReadOnlyList<(T Value, string Label)> choices, CancellationToken cancellation)
    {
        await BlockAsync([title, .. choices.Select((c, i) => $"  {i + 1}  {c.Label}")]);
        var keys = choices.Count switch { 1 => "1", 2 => "1 or 2", _ => $"1 to {choices.Count}" };
        while (true)
        {
            Prompt($"Press {keys}:");
            var key = await KeyAsync(cancellation);
            if (key.KeyChar is >= '1' and <= '9' && key.KeyChar - '1' < choices.Count)
            {
                var chosen = choices[key.KeyChar - '1'];
                console.WriteLine($"{key.KeyChar}  {chosen.Label}");
                await SwallowEnterAsync(cancellation);
                return chosen.Value;
            }
            console.WriteLine();
            await LineAsync($"  {KeyName(key)} is not one of the choices: press {keys}, the number of a choice.");
        }
    }

    /// <summary>How long after a menu's digit an Enter typed with it (as a habit: digit, then Enter) still counts as part of the answer.</summary>
    private static readonly TimeSpan TrailingEnter = TimeSpan.FromMilliseconds(250);

    /// <summary>A key read while looking for a trailing Enter that was not one: the next key read.</summary>
    private ConsoleKeyInfo? _pending;

    /// <summary>
    /// After a menu answered with a digit: an Enter typed with it (within <see cref="TrailingEnter"/>) belongs to
    /// that answer and is taken; any other key is kept for what comes next.
    /// </summary>
    private async Task SwallowEnterAsync(CancellationToken cancellation)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!console.Input.IsKeyAvailable())
        {
            if (waited.Elapsed >= TrailingEnter)
                return;
            await Task.Delay(10, cancellation);
        }
        var key = console.Input.ReadKey(intercept: true);
        if (key is { Key: not ConsoleKey.Enter })
            _pending = key;
    }

    /// <summary>Throws away every key typed and not yet read, so a wait that follows takes only a key pressed after it began.</summary>
    private void DiscardTypedAhead()
    {
        _pending = null;
        while (console.Input.IsKeyAvailable())
            console.Input.ReadKey(intercept: true);
    }

    private async Task<ConsoleKeyInfo> KeyAsync(CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (_pending is { } pending)
        {
            _pending = null;
            return pending;
        }
        var key = await console.Input.ReadKeyAsync(intercept: true, cancellation);
        cancellation.ThrowIfCancellationRequested();
        // The player pressed a key with the screen in view: what stands on it has been read.
        _unread = 0;
        return key ?? throw new OperationCanceledException(cancellation);
    }

    /// <summary>A key that types nothing, in words: "up arrow" for the up arrow, "Page Up key" for the PageUp key.</summary>
    private static string KeyWords(ConsoleKey key) => key switch
    {
        ConsoleKey.UpArrow => "up arrow",
        ConsoleKey.DownArrow => "down arrow",
        ConsoleKey.LeftArrow => "left arrow",
        ConsoleKey.RightArrow => "right arrow",
        _ => System.Text.RegularExpressions.Regex.Replace(key.ToString(), "(?<=[a-z])(?=[A-Z0-9])", " ") + " key",
    };

    private static string KeyName(ConsoleKeyInfo key) =>
        key.KeyChar is var c && !char.IsControl(c) && c != '\0' ? $"'{c}'" : $"the {KeyWords(key.Key)}";

    /// <summary>
    /// A player's proposals in a round, until they end their turn: each answered at once, by the model or, with
    /// two players, by the other player. Going on from a stopped play, the proposals it made in this turn come
    /// first, as they were made; the keyboard is asked for more only when the play stopped in this turn.
    /// </summary>
    /// <param name="turn">The seat's place in the round: 0 for the first player, 1 for the second.</param>
    private async Task MovesAsync(AnswersDraft draft, int round, string seat, int turn, int players, CancellationToken cancellation)
    {
        var other = exercise.Opposite(seat).Actor;
        var positions = await PositionsAsync(draft, round, cancellation);
        var who = players == 1 ? "" : $"{seat}'s player, ";
        foreach (var made in _resumed?.Proposals(round, seat) ?? [])
        {
            var terms = made.Terms.Select(t => (t.Topic, t.Value)).ToList();
            var id = draft.Propose(round, seat, terms, made.Deadline);
            await LineAsync($"  {PlayInWords.Proposed(exercise.World, id, seat, terms, players == 1 ? seat : null, made.Deadline)} (from the answers file).");
            if (players == 2)
            {
                if (_resumed!.Answer(id) is { } given)
                {
                    await LineAsync($"  {other}: {(given ? "accept" : "reject")} (from the answers file)");
                    draft.Respond(id, given);
                }
                else if (!_resumed.Decided(round, turn))
                {
                    await AnswerAsync(draft, id, other, cancellation);
                }
            }
            var run = await RunAsync(draft, round, offers: false, cancellation);
            foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, id, players == 1 ? seat : null))
                await LineAsync($"    {line}");
            positions = Positions(run);
        }
        if (_resumed?.Decided(round, turn) == true)
        {
            await LineAsync(who.Length > 0 ? $"  {who.TrimEnd(',', ' ')} ends the turn (from the answers file)." : $"  You end round {round} (from the answers file).");
            return;
        }
        while (await NextAsync(round, who, cancellation) is { } topics)
        {
            var terms = new List<(string Topic, double Value)>();
            foreach (var topic in topics)
                terms.Add((topic, await ValueAsync(topic, seat, players == 1 ? "you" : seat, other, positions, cancellation)));
            var deadline = players == 1 && round < exercise.Rounds ? await DeadlineAsync(round, cancellation) : null;
            var id = draft.Propose(round, seat, terms, deadline);
            await LineAsync($"  {PlayInWords.Proposed(exercise.World, id, seat, terms, players == 1 ? seat : null, deadline)}.");
            if (players == 2)
                await AnswerAsync(draft, id, other, cancellation);
            var run = await RunAsync(draft, round, offers: false, cancellation);
            foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, id, players == 1 ? seat : null))
                await LineAsync($"    {line}");
            positions = Positions(run);
        }
    }

    /// <summary>With two players, the answer of <paramref name="other"/>'s player to proposal <paramref name="id"/>.</summary>
    private async Task AnswerAsync(AnswersDraft draft, string id, string other, CancellationToken cancellation)
    {
        var accept = await ChooseAsync($"{other}'s player, do you accept {id}?", [(true, "accept"), (false, "reject")], cancellation);
        await LineAsync($"  {other}: {(accept ? "accept" : "reject")}");
        draft.Respond(id, accept);
    }

    /// <summary>
    /// The model's offers at the end of a round before the last, as its delegation makes them in a <c>rounds</c>
    /// step: each is shown and answered in turn (the next offer may depend on the answer), then what came of them.
    /// </summary>
    private async Task OffersAsync(AnswersDraft draft, int round, string role, string other, CancellationToken cancellation)
    {
        var step = ExercisePlay.OfferStepId(round, other);
        var answered = new List<string>();
        var run = await RunAsync(draft, round, offers: true, cancellation);
        await RenewalsAsync(run, round, role, step);
        // A topic an agreement in force settles is left out of the offers, and said so before them; a table it settles
        // whole gets no offer at all, said once the offers are seen to be none.
        foreach (var e in run.Timeline.Where(e => e.Kind == EventKind.NoOffer && e.Step == step && e.Topic is not null))
            await LineAsync($"  {AnswerInWords.NoOffer(exercise.World, e)}");
        while (true)
        {
            var offer = run.Timeline.FirstOrDefault(e => e.Kind == EventKind.Proposal && e.Step == step && e.Actor == other && !draft.Answered(e.Cause));
            if (offer is null)
                break;
            var terms = offer.Terms is { } t ? t.Select(x => (x.Topic, x.Value)).ToList() : [];
            await LineAsync($"  {PlayInWords.Offered(exercise.World, offer.Cause, other, terms, role, round, exercise.Rounds)}.");
            bool accept;
            if (_resumed?.Answer(offer.Cause) is { } given)
            {
                accept = given;
                await LineAsync($"  you: {(accept ? "accept" : "reject")} (from the answers file)");
            }
            else if (_resumed?.Decided(round, Resumed.Offers) == true)
            {
                // The stopped play went past this offer without answering it: as in any answers file, it is rejected.
                accept = false;
                await LineAsync("  you: reject (the answers file gives no answer)");
            }
            else
            {
                accept = await ChooseAsync("Do you accept this offer?", [(true, "accept"), (false, "reject")], cancellation);
                await LineAsync($"  you: {(accept ? "accept" : "reject")}");
            }
            draft.Respond(offer.Cause, accept);
            answered.Add(offer.Cause);
            run = await RunAsync(draft, round, offers: true, cancellation);
        }
        if (answered.Count == 0)
        {
            foreach (var e in run.Timeline.Where(e => e.Kind == EventKind.NoOffer && e.Step == step && e.Topic is null))
                await LineAsync($"  {AnswerInWords.NoOffer(exercise.World, e)}");
            return;
        }
        // The play after the last answer, already run at the loop's end: what came of every offer.
        foreach (var id in answered)
        {
            await LineAsync($"  {id}:");
            foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, id, role))
                await LineAsync($"    {line}");
        }
    }

    /// <summary>
    /// The player's proposals still open after <paramref name="round"/>, put again when the model's offers are made
    /// (before them, as the rounds step renews them), each with its answer and what came of it; and those whose
    /// deadline passed there, said to expire, from <paramref name="run"/>, the play up to the model's offers. Told as
    /// they happen, in the debrief's words.
    /// </summary>
    private async Task RenewalsAsync(RunResult run, int round, string role, string step)
    {
        foreach (var e in run.Timeline.Where(e => e.Step == step
                     && (e.Kind == EventKind.Proposal && e.Actor == role || e.Kind == EventKind.ProposalExpired)))
        {
            if (e.Kind == EventKind.ProposalExpired)
            {
                await LineAsync($"  {AnswerInWords.Other(exercise.World, e)}");
                continue;
            }
            var terms = e.Terms is { } t ? t.Select(x => (x.Topic, x.Value)).ToList() : [];
            await LineAsync($"  {PlayInWords.Renewed(exercise.World, e.Cause, e.Actor, terms, role, round)}.");
            foreach (var line in AnswerInWords.Of(exercise.World, run.Timeline, e.Cause, role))
                await LineAsync($"    {line}");
        }
    }

    private Resumed? _resumed;

    /// <summary>
    /// The answers of a stopped play, as the play goes on from them. Each thing a play asks has a place: a round,
    /// then a turn in it (0 and 1, the players' moves) or <see cref="Offers"/> (the model's offers after it). The
    /// play stopped at the latest of the round its <c>partial</c> names and the places of its answers: anything the
    /// file leaves unasked before that place was decided there (a turn ended, an offer not answered, so rejected).
    /// </summary>
    private sealed class Resumed
    {
        /// <summary>The place of the model's offers in a round, after both turns.</summary>
        public const int Offers = 2;

        private readonly ExerciseAnswers _answers;

        public Resumed(Exercise exercise, ExerciseAnswers answers, string[] seats)
        {
            _answers = answers;
            var stop = (Round: answers.Partial?.Round ?? exercise.Rounds, Place: 0);
            foreach (var p in answers.Proposals)
                stop = Later(stop, (p.Round, Math.Max(0, Array.IndexOf(seats, p.Proposal.From))));
            var other = exercise.Opposite(answers.Role).Actor;
            for (var round = 1; round < exercise.Rounds; round++)
            {
                if (answers.Responses.Any(r => r.Proposal.StartsWith($"{ExercisePlay.OfferStepId(round, other)}.", StringComparison.Ordinal)))
                    stop = Later(stop, (round, Offers));
            }
            Stop = stop;
        }

        /// <summary>Where the play stopped: the round (0 before the first) and the place in it.</summary>
        public (int Round, int Place) Stop { get; }

        private static (int, int) Later((int Round, int Place) a, (int Round, int Place) b) =>
            a.Round > b.Round || (a.Round == b.Round && a.Place >= b.Place) ? a : b;

        /// <summary>Whether the stopped play went past this place: what it left unasked here was decided, and nothing here is asked.</summary>
        public bool Decided(int round, int place) => Later(Stop, (round, place)) == Stop && Stop != (round, place);

        public ImmutableSortedDictionary<string, string> Predictions(string seat) =>
            seat == _answers.Role ? _answers.Predictions : _answers.OtherPredictions;

        public IEnumerable<ProposeStep> Proposals(int round, string seat) =>
            _answers.Proposals.Where(p => p.Round == round && p.Proposal.From == seat).Select(p => p.Proposal);

        /// <summary>The file's answer to a proposal or offer: true to accept; null when it gives none.</summary>
        public bool? Answer(string proposal) =>
            _answers.Responses.FirstOrDefault(r => r.Proposal == proposal) is { } r ? r.Answer.Response == Response.Accept : null;
    }

    private Task<RunResult> RunAsync(AnswersDraft draft, int round, bool offers, CancellationToken cancellation) =>
        ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, draft.Answers(Keyboard), round, offers), null, cancellation);

    private static Dictionary<(string, string), double> Positions(RunResult run) =>
        run.Final.Positions.ToDictionary(p => (p.Actor, p.Topic), p => (double)p.Value);

    private Task<int> ChoosePlayersAsync(CancellationToken cancellation) =>
        ChooseAsync("Who plays the other side?", [(1, "the model"), (2, "a second person at this keyboard")], cancellation);

    private Task<string> ChooseRoleAsync(int players, CancellationToken cancellation) =>
        ChooseAsync(players == 1 ? "Which side do you play?" : "Which side does the first player play?",
            [.. exercise.Roles.Select(r => (r.Actor, $"{r.Actor}: {NameOf(r.Actor)}"))], cancellation);

    private async Task<string> PredictAsync(Prediction question, CancellationToken cancellation)
    {
        await LineAsync($"  {question.Id}: {question.Ask} ({Debrief.Text(question.Points)} points)");
        if (question.IsChoice)
            return await ChooseAsync($"{question.Id}: which one?", [.. question.Options.Select(o => (o.Id, $"{o.Id}: {o.Says}"))], cancellation);
        if (!question.IsValue)
            return await ChooseAsync($"{question.Id}: yes or no?", [.. Prediction.Choices.Select(c => (c, c))], cancellation);
        var text = await ValuePromptAsync($"{question.Id}, a value from 0 to 100:", cancellation);
        return YamlText.Number(double.Parse(text, CultureInfo.InvariantCulture));
    }

    /// <summary>What the student does next in a round: the topics of a proposal, or null to end the round.</summary>
    private async Task<IReadOnlyList<string>?> NextAsync(int round, string who, CancellationToken cancellation)
    {
        const string package = "\0package";
        const string end = "\0end";
        var choices = exercise.Topics.Select(t => (t, $"Propose on {t} alone")).ToList();
        if (exercise.Topics.Length > 1)
            choices.Add((package, $"Propose a package: {(exercise.Topics.Length == 2 ? string.Join(" + ", exercise.Topics) : "two topics or more")}"));
        choices.Add((end, who.Length > 0 ? "End your turn" : round == exercise.Rounds ? $"End round {round} and see the debrief" : $"End round {round}"));
        var choice = await ChooseAsync($"Round {round}: {who}your move", choices, cancellation);
        if (choice == end)
        {
            await LineAsync(who.Length > 0 ? $"  {who.TrimEnd(',', ' ')} ends the turn." : $"  You end round {round}.");
            return null;
        }
        if (choice != package)
            return [choice];
        if (exercise.Topics.Length == 2)
            return [.. exercise.Topics];
        await BlockAsync(["Which topics go in the package?", .. exercise.Topics.Select((t, i) => $"  {i + 1}  {t}")]);
        var numbers = await ReadLineAsync("Their numbers, two or more, such as 1 2 or 1,2:", text => Package(text, exercise.Topics.Length), cancellation);
        return [.. Numbers(numbers).Select(n => int.Parse(n, CultureInfo.InvariantCulture) - 1).Order().Select(i => exercise.Topics[i])];
    }

    /// <summary>
    /// The deadline of a proposal made against the model in <paramref name="round"/>, before the last: how many of the
    /// model's offer rounds it stays open for, from 1 to (round limit − round), or null for none (0, the student's
    /// last word on its terms), as an answers file's <c>deadline</c> gives it.
    /// </summary>
    private async Task<int?> DeadlineAsync(int round, CancellationToken cancellation)
    {
        var most = exercise.Rounds - round;
        var text = await ReadLineAsync($"Offer rounds it stays open for, 0 (your last word) to {most}:", t => Deadline(t, most), cancellation);
        var rounds = int.Parse(text, CultureInfo.InvariantCulture);
        return rounds == 0 ? null : rounds;
    }

    /// <summary>What is wrong with a deadline typed for a proposal that can stay open for at most <paramref name="most"/> offer rounds, or null when it is one.</summary>
    public static string? Deadline(string text, int most)
    {
        text = text.Trim();
        var range = $"type a whole number from 0 (your last word) to {most}";
        if (text.Length == 0)
            return $"nothing typed: {range}";
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rounds))
            return $"'{text}' is not a whole number: {range}";
        return rounds < 0 ? $"{text} is below 0: {range}"
            : rounds > most ? $"{text} is more offer rounds than are left: {range}"
            : null;
    }

    /// <summary>The numbers typed for a package: separated by spaces, commas or both ("1 3", "1,3", "1, 3").</summary>
    private static string[] Numbers(string text) => text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// What is wrong with the topic numbers typed for a package of <paramref name="count"/> topics (separated by spaces
    /// or commas), or null when they make one: a word that is not a topic's number, a number named twice, or fewer than two.
    /// </summary>
    public static string? Package(string text, int count)
    {
        var words = Numbers(text);
        if (words.FirstOrDefault(w => !int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > count) is { } wrong)
            return $"'{wrong}' is not a topic's number: type numbers from 1 to {count}, such as 1 2 or 1,2";
        var numbers = words.Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        if (numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"{twice.Key} is named twice: a package takes each topic once; type two different numbers or more, such as 1 2";
        return numbers.Count < 2 ? "a package needs two topics or more: type two numbers or more, such as 1 2" : null;
    }

    private async Task<double> ValueAsync(string topic, string seat, string me, string other, IReadOnlyDictionary<(string, string), double> positions, CancellationToken cancellation) =>
        double.Parse(await ValuePromptAsync($"{topic}, 0 to 100 ({me}: {Debrief.Text(positions[(seat, topic)])}, {other}: {Debrief.Text(positions[(other, topic)])}):", cancellation), CultureInfo.InvariantCulture);

    private Task<string> ValuePromptAsync(string title, CancellationToken cancellation) => ReadLineAsync(title, Value, cancellation);

    /// <summary>
    /// Takes the last character a reader sees off <paramref name="typed"/> (a text element: a letter with its accents,
    /// a surrogate pair) and returns what erases it at the terminal: for each cell it took (<see cref="TerminalWidth.Cells"/>,
    /// two for a CJK character) a backspace, then as many spaces, then as many backspaces. Nothing when nothing was typed.
    /// </summary>
    public static string EraseLast(System.Text.StringBuilder typed)
    {
        var text = typed.ToString();
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        if (starts.Length == 0)
            return "";
        var cells = TerminalWidth.Cells(text[starts[^1]..]);
        typed.Length = starts[^1];
        return new string('\b', cells) + new string(' ', cells) + new string('\b', cells);
    }

    /// <summary>
    /// A line typed after <paramref name="prompt"/> and Enter, asked again with the problem said until
    /// <paramref name="problem"/> finds none. A key that types nothing (an arrow, say) is answered with what to do,
    /// and what was typed before it is kept.
    /// </summary>
    private async Task<string> ReadLineAsync(string prompt, Func<string, string?> problem, CancellationToken cancellation)
    {
        var raw = console.Profile.Out.Writer;
        while (true)
        {
            Prompt(prompt);
            var text = new System.Text.StringBuilder();
            while (true)
            {
                var key = await KeyAsync(cancellation);
                if (key.Key == ConsoleKey.Enter)
                    break;
                if (key.Key == ConsoleKey.Backspace)
                {
                    if (text.Length > 0)
                    {
                        raw.Write(EraseLast(text));
                        raw.Flush();
                    }
                }
                else if (!char.IsControl(key.KeyChar) && key.KeyChar != '\0')
                {
                    text.Append(key.KeyChar);
                    console.Write(new Text(key.KeyChar.ToString()));
                }
                else
                {
                    console.WriteLine();
                    await LineAsync($"  {KeyName(key)} does nothing here: type your answer, then Enter.");
                    Prompt(prompt);
                    console.Write(new Text(text.ToString()));
                }
            }
            console.WriteLine();
            if (problem(text.ToString()) is { } wrong)
            {
                await LineAsync($"  {wrong}");
                continue;
            }
            return text.ToString().Trim();
        }
    }

    /// <summary>What is wrong with a value typed for the 0–100 scale, or null when it is one.</summary>
    public static string? Value(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return "nothing typed: type a value from 0 to 100, such as 60 or 72.5";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return $"'{text}' is not a number: type a value from 0 to 100, such as 60 or 72.5";
        return value is < 0 or > 100 ? $"{text} is off the scale: type a value from 0 to 100" : null;
    }

    /// <summary>Every position after the injects of <paramref name="round"/> and everything before it.</summary>
    private async Task<Dictionary<(string, string), double>> PositionsAsync(AnswersDraft draft, int round, CancellationToken cancellation) =>
        Positions(await RunAsync(draft, round, offers: false, cancellation));

    private string NameOf(string actor) => exercise.World.Actor(actor).Name;

    private Task HeadingAsync(string text) => RowsAsync(["", .. TerminalWidth.Wrap(text, width)], null);

    private async Task LinesAsync(IEnumerable<string> lines)
    {
        foreach (var line in lines)
            await LineAsync(line);
    }

    /// <summary>
    /// Lines that stand together, a menu and its title: wrapped to the width, and when they would not all fit below the
    /// unread rows, the play waits for Enter before them, so that no pause line stands among a menu's entries. A block
    /// taller than a screen pauses where it must.
    /// </summary>
    private async Task BlockAsync(IReadOnlyList<string> lines)
    {
        var rows = lines.SelectMany(l => l.Length == 0 ? [""] : TerminalWidth.Wrap(l, width)).ToList();
        if (_unread > 0 && _unread + rows.Count > PageRows && rows.Count <= PageRows)
            await EnterAsync("press Enter for more", _cancellation);
        await RowsAsync(rows, null);
    }

    /// <summary>
    /// Writes a prompt that is answered on its last row: wrapped to the width as every line of the play is, its
    /// continuations indented by four, and the last row left open, with a space after it when one fits, for the key or
    /// the text typed.
    /// </summary>
    private void Prompt(string prompt)
    {
        var rows = TerminalWidth.Wrap(prompt, width).ToList();
        foreach (var row in rows.SkipLast(1))
            console.WriteLine(row);
        console.Write(new Text(TerminalWidth.Cells(rows[^1]) < width ? rows[^1] + " " : rows[^1]));
    }

    /// <summary>A line of text wrapped to the terminal's width (an empty one is a blank row), paused before it pushes an unread row off the screen.</summary>
    private Task LineAsync(string text) => RowsAsync(text.Length == 0 ? [""] : [.. TerminalWidth.Wrap(text, width)], null);

    /// <summary>The rows a screen holds before the play waits for Enter: two stay free, one for the pause line, one for the key typed.</summary>
    private int PageRows => Math.Max(5, height - 2);

    /// <summary>
    /// The rows written since the player last pressed a key, so not yet read for sure: every row counts, from the
    /// title and objectives on, so that text shown after them (the public brief) pauses before it pushes them off
    /// the screen, whatever path led there (menus skipped by <c>--players</c> and <c>--role</c>, a play going on
    /// from a stopped one). A key read sets it to 0; so does clearing the screen.
    /// </summary>
    private int _unread;

    /// <summary>The play's cancellation (Ctrl-C), for the waits a line of text may make.</summary>
    private CancellationToken _cancellation;

    /// <summary>
    /// Writes <paramref name="rows"/>, each already fitted to the width, waiting for Enter whenever the next would
    /// push an unread row off the screen (<see cref="PageRows"/> unread rows stand on it). A pause inside a text named
    /// by <paramref name="what"/> says which of its rows were shown ("the public brief, lines 10–31 of 40").
    /// </summary>
    private async Task RowsAsync(IReadOnlyList<string> rows, string? what)
    {
        var first = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (_unread >= PageRows)
            {
                await EnterAsync(what is null ? "press Enter for more"
                    : i == 0 ? $"{what} follows: press Enter for it"
                    : $"{what}, lines {first + 1}–{i} of {rows.Count}: press Enter for more", _cancellation);
                first = i;
            }
            console.WriteLine(rows[i]);
            _unread++;
        }
    }
}
