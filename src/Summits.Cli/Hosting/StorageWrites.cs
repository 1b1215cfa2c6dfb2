using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Summits.Cli.Hosting;

/// <summary>
/// How many times the grains of this process's embedded silos wrote their state, by state name (<c>world</c>,
/// <c>country</c>, <c>country-checkpoint</c>, <c>topic</c>, <c>topic-checkpoint</c>, <c>timeline</c>): what
/// <c>--verbosity diagnostic</c> says at the end of a command, so a user sees what <c>--checkpoint-every</c> saves.
/// Only writes that storage accepted are counted. Like the rest of that line (time, memory, collections) it is
/// the process's total.
/// </summary>
public static class StorageWrites
{
    private static readonly ConcurrentDictionary<string, long> Counts = new(StringComparer.Ordinal);

    /// <summary>The writes counted so far, by state name, in ordinal order of the name.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        [.. Counts.OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>
    /// The writes in words, as <c>grain state written 20 times (country 3, timeline 6, world 4)</c>; null when
    /// nothing was written (a command that started no silo, or a study whose samples were kept in memory alone).
    /// </summary>
    public static string? Describe()
    {
        var counts = Snapshot();
        if (counts.Count == 0)
            return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"grain state written {counts.Sum(c => c.Value)} times ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))})");
    }

    /// <summary>Wraps <paramref name="inner"/> so that each write it accepts is counted under its state name.</summary>
    public static IGrainStorage Counting(IGrainStorage inner) => new CountingStorage(inner);

    private sealed class CountingStorage(IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, Orleans.Runtime.GrainId grainId, Orleans.IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, Orleans.Runtime.GrainId grainId, Orleans.IGrainState<T> grainState)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            Counts.AddOrUpdate(stateName, 1, (_, n) => n + 1);
        }

        public Task ClearStateAsync<T>(string stateName, Orleans.Runtime.GrainId grainId, Orleans.IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
