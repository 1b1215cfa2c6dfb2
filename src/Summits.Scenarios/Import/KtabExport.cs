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
    /// <summary>The fewest actors KTAB's model takes (<c>Model::minNumActor</c> in KTAB's kmodel.h).</summary>
    public const int KtabFewestActors = 3;

    /// <summary>The most actors KTAB's model takes (<c>Model::maxNumActor</c> in KTAB's kmodel.h).</summary>
    public const int KtabMostActors = 250;

    /// <summary>
    /// The table, and notes on what it could not keep as the world has it: a count of actors outside the
    /// 3 to 250 that KTAB's smpc reads, actors whose saliences had to
    /// be scaled to sum to 100 (in the words and numbers of the import's note), and text whose line breaks
    /// or edge spaces a line-by-line, trimmed table cannot hold; empty when nothing changed.
    /// </summary>
    /// <exception cref="ArgumentException">An actor holds no position on some topic, which a KTAB table cannot say (<see cref="WorldPlaces.RequireEveryPosition"/> says where, first).</exception>
    public static (string Csv, IReadOnlyList<string> Notes) Write(World world)
    {
        var scaled = new List<string>();
        var changed = new List<string>();
        // A field read back other than as the world has it is said, never changed in silence.
        string Field(string value, string what)
        {
            var written = CsvText(value);
            if (CsvField.Split(written) is var back && (back.Count == 0 ? "" : back[0].Text) != value)
                changed.Add($"{what} '{value.ReplaceLineEndings("\\n")}'");
            return written;
        }

        var text = new StringBuilder();
        // A world imported from a table gives back the table's own description and headers.
        text.Append(Field(world.Title.Length > 0 ? world.Title : world.Id, "the title")).Append(',')
            .Append(Field(world.Ktab?.Description ?? world.Id, "the description")).Append(',')
            .Append(world.Actors.Length.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(world.Topics.Length.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        text.Append("Actor,Description,").Append(Field(world.Ktab?.PowerHeader ?? "Power", "the power header"));
        foreach (var topic in world.Topics)
            text.Append(',').Append(Field(topic.Ktab?.Position ?? $"{topic.Id} Position", "a position header"))
                .Append(',').Append(Field(topic.Ktab?.Salience ?? $"{topic.Id} Salience", "a salience header"));
        text.Append('\n');

        var powers = Powers(world);
        var held = world.Positions.ToDictionary(p => (p.Actor, p.Topic));
        foreach (var actor in world.Actors)
        {
            var row = world.Topics.Select(t => held.TryGetValue((actor.Id, t.Id), out var p)
                ? p
                : throw new ArgumentException($"{actor.Id} holds no position on {t.Id}; a KTAB table needs every actor's position on every topic")).ToList();
            var saliences = row.Select(p => Decimal(p.Salience.Value) * 100).ToList();
            var sum = saliences.Sum();
            var asShares = sum > 100;
            if (asShares)
            {
                saliences = [.. saliences.Select(s => decimal.Round(s * 100 / sum, 4, MidpointRounding.ToZero))];
                scaled.Add($"{actor.Id} {Plain(sum)}");
            }
            text.Append(Field(actor.Id, "the actor")).Append(',').Append(Field(actor.Name == actor.Id ? "" : actor.Name, $"the description of {actor.Id}")).Append(',')
                .Append(powers[actor.Id]);
            for (var k = 0; k < row.Count; k++)
            {
                var written = row[k].Ktab;
                text.Append(',').Append(AsWritten(written?.Position, Decimal(row[k].Value.Value)))
                    .Append(',').Append(asShares ? Plain(saliences[k]) : AsWritten(written?.Salience, saliences[k]));
            }
            text.Append('\n');
        }
        var notes = new List<string>();
        if (world.Actors.Length is < KtabFewestActors or > KtabMostActors)
            notes.Add($"KTAB's smpc reads tables of {KtabFewestActors} to {KtabMostActors} actors, and this one has {world.Actors.Length}: smpc will refuse it, while summits runs it");
        if (scaled.Count > 0)
            notes.Add($"the saliences of {scaled.Count} of {world.Actors.Length} actors sum above 100 ({Listed.AndMore(scaled, 3)}): each such actor's are written scaled to shares summing to at most 100, as KTAB requires");
        if (changed.Count > 0)
            notes.Add($"a KTAB table holds one line per row and trims each field, so {Listed.AndMore(changed, 3)} {(changed.Count == 1 ? "is" : "are")} written with line breaks as spaces and without spaces at the ends");
        return (text.ToString(), notes);
    }

    /// <summary>
    /// Each actor's power column: the table's own powers where every actor keeps one and its capability is
    /// still that power over the largest (an edited capability is written as capability × the largest),
    /// else the capability itself (0..1), which KTAB scales the same way.
    /// </summary>
    private static Dictionary<string, string> Powers(World world)
    {
        if (world.Actors.Any(a => a.KtabPower is null))
            return world.Actors.ToDictionary(a => a.Id, a => Plain(Decimal(a.Capability)), StringComparer.Ordinal);
        var most = world.Actors.Max(a => Number(a.KtabPower!));
        return world.Actors.ToDictionary(a => a.Id, a =>
        {
            var power = Number(a.KtabPower!);
            return most > 0 && Close(power / most, a.Capability) ? a.KtabPower! : Plain(decimal.Round(Decimal(a.Capability) * most, 6));
        }, StringComparer.Ordinal);
    }

    /// <summary>The import turns power ÷ largest into a double through its text; the same here, so an untouched capability matches exactly.</summary>
    private static bool Close(decimal share, double capability) =>
        double.Parse(share.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) == capability;

    /// <summary>A number as its table wrote it (73.50) when that is still the world's value, else the value.</summary>
    private static string AsWritten(string? written, decimal value) =>
        written is not null && Number(written) == value ? written : Plain(value);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The decimal a double was written from: 0.4953 stays 0.4953, so ×100 gives 49.53 exactly.</summary>
    private static decimal Decimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Without trailing zeros: 49.5300 prints as 49.53.</summary>
    private static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds a comma or a
    /// quote (as KTAB's own example tables quote their descriptions). A line break becomes a space: the
    /// table is read line by line.
    /// </summary>
    private static string CsvText(string text)
    {
        var one = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        return one.Contains(',', StringComparison.Ordinal) || one.Contains('"', StringComparison.Ordinal)
            ? $"\"{one.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : one;
    }
}
