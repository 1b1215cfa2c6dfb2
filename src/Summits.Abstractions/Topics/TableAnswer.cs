namespace Summits.Grains;

/// <summary>
/// A topic's answer to a call of an advance that may change its table (<c>Record</c>, <c>Apply</c>): the answer, whether
/// the attempt has changed the topic so far (as <see cref="During{T}"/> says it), and the table as the call left it, so
/// that the world reads the table once per attempt and carries it on from the answers rather than asking again.
/// </summary>
/// <param name="Value">The answer itself.</param>
/// <param name="Dirty">True when the topic holds what storage does not (see <see cref="During{T}.Dirty"/>).</param>
/// <param name="Table">The table after the call: participants and agreements, each with its status now.</param>
/// <param name="Activation">The activation of the topic that answered (see <see cref="During{T}.Activation"/>).</param>
[GenerateSerializer, Immutable, Alias("summits.table-answer`1")]
public sealed record TableAnswer<T>([Id(0)] T Value, [Id(1)] bool Dirty, [Id(2)] Summits.Model.TopicTable Table, [Id(3)] Guid Activation);
