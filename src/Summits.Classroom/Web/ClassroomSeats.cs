using System.Security.Cryptography;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// Who sits where: the first team to join a table takes the exercise's first role, the second team the other; a third
/// is refused. A seat is the team's for as long as the classroom keeps its tables: it is given once, with a team code
/// (<see cref="TeamSeat.Token"/>) by which the team, and only the team, takes it again, from a reloaded page, another
/// browser or another computer, however long it was away. A seat is never given to another team; the facilitator may give
/// it a new team code (<see cref="Reissue"/>), which takes the old one's place. Kept in memory and,
/// when the classroom keeps its tables, in its data folder beside its codes (<see cref="ClassroomStorage.KeepTeams"/>), so
/// that a team code gives its seat back after a restart.
/// </summary>
public sealed class ClassroomSeats
{
    /// <summary>The characters of a team code: 8, about 39 bits (8 × log2 30 ≈ 39.3), short enough to write down and type again.</summary>
    public const int TeamCodeLength = 8;

    private readonly Lock _lock = new();

    /// <summary>Every seat given, and the connections that hold it now (none while its team is away).</summary>
    private readonly Dictionary<TeamSeat, HashSet<string>> _seats = [];

    private readonly ClassroomExercise _classroom;
    private readonly ClassroomStorage? _storage;

    /// <param name="classroom">The exercise played.</param>
    /// <param name="storage">Where the seats given at earlier starts are read from and each new one written; null keeps them in memory alone.</param>
    public ClassroomSeats(ClassroomExercise classroom, ClassroomStorage? storage = null)
    {
        _classroom = classroom;
        _storage = storage;
        foreach (var seat in storage?.Teams ?? [])
            _seats.Add(seat, []);
    }

    /// <summary>
    /// A seat at <paramref name="table"/> for a team joining it, held by the joining connection <paramref name="holder"/>: the first of the
    /// exercise's roles not yet given to a team; null when both have been. The seat is written to the data folder before
    /// it is given.
    /// </summary>
    /// <exception cref="IOException">The data folder cannot be written; no seat is given.</exception>
    public TeamSeat? Take(int table, string holder)
    {
        lock (_lock)
        {
            if (_classroom.Exercise.Roles.FirstOrDefault(r => !_seats.Keys.Any(s => s.Table == table && s.Actor == r.Actor)) is not { } free)
                return null;
            var seat = new TeamSeat(table, free.Actor, NewCode());
            _seats.Add(seat, [holder]);
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
    /// Gives the seat of <paramref name="actor"/> at <paramref name="table"/> a new team code, for a team that lost its
    /// own or whose code others learnt: the old code takes no seat from then on, and the connections that held the seat
    /// with it hold it no more (<see cref="Holds"/>). Written to the data folder before it is given.
    /// </summary>
    /// <returns>The seat with its new code, and the connections that held it until now; null when no team has joined there.</returns>
    /// <exception cref="IOException">The data folder cannot be written; the old code stands.</exception>
    public (TeamSeat Seat, IReadOnlyList<string> Holders)? Reissue(int table, string actor)
    {
        lock (_lock)
        {
            if (_seats.Keys.FirstOrDefault(s => s.Table == table && s.Actor == actor) is not { } old)
                return null;
            var holders = _seats[old];
            var seat = old with { Token = NewCode() };
            _seats.Remove(old);
            _seats.Add(seat, []);
            try
            {
                _storage?.KeepTeams(_seats.Keys);
            }
            catch
            {
                _seats.Remove(seat);
                _seats.Add(old, holders);
                throw;
            }
            return (seat, [.. holders]);
        }
    }

    /// <summary>Whether <paramref name="seat"/>, as a connection took it, is still given with its team code (the facilitator has not given it a new one).</summary>
    public bool Holds(TeamSeat seat)
    {
        lock (_lock)
            return _seats.ContainsKey(seat);
    }

    /// <summary>A team code no seat has: <see cref="TeamCodeLength"/> characters from the cryptographic random generator.</summary>
    private string NewCode()
    {
        string code;
        do
            code = RandomNumberGenerator.GetString(ClassroomCodes.Alphabet, TeamCodeLength);
        while (_seats.Keys.Any(s => s.Token == code));
        return code;
    }

    /// <summary>
    /// The seat whose team code is <paramref name="token"/> (read as a code is typed: <see cref="ClassroomCodes.Normal"/>),
    /// every seat's compared in constant time, held by the connection <paramref name="holder"/> too; null when none is.
    /// </summary>
    public TeamSeat? Retake(string? token, string holder)
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
                _seats[found].Add(holder);
        }
        return found;
    }

    /// <summary>The connection <paramref name="holder"/>, which held <paramref name="seat"/>, has closed or left it; the seat stays its team's.</summary>
    public void Leave(TeamSeat seat, string holder)
    {
        lock (_lock)
        {
            if (_seats.TryGetValue(seat, out var holders))
                holders.Remove(holder);
        }
    }

    /// <summary>The countries at <paramref name="table"/> a team has joined for, and those whose team has a page connected now.</summary>
    public TableTeams Teams(int table)
    {
        lock (_lock)
        {
            var here = _seats.Where(s => s.Key.Table == table).ToList();
            var actors = _classroom.Exercise.Roles.Select(r => r.Actor).ToList();
            return new TableTeams([.. actors.Where(a => here.Any(s => s.Key.Actor == a))], [.. actors.Where(a => here.Any(s => s.Key.Actor == a && s.Value.Count > 0))]);
        }
    }

    /// <summary>The exercise played.</summary>
    public Exercise Exercise => _classroom.Exercise;
}
