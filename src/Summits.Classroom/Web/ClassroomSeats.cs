using System.Security.Cryptography;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// Who sits where: the first team to join a table takes the exercise's first role, the second team the other; a third
/// is refused. A seat is given with a secret (<see cref="TeamSeat.Token"/>) by which its page takes it again, and is
/// held for as long as one of its team's connections is open. A seat no connection holds is free: the next team to join
/// that table with its join code takes it, with a new secret, and finds the table as it was left. Kept in memory, for as
/// long as the classroom runs.
/// </summary>
public sealed class ClassroomSeats(ClassroomExercise classroom)
{
    private readonly Lock _lock = new();

    /// <summary>Every seat given, and how many connections hold it now (0 when its team has gone).</summary>
    private readonly Dictionary<TeamSeat, int> _seats = [];

    /// <summary>
    /// A seat at <paramref name="table"/> for a team joining it, held by the joining connection: the first of the
    /// exercise's roles no connection holds; null when connections hold both.
    /// </summary>
    public TeamSeat? Take(int table)
    {
        lock (_lock)
        {
            if (classroom.Exercise.Roles.FirstOrDefault(r => !_seats.Any(s => s.Key.Table == table && s.Key.Actor == r.Actor && s.Value > 0)) is not { } free)
                return null;
            // The seat its team gave up goes with its secret: a page that kept the old one cannot take it back.
            foreach (var gone in _seats.Keys.Where(s => s.Table == table && s.Actor == free.Actor).ToList())
                _seats.Remove(gone);
            var seat = new TeamSeat(table, free.Actor, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            _seats.Add(seat, 1);
            return seat;
        }
    }

    /// <summary>
    /// The seat whose secret is <paramref name="token"/>, every seat's compared in constant time, held by one more
    /// connection; null when none is.
    /// </summary>
    public TeamSeat? Retake(string? token)
    {
        TeamSeat? found = null;
        lock (_lock)
        {
            foreach (var seat in _seats.Keys)
            {
                if (ClassroomCodes.Same(token ?? "", seat.Token))
                    found = seat;
            }
            if (found is not null)
                _seats[found]++;
        }
        return found;
    }

    /// <summary>One connection that held <paramref name="seat"/> has closed; the seat is free when none holds it.</summary>
    public void Leave(TeamSeat seat)
    {
        lock (_lock)
        {
            if (_seats.TryGetValue(seat, out var holders) && holders > 0)
                _seats[seat] = holders - 1;
        }
    }

    /// <summary>The countries at <paramref name="table"/> whose teams have a connection open, in the exercise's order of roles.</summary>
    public IReadOnlyList<string> Taken(int table)
    {
        lock (_lock)
            return [.. classroom.Exercise.Roles.Select(r => r.Actor).Where(a => _seats.Any(s => s.Key.Table == table && s.Key.Actor == a && s.Value > 0))];
    }

    /// <summary>The exercise played.</summary>
    public Exercise Exercise => classroom.Exercise;
}
