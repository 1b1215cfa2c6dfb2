namespace Summits.Classroom;

/// <summary>A team's place: its country at its table, and the secret its page keeps to take the place again after a reload.</summary>
/// <param name="Table">The table, from 1.</param>
/// <param name="Actor">The country the team plays, one of the exercise's two roles.</param>
/// <param name="Token">The seat's secret: 128 bits from the cryptographic random generator, as 32 hex digits.</param>
public sealed record TeamSeat(int Table, string Actor, string Token);
