using System.Security.Cryptography;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// Who sits where: the first team to join a table takes the exercise's first role, the second team the other; a third
/// is refused. A seat is the team's for as long as the classroom keeps its tables: it is given once, with a team code
/// (<see cref="TeamSeat.Token"/>) by which the team, and only the team, takes it again, from a reloaded page, another
/// browser or another computer, however long it was away. A seat is never given to another team. Kept in memory and,
/// when the classroom keeps its tables, in its data folder beside its codes (<see cref="ClassroomStorage.KeepTeams"/>), so
/// that a team code gives its seat back after a restart.
/// </summary>
public sealed class ClassroomSeats
{
    /// <summary>The characters of a team code: 8, about 39 bits (8 × log2 30 ≈ 39.3), short enough to write down and type again.</summary>
    public const int TeamCodeLength = 8;

    private readonly Lock _lock = new();

    /// <summary>Every seat given, and how many connections hold it now (0 while its team is away).</summary>
    private readonly Dictionary<TeamSeat, int> _seats = [];

    private readonly ClassroomExercise _classroom;
    private readonly ClassroomStorage? _storage;

    /// <param name="classroom">The exercise played.</param>
    /// <param name="storage">Where the seats given at earlier starts are read from and each new one written; null keeps them in memory alone.</param>
    public ClassroomSeats(ClassroomExercise classroom, ClassroomStorage? storage = null)
    {
        _classroom = classroom;
        _storage = storage;
        foreach (var seat in storage?.Teams ?? [])
            _seats.Add(seat, 0);
    }

    /// <summary>
    /// A seat at <paramref name="table"/> for a team joining it, held by the joining connection: the first of the
    /// exercise's roles not yet given to a team; null when both have been. The seat is written to the data folder before
    /// it is given.
    /// </summary>
    /// <exception cref="IOException">The data folder cannot be written; no seat is given.</exception>
    public TeamSeat? Take(int table)
    {
        lock (_lock)
        {
            if (_classroom.Exercise.Roles.FirstOrDefault(r => !_seats.Keys.Any(s => s.Table == table && s.Actor == r.Actor)) is not { } free)
                return null;
            string code;
            do
                code = RandomNumberGenerator.GetString(ClassroomCodes.Alphabet, TeamCodeLength);
            while (_seats.Keys.Any(s => s.Token == code));
            var seat = new TeamSeat(table, free.Actor, code);
            _seats.Add(seat, 1);
            try
            {
                _storage?.KeepTeams(_seats.Keys);
            }
            catch
            {
                _seats.Remove(seat);
                throw;
            }
            return seat;
        }
    }

    /// <summary>
    /// The seat whose team code is <paramref name="token"/> (read as a code is typed: <see cref="ClassroomCodes.Normal"/>),
    /// every seat's compared in constant time, held by one more connection; null when none is.
    /// </summary>
    public TeamSeat? Retake(string? token)
    {
        var given = ClassroomCodes.Normal(token);
        TeamSeat? found = null;
        lock (_lock)
        {
            foreach (var seat in _seats.Keys)
            {
                if (ClassroomCodes.Same(given, seat.Token))
                    found = seat;
            }
            if (found is not null)
                _seats[found]++;
        }
        return found;
    }

    /// <summary>One connection that held <paramref name="seat"/> has closed; the seat stays its team's.</summary>
    public void Leave(TeamSeat seat)
    {
        lock (_lock)
        {
            if (_seats.TryGetValue(seat, out var holders) && holders > 0)
                _seats[seat] = holders - 1;
        }
    }

    /// <summary>The countries at <paramref name="table"/> a team has joined for, and those whose team has a page connected now.</summary>
    public TableTeams Teams(int table)
    {
        lock (_lock)
        {
            var here = _seats.Where(s => s.Key.Table == table).ToList();
            var actors = _classroom.Exercise.Roles.Select(r => r.Actor).ToList();
            return new TableTeams([.. actors.Where(a => here.Any(s => s.Key.Actor == a))], [.. actors.Where(a => here.Any(s => s.Key.Actor == a && s.Value > 0))]);
        }
    }

    /// <summary>The exercise played.</summary>
    public Exercise Exercise => _classroom.Exercise;
}
