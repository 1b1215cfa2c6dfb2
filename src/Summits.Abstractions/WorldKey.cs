using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Summits.Grains;

/// <summary>
/// The key of a world's grain, and the one place every grain key is built and parsed. The grammar:
/// <code>
/// id          = (letter | digit) { letter | digit | "-" | "_" }     ; 1 to 64 ASCII characters
/// world key   = id
/// country key = world key "/" actor id
/// topic key   = world key "/" topic id
/// page key    = world key "/timeline-" n                             ; n = 0, 1, 2, ... the advance
/// </code>
/// A world key of a derived world (a branch of a fork, a side of a comparison, a sample of a study) is its
/// parts joined with '-' when that is an id; when it is not (too long, or a part holds a character an id may
/// not, such as the '#' of a fork's scenario id), it is a readable prefix of at most
/// <see cref="PrefixLength"/> characters (each character an id may not hold made '-'), a '-' and the first
/// <see cref="HashLength"/> hex digits of the SHA-256 of the parts, so two different part lists never meet
/// at the cut. A key depends on its parts alone: another process that knows the parts addresses the same world.
/// </summary>
public readonly record struct WorldKey
{
    /// <summary>
    /// The most characters an id, and so a world key, may have: 64, room for any readable name, while a key (world and id,
    /// each at most this long, and a '/') stays short in logs, storage keys and file names.
    /// </summary>
    public const int MaxIdLength = 64;

    /// <summary>The hex digits of SHA-256 that end a derived key made from parts that do not join into an id: 12 (48 bits).</summary>
    public const int HashLength = 12;

    /// <summary>The most characters of the readable prefix of a hashed key: 64 - 1 - 12 = 51, so the key is at most 64.</summary>
    public const int PrefixLength = MaxIdLength - 1 - HashLength;

    /// <summary>What an id may be, in words, for error messages.</summary>
    public const string IdRule = "ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/')";

    /// <summary>The prefix of a timeline page's id within its world: page <c>n</c> is <c>{world}/timeline-{n}</c>.</summary>
    public const string PagePrefix = "timeline-";

    private WorldKey(string value) => Value = value;

    /// <summary>The key as text: an id (see <see cref="IsId"/>).</summary>
    public string Value => field ?? throw new InvalidOperationException("a default WorldKey names no world; make one with WorldKey.Of or WorldKey.Derived");

    /// <summary>The key as text, as <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    /// <summary>
    /// True when <paramref name="id"/> may be part of a grain key: 1 to <see cref="MaxIdLength"/> ASCII letters,
    /// digits, '-' and '_', starting with a letter or digit.
    /// </summary>
    public static bool IsId(string id)
    {
        if (id.Length == 0 || id.Length > MaxIdLength || !char.IsAsciiLetterOrDigit(id[0]))
            return false;
        foreach (var c in id)
        {
            if (!IdCharacter(c))
                return false;
        }
        return true;
    }

    /// <summary>The key of the world whose id is <paramref name="id"/> (a world file's, or <c>--id</c>): the id itself.</summary>
    /// <exception cref="ArgumentException">When <paramref name="id"/> is not an id (<see cref="IdRule"/>); the message is one line.</exception>
    public static WorldKey Of(string id) =>
        IsId(id) ? new WorldKey(id) : throw new ArgumentException(Refusal("a world key", id), nameof(id));

    /// <summary>
    /// The key of a derived world made of <paramref name="parts"/> (at least one): the parts joined with '-' when that
    /// is an id, else the readable prefix and the hash (see the type's summary). The same parts always give the same key.
    /// </summary>
    /// <exception cref="ArgumentException">When there are no parts.</exception>
    public static WorldKey Derived(params ReadOnlySpan<string> parts)
    {
        if (parts.IsEmpty)
            throw new ArgumentException("a derived world key needs at least one part", nameof(parts));
        return new WorldKey(Fit(string.Join('-', parts), parts));
    }

    /// <summary>
    /// An id made from <paramref name="text"/>: the text itself when it is an id (see <see cref="IsId"/>), else a
    /// readable prefix of it (at most <see cref="PrefixLength"/> characters, each character an id may not hold made
    /// '-'), a '-' and the first <see cref="HashLength"/> hex digits of the SHA-256 of <paramref name="hashed"/>, so the
    /// result has at most <see cref="MaxIdLength"/> characters. The same arguments always give the same id; texts too
    /// long to be ids give different ids when their <paramref name="hashed"/> parts differ, even only after the cut.
    /// Every writer that makes an id from a name (a derived world key, an imported table's or a drafted readout's ids)
    /// makes it here, so what it writes is an id its loader accepts.
    /// </summary>
    /// <param name="text">The readable form: the parts joined, or a name already cleaned to id characters.</param>
    /// <param name="hashed">What the hash is taken over, each part as its UTF-8 length and bytes: the inputs that must stay apart.</param>
    public static string Fit(string text, params ReadOnlySpan<string> hashed)
    {
        if (IsId(text))
            return text;
        var prefix = new StringBuilder(PrefixLength);
        foreach (var c in text)
        {
            if (prefix.Length == PrefixLength)
                break;
            if (prefix.Length == 0 && !char.IsAsciiLetterOrDigit(c))
                continue;
            prefix.Append(IdCharacter(c) ? c : '-');
        }
        if (prefix.Length == 0)
            prefix.Append("world");
        return $"{prefix}-{Hash(hashed)}";
    }

    /// <summary>The key of branch <paramref name="branch"/> of a fork run on world <paramref name="world"/>: <c>{world}-{branch}</c>, derived.</summary>
    public static WorldKey Branch(string world, string branch) => Derived(world, branch);

    /// <summary>The key of side <paramref name="side"/> ('a' or 'b') of a comparison run on world <paramref name="world"/>: <c>{world}-compare-{side}</c>, derived.</summary>
    public static WorldKey ComparisonSide(string world, char side) => Derived(world, "compare", side.ToString());

    /// <summary>The key of a play of exercise <paramref name="exercise"/> on world <paramref name="world"/>: <c>{world}-{exercise}</c>, derived.</summary>
    public static WorldKey Exercise(string world, string exercise) => Derived(world, exercise);

    /// <summary>
    /// The key of lane <paramref name="lane"/> (0-based, one per run in flight at once) of a what-if study of scenario
    /// <paramref name="scenario"/> under seed <paramref name="seed"/>: the world its samples run in one after another,
    /// <c>{scenario}-{seed}-lane-{lane}</c>, derived.
    /// </summary>
    public static WorldKey Lane(string scenario, ulong seed, int lane) =>
        Derived(scenario, seed.ToString(CultureInfo.InvariantCulture), "lane", lane.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a world key: <paramref name="text"/> must be an id.</summary>
    /// <exception cref="FormatException">When it is not; the message is one line naming the allowed characters and the limit.</exception>
    public static WorldKey Parse(string text) =>
        IsId(text) ? new WorldKey(text) : throw new FormatException(Refusal("a world key", text));

    /// <summary>The key of the country grain of actor <paramref name="actor"/> in this world: <c>{world}/{actor}</c>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="actor"/> is not an id.</exception>
    public string Country(string actor) => Member(actor, "an actor id");

    /// <summary>The key of the topic grain of topic <paramref name="topic"/> in this world: <c>{world}/{topic}</c>.</summary>
    /// <exception cref="ArgumentException">When <paramref name="topic"/> is not an id.</exception>
    public string Topic(string topic) => Member(topic, "a topic id");

    /// <summary>The key of the timeline page holding the events of advance <paramref name="advance"/> (0-based): <c>{world}/timeline-{n}</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="advance"/> is negative.</exception>
    public string TimelinePage(int advance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(advance);
        return $"{Value}/{PagePrefix}{advance.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Reads the key of a grain of a world (a country's, a topic's or a timeline page's): the world and the id after
    /// the '/', each an id.
    /// </summary>
    /// <exception cref="FormatException">When <paramref name="grainKey"/> is not <c>{world}/{id}</c> with both parts ids; one line.</exception>
    public static (WorldKey World, string Id) Split(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        if (slash < 0)
            throw new FormatException($"a grain key of a world's part must be {{world}}/{{id}}, not '{grainKey}'");
        var world = grainKey[..slash];
        var id = grainKey[(slash + 1)..];
        if (!IsId(world))
            throw new FormatException(Refusal($"the world of grain key '{grainKey}'", world));
        if (!IsId(id))
            throw new FormatException(Refusal($"the id of grain key '{grainKey}'", id));
        return (new WorldKey(world), id);
    }

    /// <summary>The advance whose page <paramref name="grainKey"/> keys (the n of <c>{world}/timeline-{n}</c>).</summary>
    /// <exception cref="FormatException">When it is not a page key.</exception>
    public static int PageOf(string grainKey)
    {
        var (_, id) = Split(grainKey);
        return id.StartsWith(PagePrefix, StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(PagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && id == $"{PagePrefix}{n.ToString(CultureInfo.InvariantCulture)}"
            ? n
            : throw new FormatException($"a timeline page's key must be {{world}}/{PagePrefix}{{n}} with n a whole number from 0 without leading zeros, not '{grainKey}'");
    }

    private string Member(string id, string what) =>
        IsId(id) ? $"{Value}/{id}" : throw new ArgumentException(Refusal(what, id), nameof(id));

    private static bool IdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string Refusal(string what, string text) =>
        $"{what} must be {IdRule}, not '{(text.Length > 80 ? text[..80] + "…" : text)}' ({text.Length} characters)";

    /// <summary>The first <see cref="HashLength"/> hex digits of SHA-256 over the parts, each as its UTF-8 length (4 bytes, little-endian) and bytes, so no two part lists hash the same text.</summary>
    private static string Hash(ReadOnlySpan<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            sha.AppendData(length);
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..HashLength];
    }
}
