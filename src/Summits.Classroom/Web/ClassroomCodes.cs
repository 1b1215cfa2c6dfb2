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
