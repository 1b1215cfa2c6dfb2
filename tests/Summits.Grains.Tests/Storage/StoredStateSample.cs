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
    /// (null, zero or false), since state stored before it existed reads back with that default. Both writes are
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
            var stored = Fields(bytes.ToArray(), sessions);
            var written = Fields(again.ToArray(), sessions);
            var added = AddedFields(stored, written);
            Assert.True(added is not null,
                $"today's code does not write the {grain.StateName} state of {grain.GrainKey} field for field as the sample holds it");
            Assert.All(added, field => Assert.Matches(AddedAtDefault, field));
        }
    }

    /// <summary>A field written at its default: a null reference, or a number that is zero (a bool is one).</summary>
    private const string AddedAtDefault = @"^\s*\[(Reference Id: \d+ SchemaType: \w+ Reference: 0|VarInt Id: \d+ SchemaType: \w+\] Value: 0 \(0x0\))";

    /// <summary>The fields of a serialized value, one a line, without byte offsets, object numbers and back-reference numbers.</summary>
    private static string[] Fields(byte[] bytes, SerializerSessionPool sessions)
    {
        using var session = sessions.GetSession();
        return [.. BitStreamFormatter.Format(bytes, session)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => BackReference().Replace(OffsetAndNumber().Replace(line.TrimEnd('\r'), ""), "Reference: earlier ("))];
    }

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
