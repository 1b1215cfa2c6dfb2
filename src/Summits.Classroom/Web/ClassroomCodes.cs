using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Summits.Classroom;

/// <summary>
/// The codes of one classroom, drawn from the operating system's cryptographic random generator when it starts: the
/// facilitator's code and one join code per table. Every code given is compared with them in constant time, and every
/// wrong one is answered only after <see cref="WrongCodeDelay"/>, one at a time, so that guessing is slow.
/// </summary>
public sealed class ClassroomCodes
{
    /// <summary>The letters a code is written in: 30 letters and digits, none of them easily read as another (no I, L, O, U, 0 or 1).</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The characters of the facilitator's code: 20, about 98 bits (20 × log2 30 ≈ 98.1).</summary>
    public const int FacilitatorLength = 20;

    /// <summary>The characters of a join code: 6, about 29 bits (6 × log2 30 ≈ 29.4), short enough to type from the board.</summary>
    public const int JoinLength = 6;

    /// <summary>How long a wrong code waits for its refusal: 1 second, and wrong codes wait in turn, so at most one is refused a second.</summary>
    public static readonly TimeSpan WrongCodeDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refusals = new(1, 1);

    /// <param name="tables">How many tables, each with a join code of its own.</param>
    public ClassroomCodes(int tables)
    {
        Facilitator = RandomNumberGenerator.GetString(Alphabet, FacilitatorLength);
        var joins = ImmutableArray.CreateBuilder<string>(tables);
        while (joins.Count < tables)
        {
            var code = RandomNumberGenerator.GetString(Alphabet, JoinLength);
            if (!joins.Contains(code))
                joins.Add(code);
        }
        Join = joins.MoveToImmutable();
    }

    /// <summary>The codes a classroom drew at an earlier start, read back from its data folder (<see cref="ClassroomStorage"/>).</summary>
    /// <exception cref="ArgumentException">When a code is not one this class draws: of <see cref="Alphabet"/>, of its length, the join codes all different.</exception>
    public ClassroomCodes(string facilitator, ImmutableArray<string> join)
    {
        if (!IsCode(facilitator, FacilitatorLength))
            throw new ArgumentException($"the facilitator's code must be {FacilitatorLength} characters of {Alphabet}", nameof(facilitator));
        if (join.IsDefaultOrEmpty || join.Any(code => !IsCode(code, JoinLength)) || join.Distinct().Count() != join.Length)
            throw new ArgumentException($"the join codes must be different codes of {JoinLength} characters of {Alphabet}, one for each table", nameof(join));
        (Facilitator, Join) = (facilitator, join);
    }

    private static bool IsCode(string? code, int length) => code is not null && code.Length == length && code.All(Alphabet.Contains);

    /// <summary>The facilitator's code.</summary>
    public string Facilitator { get; }

    /// <summary>Each table's join code, table 1's first.</summary>
    public ImmutableArray<string> Join { get; }

    /// <summary>Whether <paramref name="given"/> is the facilitator's code; a wrong one waits for its turn and <see cref="WrongCodeDelay"/> first.</summary>
    public async Task<bool> IsFacilitatorAsync(string? given)
    {
        if (Same(Normal(given), Facilitator))
            return true;
        await RefuseAsync();
        return false;
    }

    /// <summary>The table (from 1) whose join code <paramref name="given"/> is; null, after the wait of a wrong code, when it is none.</summary>
    public async Task<int?> TableAsync(string? given)
    {
        var normal = Normal(given);
        int? table = null;
        // Every table's code is compared, whichever matches, so that the time taken does not say which one did.
        for (var k = 0; k < Join.Length; k++)
        {
            if (Same(normal, Join[k]))
                table = k + 1;
        }
        if (table is null)
            await RefuseAsync();
        return table;
    }

    /// <summary>Whether two codes are the same, in time that depends on their lengths alone.</summary>
    public static bool Same(string given, string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(code));

    /// <summary>A code as typed, read without the spaces and dashes around or inside it and in capitals, as it is shown.</summary>
    public static string Normal(string? given) =>
        string.Concat((given ?? "").Where(c => c is not (' ' or '-' or '\t'))).ToUpperInvariant();

    private async Task RefuseAsync()
    {
        await _refusals.WaitAsync();
        try
        {
            await Task.Delay(WrongCodeDelay);
        }
        finally
        {
            _refusals.Release();
        }
    }
}
