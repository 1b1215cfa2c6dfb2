using System.Globalization;
using System.Text;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Writes a world as a KTAB SMP table that KTAB's smpc reads: a scenario line (title, then the table's
/// description for a world imported from one, else the world id; actor count, dimension count), the
/// header (the table's own power and position and salience headers where the world keeps them, else
/// Power and TOPIC Position, TOPIC Salience), and one row per actor with its capability and, per topic,
/// a position (0–100) and a salience (0–100, an actor's summing to at most 100). Importing the table
/// gives back the same actors, capabilities, positions, saliences and headers, and exporting that world
/// again gives the same table, byte for byte.
/// </summary>
public static class KtabExport
{
    /// <summary>
    /// The table, and one note naming the actors whose saliences had to be scaled to sum to 100 (null when
    /// none had to be), in the words and numbers of the import's note.
    /// </summary>
    /// <exception cref="ArgumentException">An actor holds no position on some topic, which a KTAB table cannot say (<see cref="WorldPlaces.RequireEveryPosition"/> says where, first).</exception>
    public static (string Csv, string? Note) Write(World world)
    {
        var scaled = new List<string>();
        var text = new StringBuilder();
        // A world imported from a table gives back the table's own description and headers.
        text.Append(Field(world.Title.Length > 0 ? world.Title : world.Id)).Append(',').Append(Field(world.Ktab?.Description ?? world.Id)).Append(',')
            .Append(world.Actors.Length.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(world.Topics.Length.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("Actor,Description,").Append(Field(world.Ktab?.PowerHeader ?? "Power"));
        foreach (var topic in world.Topics)
            text.Append(',').Append(Field(topic.Ktab?.Position ?? $"{topic.Id} Position")).Append(',').Append(Field(topic.Ktab?.Salience ?? $"{topic.Id} Salience"));
        text.Append('\n');

        var held = world.Positions.ToDictionary(p => (p.Actor, p.Topic));
        foreach (var actor in world.Actors)
        {
            var row = world.Topics.Select(t => held.TryGetValue((actor.Id, t.Id), out var p)
                ? p
                : throw new ArgumentException($"{actor.Id} holds no position on {t.Id}; a KTAB table needs every actor's position on every topic")).ToList();
            var saliences = row.Select(p => Decimal(p.Salience.Value) * 100).ToList();
            var sum = saliences.Sum();
            if (sum > 100)
            {
                saliences = [.. saliences.Select(s => decimal.Round(s * 100 / sum, 4, MidpointRounding.ToZero))];
                scaled.Add($"{actor.Id} {Plain(sum)}");
            }
            text.Append(Field(actor.Id)).Append(',').Append(Field(actor.Name == actor.Id ? "" : actor.Name)).Append(',')
                .Append(Plain(Decimal(actor.Capability)));
            for (var k = 0; k < row.Count; k++)
                text.Append(',').Append(Plain(Decimal(row[k].Value.Value)))
                    .Append(',').Append(Plain(saliences[k]));
            text.Append('\n');
        }
        var note = scaled.Count == 0 ? null
            : $"the saliences of {scaled.Count} of {world.Actors.Length} actors sum above 100 ({string.Join(", ", scaled.Take(3))}{(scaled.Count > 3 ? ", …" : "")}): each such actor's are written scaled to shares summing to at most 100, as KTAB requires";
        return (text.ToString(), note);
    }

    /// <summary>The decimal a double was written from: 0.4953 stays 0.4953, so ×100 gives 49.53 exactly.</summary>
    private static decimal Decimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Without trailing zeros: 49.5300 prints as 49.53.</summary>
    private static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>KTAB's reader splits at every comma and does not unquote, so a comma inside a field becomes a semicolon.</summary>
    private static string Field(string text) => text.Replace(',', ';').Replace('\n', ' ').Replace('\r', ' ').Replace("\"", "'", StringComparison.Ordinal);
}
