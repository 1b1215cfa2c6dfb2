using System.Security.Cryptography;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// Who sits where: the first team to join a table takes the exercise's first role, the second team the other; a third
/// is refused. A seat is given once, with a secret (<see cref="TeamSeat.Token"/>) by which its page takes it again.
/// Kept in memory, for as long as the classroom runs.
/// </summary>
public sealed class ClassroomSeats(ClassroomExercise classroom)
{
    private readonly Lock _lock = new();
    private readonly List<TeamSeat> _seats = [];

    /// <summary>A seat at <paramref name="table"/> for a team joining it; null when both its countries are taken.</summary>
    public TeamSeat? Take(int table)
    {
        lock (_lock)
        {
            if (classroom.Exercise.Roles.FirstOrDefault(r => !_seats.Any(s => s.Table == table && s.Actor == r.Actor)) is not { } free)
                return null;
            var seat = new TeamSeat(table, free.Actor, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            _seats.Add(seat);
            return seat;
        }
    }

    /// <summary>The seat whose secret is <paramref name="token"/>, every seat's compared in constant time; null when none is.</summary>
    public TeamSeat? Find(string? token)
    {
        TeamSeat? found = null;
        lock (_lock)
        {
            foreach (var seat in _seats)
            {
                if (ClassroomCodes.Same(token ?? "", seat.Token))
                    found = seat;
            }
        }
        return found;
    }

    /// <summary>The countries taken at <paramref name="table"/>, in the exercise's order of roles.</summary>
    public IReadOnlyList<string> Taken(int table)
    {
        lock (_lock)
            return [.. classroom.Exercise.Roles.Select(r => r.Actor).Where(a => _seats.Any(s => s.Table == table && s.Actor == a))];
    }

    /// <summary>The exercise played.</summary>
    public Exercise Exercise => classroom.Exercise;
}
