using System.Globalization;
using Summits.Grains;

namespace Summits.Classroom;

/// <summary>The keys of a classroom's table: its grain's and its world's.</summary>
public static class TableKey
{
    /// <summary>The key of table <paramref name="table"/> (from 1) of the classroom <paramref name="classroom"/>: <c>{classroom}-table-{n}</c>.</summary>
    public static string Of(string classroom, int table) => string.Create(CultureInfo.InvariantCulture, $"{classroom}-table-{table}");

    /// <summary>The world the table plays in: its own, under the table's key, so that no two tables share a grain.</summary>
    public static WorldKey World(string tableKey) => WorldKey.Of(tableKey);

    /// <summary>The table's number, the digits after the last '-' of its key.</summary>
    public static int Number(string tableKey) => int.Parse(tableKey[(tableKey.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
}
