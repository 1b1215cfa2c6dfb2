namespace Summits.Classroom;

/// <summary>A team's place: its country at its table, and the team code by which it takes the place again.</summary>
/// <param name="Table">The table, from 1.</param>
/// <param name="Actor">The country the team plays, one of the exercise's two roles.</param>
/// <param name="Token">
/// The team code: <see cref="ClassroomSeats.TeamCodeLength"/> characters of <see cref="ClassroomCodes.Alphabet"/> from the
/// cryptographic random generator, shown on the team's page and kept in its tab, never shown to another team.
/// </param>
public sealed record TeamSeat(int Table, string Actor, string Token);
