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
    /// <param name="taken">The countries whose teams have joined the table.</param>
    public static TableSight Sight(Exercise exercise, TableView view, string? you, IReadOnlyList<string> taken)
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
        return new TableSight(view.Table, view.Version, play, pending, new ChartSight([.. view.History.Select(h => h.After)], series), taken);
    }

    /// <summary>The page of <paramref name="seat"/>'s team: its country, the briefs it may read, the topics it may propose on, and its table.</summary>
    /// <param name="token">The seat's secret, given to the page once, when it joins; null when it takes its seat again.</param>
    public static TeamPage Team(Exercise exercise, TeamSeat seat, TableView view, IReadOnlyList<string> taken, string? token)
    {
        var other = exercise.Opposite(seat.Actor).Actor;
        return new TeamPage(seat.Table, seat.Actor, exercise.World.Actor(seat.Actor).Name, other, exercise.World.Actor(other).Name, token,
            exercise.Title, [.. RoleBrief.Public(exercise)], [.. RoleBrief.Confidential(exercise, seat.Actor)], [.. exercise.Topics],
            Sight(exercise, view, seat.Actor, taken));
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
/// <param name="Taken">The countries whose teams have joined.</param>
public sealed record TableSight(int Table, int Version, IReadOnlyList<string> Play, IReadOnlyList<PendingSight> Pending, ChartSight Chart, IReadOnlyList<string> Taken);

/// <summary>A proposal waiting for an answer; <see cref="ForYou"/> when the reader's team is the one to answer it.</summary>
/// <param name="Terms">The terms in the play's words, such as <c>trade-imbalance 40</c>.</param>
public sealed record PendingSight(string Id, string From, string To, string Terms, bool ForYou);

/// <summary>The chart's data: what each change was, and a series for each country and topic, one value (0–100) per change.</summary>
public sealed record ChartSight(IReadOnlyList<string> After, IReadOnlyList<ChartSeries> Series);

/// <summary>One country's position on one topic after each change, named <c>{actor} {topic}</c>.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What a team's page shows besides its table: who it plays, its briefs, and the topics it may propose on.</summary>
/// <param name="Seat">The seat's secret, given once when the team joins; null when the page takes its seat again.</param>
/// <param name="PublicBrief">The public brief, both teams' alike.</param>
/// <param name="Confidential">This country's confidential instructions, which only its team reads.</param>
public sealed record TeamPage(int Table, string Actor, string ActorName, string Other, string OtherName, string? Seat, string Title,
    IReadOnlyList<string> PublicBrief, IReadOnlyList<string> Confidential, IReadOnlyList<string> Topics, TableSight Sight);

/// <summary>The facilitator's page: every table, with its join code, and the shocks that can be injected.</summary>
public sealed record FacilitatorPage(string Title, IReadOnlyList<string> Shocks, IReadOnlyList<FacilitatorTable> Tables);

/// <summary>One table on the facilitator's page.</summary>
public sealed record FacilitatorTable(int Table, string JoinCode, TableSight Sight);
