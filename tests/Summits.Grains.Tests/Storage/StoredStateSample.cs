using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Session;
using Orleans.Serialization.Utilities;
using Orleans.Storage;
using Summits.Model;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Grain state as a storage provider holds it: for each grain, its state name, its grain id and the bytes
/// the configured <see cref="IGrainStorageSerializer"/> wrote. A checked-in sample of it proves that
/// today's code reads what an earlier version stored.
/// </summary>
internal sealed partial record StoredStateSample(
    [property: JsonPropertyName("writtenBy")] string WrittenBy,
    [property: JsonPropertyName("grains")] IReadOnlyList<StoredGrainState> Grains)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The path of a checked-in sample, by its file name in <c>Storage/Samples</c>.</summary>
    public static string PathOf(string fileName) =>
        Path.Combine(SeedFiles.Root, "tests", "Summits.Grains.Tests", "Storage", "Samples", fileName);

    /// <summary>Reads the checked-in sample <paramref name="fileName"/> of <c>Storage/Samples</c>.</summary>
    public static StoredStateSample Load(string fileName) => Read(PathOf(fileName));

    public static StoredStateSample Read(string path) =>
        JsonSerializer.Deserialize<StoredStateSample>(File.ReadAllBytes(path), Options)
        ?? throw new InvalidDataException($"{path} holds no stored-state sample");

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// The state <paramref name="stateName"/> of grain key <paramref name="key"/>, as today's <typeparamref name="T"/>
    /// reads it with the silo's storage serializer; fails the test when the sample holds no such grain, or more than one.
    /// </summary>
    public T State<T>(IServiceProvider services, string stateName, string key)
    {
        var grain = Assert.Single(Grains, g => g.StateName == stateName && g.GrainKey == key);
        return services.GetRequiredService<IGrainStorageSerializer>().Deserialize<T>(grain.Data)!;
    }

    /// <summary>
    /// Asserts that today's code writes every state of <paramref name="sample"/> as it read it: field for field the
    /// same, under the same <c>[Id]</c>s, in the same order, with the same values, so that a stored member it no longer
    /// writes, or writes under another <c>[Id]</c>, fails. (Two members whose <c>[Id]</c>s were swapped read and write
    /// back the same bytes; the member-by-member reads of the sample tests catch those.) The one difference allowed is the one docs/architecture.md
    /// allows ("Changing a stored type safely"): a member added since, under a new <c>[Id]</c>, written at its default
    /// (null, zero, false, empty, or made of those: <see cref="NotAtDefault"/>), since state stored before it existed
    /// reads back with that default. Both writes are
    /// compared as Orleans' <see cref="BitStreamFormatter"/> lays them out, one field a line, without the byte offsets
    /// and object numbers that an added field shifts
    /// (a reference to an object written earlier is compared by its field, not by the number it points at).
    /// </summary>
    public static void AssertRewrittenAlike(StoredStateSample sample, IServiceProvider services)
    {
        var serializer = services.GetRequiredService<IGrainStorageSerializer>();
        var sessions = services.GetRequiredService<SerializerSessionPool>();
        foreach (var grain in sample.Grains)
        {
            var bytes = grain.Data;
            var again = grain.StateName switch
            {
                "world" => serializer.Serialize(serializer.Deserialize<WorldState>(bytes)),
                "country" => serializer.Serialize(serializer.Deserialize<Delegation>(bytes)),
                "country-checkpoint" => serializer.Serialize(serializer.Deserialize<Checkpoint<Delegation>>(bytes)),
                "topic" => serializer.Serialize(serializer.Deserialize<Table>(bytes)),
                "topic-checkpoint" => serializer.Serialize(serializer.Deserialize<Checkpoint<Table>>(bytes)),
                "timeline" => serializer.Serialize(serializer.Deserialize<TimelinePage>(bytes)),
                _ => throw new InvalidDataException($"the sample holds a state named '{grain.StateName}' that no grain keeps"),
            };
            var added = AddedFields(bytes.ToArray(), again.ToArray(), sessions);
            Assert.True(added is not null,
                $"today's code does not write the {grain.StateName} state of {grain.GrainKey} field for field as the sample holds it");
            var notAtDefault = NotAtDefault(added);
            Assert.True(notAtDefault.Count == 0,
                $"today's code writes the {grain.StateName} state of {grain.GrainKey} with fields the sample does not hold that are not at their defaults: {string.Join(" | ", notAtDefault)}");
        }
    }

    /// <summary>
    /// The lines of <paramref name="added"/> (fields written that a sample does not hold, as <see cref="AddedFields"/>
    /// gives them) that are not a member at its default, or a part of one. A member is at its default when every value
    /// it writes is zero: a null reference; a zero of a number encoding (a <c>VarInt</c>: an integer, an enum, a
    /// <c>char</c>, <c>false</c>; a <c>Fixed32</c>: a <c>float</c> 0; a <c>Fixed64</c>: a <c>double</c> 0, a default
    /// <c>DateTime</c> or <c>TimeSpan</c>); a length-prefixed value whose bytes are all zero (an empty string, an empty
    /// byte array, a <c>decimal</c> 0, <c>Guid.Empty</c>); or a tag-delimited block that holds only such values (an
    /// empty collection, which writes no element and at most a count of 0; a struct at its default; an object whose
    /// members are all at their defaults), whose opening and closing lines carry no value. Which lines these are does
    /// not depend on where the comparison placed them: the lines written are the lines stored and the lines added, so the
    /// added lines are the same whichever stored line a repeated line was matched with.
    /// </summary>
    internal static List<string> NotAtDefault(IEnumerable<string> added) => [.. added.Where(field => !AtDefault().IsMatch(field))];

    /// <summary>
    /// One line of <see cref="BitStreamFormatter"/>'s layout, offsets and object numbers taken off, that carries no
    /// value but zero (see <see cref="NotAtDefault"/>): a null reference; a number field of 0; a length-prefixed field
    /// of zero bytes only (the formatter writes bytes below 0x7F as ASCII in quotes, so zero bytes are NUL characters:
    /// <c>Value: (length: 16b) ["\0…\0"]</c>, sixteen of them for a <c>decimal</c> 0, none for an empty string);
    /// a tag-delimited field's opening line, its closing brace, or the marker between a base type's fields and its own.
    /// </summary>
    [GeneratedRegex("""^ *(\[Reference Id: \d+ .*Reference: 0\]|\[(VarInt|Fixed32|Fixed64) Id: \d+ .*?\] Value: 0 \(0x0\)|\[LengthPrefixed Id: \d+ .*?\] Value: \(length: \d+b\) \["\0*"\]|\[TagDelimited Id: \d+ .*?\] Value: \{|\}|- End of base type fields -)$""")]
    private static partial Regex AtDefault();

    /// <summary>The fields of a serialized value, one a line, without byte offsets, object numbers and back-reference numbers.</summary>
    internal static string[] Fields(byte[] bytes, SerializerSessionPool sessions)
    {
        using var session = sessions.GetSession();
        return [.. BitStreamFormatter.Format(bytes, session)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => BackReference().Replace(OffsetAndNumber().Replace(line.TrimEnd('\r'), ""), "Reference: earlier ("))];
    }

    /// <summary>
    /// The fields of <paramref name="written"/> that are not in <paramref name="stored"/> (both serialized values), one
    /// a line as <see cref="Fields"/> lays them out, when the stored fields appear in what is written in order and whole;
    /// null when they do not. The comparer of a set or a dictionary is left out of both: it is no value the member holds
    /// but how it compares keys, and an empty dictionary keyed by <c>StringComparer.Ordinal</c> writes its comparer as
    /// numbers that are not all zero.
    /// </summary>
    internal static List<string>? AddedFields(byte[] stored, byte[] written, SerializerSessionPool sessions) =>
        AddedFields(WithoutComparers(Fields(stored, sessions)), WithoutComparers(Fields(written, sessions)));

    /// <summary>
    /// <paramref name="fields"/> without the blocks that write a comparer: a tag-delimited field whose runtime type is a
    /// comparer (Orleans writes a string comparer as <c>WellKnownStringComparerCodec</c>), its fields and its closing brace.
    /// </summary>
    internal static string[] WithoutComparers(string[] fields)
    {
        var kept = new List<string>(fields.Length);
        string? end = null;
        foreach (var field in fields)
        {
            if (end is not null)
            {
                if (field == end)
                    end = null;
                continue;
            }
            var comparer = Comparer().Match(field);
            if (comparer.Success)
                end = comparer.Groups["indent"].Value + "}";
            else
                kept.Add(field);
        }
        return [.. kept];
    }

    [GeneratedRegex(@"^(?<indent> *)\[TagDelimited Id: \d+ .*RuntimeType: [\w.`+]*Comparer[\w.`+]* .*\] Value: \{$")]
    private static partial Regex Comparer();

    /// <summary>
    /// The lines of <paramref name="written"/> that are not in <paramref name="stored"/> when the stored lines appear in
    /// it in order and whole; null when they do not.
    /// </summary>
    internal static List<string>? AddedFields(string[] stored, string[] written)
    {
        var added = new List<string>();
        var s = 0;
        foreach (var line in written)
        {
            if (s < stored.Length && line == stored[s])
                s++;
            else
                added.Add(line);
        }
        return s == stored.Length ? added : null;
    }

    [GeneratedRegex(@"^0x[0-9A-F]+ |#\d+ ")]
    private static partial Regex OffsetAndNumber();

    /// <summary>A reference to an object written earlier: its number and position shift with every field added before it.</summary>
    [GeneratedRegex(@"Reference: \d+ \(Position: 0x[0-9A-F]+, ")]
    private static partial Regex BackReference();
}

/// <summary>One grain's stored state: <see cref="Bytes"/> is base64 of what the storage serializer wrote.</summary>
internal sealed record StoredGrainState(
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("grainType")] string GrainType,
    [property: JsonPropertyName("grainKey")] string GrainKey,
    [property: JsonPropertyName("bytes")] string Bytes)
{
    public GrainId GrainId => GrainId.Create(GrainType, GrainKey);

    /// <summary>The stored bytes, decoded.</summary>
    [JsonIgnore]
    public BinaryData Data => new(Convert.FromBase64String(Bytes));
}
