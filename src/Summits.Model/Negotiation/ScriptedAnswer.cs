using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>An answer a scenario dictates for an actor, in place of the model's own, for teaching and replays.</summary>
[GenerateSerializer, Immutable, Alias("summits.scripted-answer")]
public sealed record ScriptedAnswer([Id(0)] Response Response, [Id(1)] ImmutableArray<Term> Counter, [Id(2)] string Because);
