using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

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

    public static StoredStateSample Read(string path) =>
        JsonSerializer.Deserialize<StoredStateSample>(File.ReadAllBytes(path), Options)
        ?? throw new InvalidDataException($"{path} holds no stored-state sample");

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}

/// <summary>One grain's stored state: <see cref="Bytes"/> is base64 of what the storage serializer wrote.</summary>
internal sealed record StoredGrainState(
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("grainType")] string GrainType,
    [property: JsonPropertyName("grainKey")] string GrainKey,
    [property: JsonPropertyName("bytes")] string Bytes)
{
    public GrainId GrainId => GrainId.Create(GrainType, GrainKey);
}
