namespace Summits.Model;

/// <summary>
/// A position's numbers as its KTAB table wrote them, kept where the plain value would print differently
/// (73.50 rather than 73.5), so that <c>summits export ktab</c> writes the table back unchanged.
/// </summary>
/// <param name="Position">The position on 0–100, as written.</param>
/// <param name="Salience">The salience on 0–100, as written.</param>
[GenerateSerializer, Immutable, Alias("summits.ktab-numbers")]
public sealed record KtabNumbers([Id(0)] string Position, [Id(1)] string Salience);
