using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A record file as loaded: what happened after the summit a world seeds, fact by fact, in date order.</summary>
/// <param name="Path">The record file.</param>
/// <param name="WorldPath">The world file it names, resolved against the record's folder.</param>
/// <param name="World">That world, whose topics and actors the facts name.</param>
public sealed record SummitRecord(string Id, string About, string Path, string WorldPath, World World, ImmutableArray<RecordFact> Facts);
