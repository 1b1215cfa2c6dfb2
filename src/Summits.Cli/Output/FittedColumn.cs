namespace Summits.Cli.Output;

/// <summary>
/// A column of a <see cref="FittedTable"/>. An id column (<paramref name="Wraps"/> false) is never cut or
/// broken; a text column wraps at spaces. <paramref name="Drop"/> above 0 lets the column be left out when
/// the table cannot fit otherwise, the highest first; 0 keeps it always.
/// </summary>
public sealed record FittedColumn(string Header, bool Wraps = false, bool Right = false, int Drop = 0);
