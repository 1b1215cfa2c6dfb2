using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Turns one or more KTAB tables about the same actors into a world: one topic per dimension of each
/// table, capability from power scaled by the table's largest, salience from 0–100 to 0..1, and every
/// number's file and row kept in its <c>why</c>.
/// </summary>
public static class KtabImport
{
    /// <param name="sharedActorsOnly">Keep only the actors every table names, instead of refusing tables that differ.</param>
    public static KtabWorld ToWorld(IReadOnlyList<KtabTable> tables, string? id = null, bool sharedActorsOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tables.Count);
        var names = tables[0].Rows.Select(r => r.Name).ToList();
        var shared = names.Where(n => tables.All(t => t.Rows.Any(r => r.Name == n))).ToList();
        var left = tables.Select(t => (Table: t, Names: t.Rows.Where(r => !shared.Contains(r.Name)).Select(r => r.Name).ToList()))
            .Where(x => x.Names.Count > 0)
            .Select(x => $"{Listed.And(x.Names)} (only in {x.Table.FileName})")
            .ToList();
        if (left.Count > 0 && !sharedActorsOnly)
            throw Mismatch(tables, shared);
        if (shared.Count < 2)
            throw new InputException(new FilePosition(tables[^1].Path, 1, 1),
                tables.Count == 1
                    ? $"the table has {shared.Count} actor{(shared.Count == 1 ? "" : "s")}; a world needs at least two"
                    : $"the tables share {shared.Count} actor{(shared.Count == 1 ? "" : "s")}; a world needs at least two");

        var actorIds = UniqueIds(shared);
        var topics = new List<(KtabTable Table, int Dimension, Topic Topic)>();
        var topicIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            for (var d = 0; d < table.Dimensions.Count; d++)
            {
                var dimension = table.Dimensions[d];
                var name = dimension.Name.Length == 0 || dimension.Name.All(char.IsDigit) ? $"Dimension {d + 1}" : dimension.Name;
                var topicId = Unique(IdText.From(name, "dimension"), topicIds);
                var title = tables.Count == 1 && table.Dimensions.Count == 1 && table.Description.Length > 0
                    ? $"{name}: {table.Description}"
                    : $"{name} ({table.Name})";
                var source = $"'{dimension.PositionHeader}' in the table {table.FileName}, which gives no words for its scale";
                var anchors = new ScaleAnchors($"0 on {source}", $"50 on {source}", $"100 on {source}");
                topics.Add((table, d, new Topic(topicId, title, anchors, [], new KtabColumns(dimension.PositionHeader, dimension.SalienceHeader))));
            }
        }

        var actors = shared.Select(name => ToActor(tables, name, actorIds[name])).ToImmutableArray();
        var positions = ImmutableArray.CreateBuilder<Position>(shared.Count * topics.Count);
        foreach (var name in shared)
        {
            foreach (var (table, d, topic) in topics)
            {
                var row = table.Rows.First(r => r.Name == name);
                var value = ToDouble(row.Positions[d]);
                var salience = ToDouble(row.Saliences[d] / 100m);
                // The table's own headers stay with each number, so the world says which columns it came from.
                var why = $"imported from {table.FileName}, row {row.Row} (line {row.Line}): position {row.PositionTexts[d]} under '{table.Dimensions[d].PositionHeader}', salience {row.SalienceTexts[d]} of 100 under '{table.Dimensions[d].SalienceHeader}'";
                // A number written otherwise than its shortest form (73.50, 1e1, 075) is kept as written, so an
                // export writes the table back unchanged.
                var written = row.PositionTexts[d] != Shortest(row.Positions[d]) || row.SalienceTexts[d] != Shortest(row.Saliences[d])
                    ? new KtabNumbers(row.PositionTexts[d], row.SalienceTexts[d])
                    : null;
                positions.Add(new Position(actorIds[name], topic.Id, new ScaleValue(value), Interval.Point(value),
                    new Salience(salience), Interval.Point(salience), new Provenance(PositionKind.Imported, Provenance.Nobody, [], why), Ktab: written));
            }
        }

        var files = Listed.And(tables.Select(t => t.FileName));
        var worldId = id ?? IdText.From(string.Join("-", tables.Select(t => System.IO.Path.GetFileNameWithoutExtension(t.FileName))), "imported");
        var worldTitle = string.Join(" + ", tables.Select(t => t.Name));
        var about = new StringBuilder($"Imported from the KTAB table{(tables.Count == 1 ? "" : "s")} {files}: ");
        about.Append(string.Join("; ", tables.Select(t => t.Description.Length > 0 ? $"{t.Name}, {t.Description}" : t.Name)));
        about.Append(". Positions and saliences are the tables' own (saliences divided by 100); capability is each table's power over its largest; strategy, curvature and affinity are defaults, not data.");
        if (left.Count > 0)
            about.Append($" Only the {shared.Count} actors every table names are kept; left out: {string.Join("; ", left)}.");
        // One table's saliences are shares of each actor's attention (KTAB refuses a row above 100); tables
        // combined each share out their own, so together they say only how much each topic matters.
        var meaning = tables.Count == 1 ? SalienceMeaning.Shares : SalienceMeaning.PerTopic;
        var words = tables.Count == 1 ? new KtabScenarioLine(tables[0].Description, tables[0].PowerHeader) : null;
        var world = new World(worldId, worldTitle, about.ToString(), "", actors, [.. topics.Select(t => t.Topic)], positions.DrainToImmutable(), [], meaning, words);
        var overFull = shared
            .Select(name => (Id: actorIds[name], Sum: tables.Sum(t => t.Rows.First(r => r.Name == name).Saliences.Sum())))
            .Where(x => x.Sum > 100)
            .Select(x => $"{x.Id} {Plain(x.Sum)}")
            .ToList();
        return new KtabWorld(world, left, overFull);
    }

    private static Actor ToActor(IReadOnlyList<KtabTable> tables, string name, string id)
    {
        var rows = tables.Select(t => (Table: t, Row: t.Rows.First(r => r.Name == name))).ToList();
        // Full precision: rounding would turn a small power into 0 and shift the spatial model's votes.
        var capability = ToDouble(rows.Average(x => x.Row.Power / x.Table.MaxPower));
        // The description is kept even when several actors share it (KTAB's test tables use one for all):
        // the id tells them apart, and an export must give the table back.
        var description = rows.Select(x => x.Row.Description).FirstOrDefault(d => d.Length > 0) ?? "";
        var powers = string.Join("; ", rows.Select(x =>
            $"{x.Table.PowerHeader.ToLowerInvariant()} {x.Row.PowerText} of at most {x.Table.Rows.First(r => r.Power == x.Table.MaxPower).PowerText} in {x.Table.FileName}, row {x.Row.Row} (line {x.Row.Line})"));
        var descriptions = rows.Select(x => x.Row.Description).Distinct().ToList();
        var why = $"Imported actor '{name}': {powers}."
            + (rows.Count > 1 ? " Capability is the mean of the tables' scaled powers." : "")
            + (descriptions.Count > 1 ? $" The tables describe it as {Listed.And(descriptions.Select(d => $"'{d}'"))}." : "")
            + " Strategy, curvature and affinity are defaults.";
        // One table's power as written goes back into an export; several tables' mean has no one power.
        var power = rows.Count == 1 ? rows[0].Row.PowerText : null;
        return new Actor(id, description.Length > 0 ? description : name, "", null, capability, Strategy.Linear, 1.0,
            ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), why, KtabPower: power);
    }

    private static InputException Mismatch(IReadOnlyList<KtabTable> tables, List<string> shared)
    {
        var first = tables[0];
        var parts = tables.Select(t => (Table: t, Only: t.Rows.Where(r => !shared.Contains(r.Name)).ToList()))
            .Where(x => x.Only.Count > 0)
            .ToList();
        var where = parts[0].Table == first && parts.Count > 1 ? parts[1] : parts[0];
        var lists = string.Join("; ", parts.Select(x => $"only in {x.Table.FileName}: {Listed.And(x.Only.Select(r => r.Name))}"));
        return new InputException(new FilePosition(where.Table.Path, where.Only[0].Line, 1),
            $"the tables do not name the same actors ({lists}); pass --shared-actors to keep the {shared.Count} actors every table names");
    }

    /// <summary>Ids for actor names: invalid characters become '-', a name too long is cut with a hash (<see cref="IdText.From"/>), and a repeat gets a number.</summary>
    private static Dictionary<string, string> UniqueIds(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return names.ToDictionary(n => n, n => Unique(IdText.From(n, "actor", keepCase: true), taken), StringComparer.Ordinal);
    }

    private static string Unique(string id, HashSet<string> taken)
    {
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = IdText.Join(id, n.ToString(CultureInfo.InvariantCulture));
        return candidate;
    }

    private static string Plain(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Without trailing zeros: 73.50 prints as 73.5.</summary>
    private static string Shortest(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Through text, so 43.31 / 100 becomes the double nearest 0.4331 and prints as 0.4331.</summary>
    private static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
