namespace Summits.Cli.Output;

/// <summary>
/// A column of a <see cref="FittedTable"/>. An id column (<paramref name="Wraps"/> false) is never cut or
/// broken; a text column wraps at spaces. <paramref name="Drop"/> above 0 lets the column be left out when
/// the table cannot fit otherwise, the highest first; 0 keeps it always.
/// </summary>
/// <param name="Header">
/// The column's name: over it in the table, and before each of its values when each row stands as a block
/// (<see cref="FittedTable.WriteBlocks"/>). Only the first column may have none, when its cells name their rows
/// themselves (a fork's "agreement fta", "events"); any other column without one is a <paramref name="Flag"/>.
/// </param>
/// <param name="Flag">
/// For a column of a mark under a blank header, each cell the mark or empty (the sensitivity table's <c>*</c>, which
/// the lines above the table explain): what the mark says, which a block gives as "significant: yes" or
/// "significant: no". Null for a column of values.
/// </param>
public sealed record FittedColumn(string Header, bool Wraps = false, bool Right = false, int Drop = 0, string? Flag = null);
