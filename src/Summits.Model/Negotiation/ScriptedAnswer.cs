using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>An answer a scenario dictates for an actor, in place of the model's own, for teaching and replays.</summary>
[GenerateSerializer, Immutable]
public sealed record ScriptedAnswer(Response Response, ImmutableArray<Term> Counter, string Because);
