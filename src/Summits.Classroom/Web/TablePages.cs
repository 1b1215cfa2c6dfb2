using System.Text.RegularExpressions;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// What the pages show of a table, worked out on the server for each reader: a team reads the play spoken to its
/// country ("you") and only its own confidential instructions; the facilitator reads every table in the third person.
/// </summary>
public static partial class TablePages
{
    /// <summary>The table as <paramref name="you"/>'s team sees it; null <paramref name="you"/> for the facilitator.</summary>
    /// <param name="teams">The countries whose teams have joined the table, and those whose pages are connected now.</param>
    public static TableSight Sight(Exercise exercise, TableView view, string? you, TableTeams teams)
    {
        // The play in the exercise's words, as the debrief tells it: a table plays no numbered rounds, so the headings
        // the debrief gives each round (and the line that says nothing happened in one) are left out.
        var play = PlayInWords.Of(exercise, view.Timeline, you)
            .TakeWhile(line => !RoundHeading().IsMatch(line))
            .Select(line => line.Trim())
            .ToList();
        var pending = view.Pending
            .Select(p => new PendingSight(p.Id, p.From, p.To, PlayInWords.Written(p.Terms.Select(t => (t.Topic, t.Value))), p.To == you))
            .ToList();
        var series = view.History.IsEmpty ? [] : view.History[0].Positions
            .Select((p, k) => new ChartSeries($"{p.Actor} {p.Topic}", [.. view.History.Select(h => h.Positions[k].Value)]))
            .ToList();
        var scores = TableDebrief.Of(exercise, view)
            .Where(d => you is null || d.Answers.Role == you)
            .Select(d => Score(exercise, d))
            .ToList();
        ArgumentNullException.ThrowIfNull(teams);
        return new TableSight(view.Table, view.Version, play, pending, new ChartSight([.. view.History.Select(h => h.After)], series), teams.Joined, teams.Connected,
            view.Begun, view.Round, view.Paused, TableRounds.Said(view), scores, you is null ? ClassroomDebrief.Cells(exercise, view) : null);
    }

    /// <summary>The prediction questions as a team's page asks them, in the exercise's order.</summary>
    public static IReadOnlyList<QuestionSight> Questions(Exercise exercise) =>
        [.. exercise.Predictions.Select(q => new QuestionSight(q.Id, q.Ask, Debrief.Text(q.Points),
            q.IsValue ? [] : q.IsChoice ? [.. q.Options.Select(o => new ChoiceSight(o.Id, $"{o.Id}: {o.Says}"))] : [.. Prediction.Choices.Select(c => new ChoiceSight(c, c))]))];

    /// <summary>A country's predictions and score as its debrief gives them, every figure as the debrief writes it.</summary>
    private static ScoreSight Score(Exercise exercise, Debrief debrief) =>
        new(debrief.Answers.Role, TableDebrief.Answered(exercise, debrief),
            [.. debrief.Predictions.Select(p => new PredictionSight(p.Question.Id, p.Answer, p.Simulation, p.Record, Debrief.Text(p.Points), p.Working))],
            [.. debrief.Scores.Select(s => $"{Debrief.Text(s.Points)}  {s.Kind} {s.Item}: {s.Working}")],
            Debrief.Text(debrief.Total));

    /// <summary>The page of <paramref name="seat"/>'s team: its country, the briefs it may read, the topics it may propose on, and its table.</summary>
    public static TeamPage Team(Exercise exercise, TeamSeat seat, TableView view, TableTeams teams)
    {
        var other = exercise.Opposite(seat.Actor).Actor;
        return new TeamPage(seat.Table, seat.Actor, exercise.World.Actor(seat.Actor).Name, other, exercise.World.Actor(other).Name, seat.Token,
            exercise.Title, [.. RoleBrief.Public(exercise)], [.. RoleBrief.Confidential(exercise, seat.Actor)], [.. exercise.Topics],
            Questions(exercise), Sight(exercise, view, seat.Actor, teams));
    }

    /// <summary>The exercise's shocks as the facilitator chooses among them: number, the round the file gives it, and its reason.</summary>
    public static IReadOnlyList<string> Shocks(Exercise exercise) =>
        [.. exercise.Injects.Select((inject, k) => $"{k + 1}. {inject.Shock.Reason} (round {inject.Round} in the exercise)")];

    [GeneratedRegex(@"^Round \d+ of \d+$")]
    private static partial Regex RoundHeading();
}

/// <summary>A table as one reader sees it.</summary>
/// <param name="Play">The play so far in words, one event a line, in order.</param>
/// <param name="Pending">The proposals waiting for an answer.</param>
/// <param name="Chart">The positions on the table after each change, for the chart.</param>
/// <param name="Joined">The countries a team has joined for; each seat stays its team's, connected or not.</param>
/// <param name="Connected">The countries whose team has a page connected now.</param>
/// <param name="Begun">Whether the play has begun, after which the prediction questions are closed.</param>
/// <param name="Round">The round the facilitator last started, from 1; 0 while the table waits for its first.</param>
/// <param name="Paused">Whether that round is paused.</param>
/// <param name="State">The table's state in a line (<see cref="TableRounds.Said"/>).</param>
/// <param name="Scores">Each country's predictions and score as the play stands: the reader's own alone for a team, both for the facilitator.</param>
/// <param name="Debrief">For the facilitator, the table's column of the debrief, a cell for each of <see cref="FacilitatorPage.Debrief"/>'s rows; null for a team.</param>
public sealed record TableSight(int Table, int Version, IReadOnlyList<string> Play, IReadOnlyList<PendingSight> Pending, ChartSight Chart,
    IReadOnlyList<string> Joined, IReadOnlyList<string> Connected, bool Begun, int Round, bool Paused, string State, IReadOnlyList<ScoreSight> Scores, IReadOnlyList<string>? Debrief);

/// <summary>Who is at a table: the countries a team has joined for, and those whose team has a page connected now, each in the exercise's order of roles.</summary>
public sealed record TableTeams(IReadOnlyList<string> Joined, IReadOnlyList<string> Connected);

/// <summary>A country's predictions and score at a table, as the exercise's debrief works them out from the play so far.</summary>
/// <param name="Answered">Whether its team has answered the prediction questions; until it does, it is scored on its agreements alone.</param>
/// <param name="Lines">Each line of the score: its points, kind and item, and working, as <c>summits exercise</c> prints it.</param>
/// <param name="Total">The sum of the lines, as the debrief writes it.</param>
public sealed record ScoreSight(string Actor, bool Answered, IReadOnlyList<PredictionSight> Predictions, IReadOnlyList<string> Lines, string Total);

/// <summary>One prediction answered: the team's answer, the simulation's and the record's, and the points with their working, in the debrief's words.</summary>
public sealed record PredictionSight(string Id, string Answer, string Simulation, string Record, string Points, string Working);

/// <summary>A prediction question as a team's page asks it: its choices, or none for a value from 0 to 100.</summary>
/// <param name="Points">The most the answer earns.</param>
public sealed record QuestionSight(string Id, string Ask, string Points, IReadOnlyList<ChoiceSight> Choices);

/// <summary>One choice of a question: what the page sends, and what it shows.</summary>
public sealed record ChoiceSight(string Id, string Says);

/// <summary>A proposal waiting for an answer; <see cref="ForYou"/> when the reader's team is the one to answer it.</summary>
/// <param name="Terms">The terms in the play's words, such as <c>trade-imbalance 40</c>.</param>
public sealed record PendingSight(string Id, string From, string To, string Terms, bool ForYou);

/// <summary>The chart's data: what each change was, and a series for each country and topic, one value (0–100) per change.</summary>
public sealed record ChartSight(IReadOnlyList<string> After, IReadOnlyList<ChartSeries> Series);

/// <summary>One country's position on one topic after each change, named <c>{actor} {topic}</c>.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What a team's page shows besides its table: who it plays, its briefs, and the topics it may propose on.</summary>
/// <param name="Seat">The team code, by which the team takes its seat again (<see cref="TeamSeat.Token"/>); only its own team's page is given it.</param>
/// <param name="PublicBrief">The public brief, both teams' alike.</param>
/// <param name="Confidential">This country's confidential instructions, which only its team reads.</param>
/// <param name="Questions">The exercise's prediction questions, answered before play.</param>
public sealed record TeamPage(int Table, string Actor, string ActorName, string Other, string OtherName, string Seat, string Title,
    IReadOnlyList<string> PublicBrief, IReadOnlyList<string> Confidential, IReadOnlyList<string> Topics, IReadOnlyList<QuestionSight> Questions, TableSight Sight);

/// <summary>The facilitator's page: every table, with its join code, the shocks that can be injected, the countries and topics a new shock may move, and the debrief's rows.</summary>
/// <param name="Debrief">The rows of the debrief (<see cref="ClassroomDebrief.Rows"/>); each table's sight holds its column.</param>
/// <param name="Countries">The exercise's two roles, whose positions a new shock may move.</param>
/// <param name="Topics">The topics on the table, on which a new shock may move them.</param>
public sealed record FacilitatorPage(string Title, IReadOnlyList<string> Shocks, IReadOnlyList<DebriefRow> Debrief, IReadOnlyList<FacilitatorTable> Tables,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Topics);

/// <summary>One table on the facilitator's page.</summary>
public sealed record FacilitatorTable(int Table, string JoinCode, TableSight Sight);
