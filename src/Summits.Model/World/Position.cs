namespace Summits.Model;

/// <summary>An actor's stated position on a topic, with its uncertainty and its provenance.</summary>
[GenerateSerializer, Immutable]
public sealed record Position(
    string Actor,
    string Topic,
    ScaleValue Value,
    Interval ValueRange,
    Salience Salience,
    Interval SalienceRange,
    Provenance Provenance);
