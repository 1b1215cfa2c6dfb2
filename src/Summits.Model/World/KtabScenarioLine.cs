namespace Summits.Model;

/// <summary>
/// What a world imported from a KTAB table keeps of the table's own words, so that <c>summits export ktab</c>
/// writes them back: the scenario line's description and the header of the power column.
/// </summary>
/// <param name="Description">The second field of the table's first line, as written.</param>
/// <param name="PowerHeader">The header of the third column (Power, Influence, Clout…), as written.</param>
[GenerateSerializer, Immutable, Alias("summits.ktab-scenario-line")]
public sealed record KtabScenarioLine([Id(0)] string Description, [Id(1)] string PowerHeader);
