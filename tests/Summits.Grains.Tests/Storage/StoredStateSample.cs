using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Summits.Model;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Grain state as a storage provider holds it: for each grain, its state name, its grain id and the bytes
/// the configured <see cref="IGrainStorageSerializer"/> wrote. A checked-in sample of it proves that
/// today's code reads what an earlier version stored.
/// </summary>
internal sealed record StoredStateSample(
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
    /// Asserts that today's code writes every state of <paramref name="sample"/> as the bytes it read: a stored member
    /// that it no longer writes, or writes under another <c>[Id]</c>, changes the bytes.
    /// </summary>
    public static void AssertRewrittenAlike(StoredStateSample sample, IServiceProvider services)
    {
        var serializer = services.GetRequiredService<IGrainStorageSerializer>();
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
            Assert.Equal(grain.Bytes, Convert.ToBase64String(again.ToArray()));
        }
    }
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
