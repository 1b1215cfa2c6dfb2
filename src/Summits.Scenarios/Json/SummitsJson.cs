using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>The JSON shape of everything Summits writes: camelCase names, kebab-case enums, scale values and saliences as plain numbers.</summary>
public static class SummitsJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DocumentedKeyOrder } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new ScaleValueConverter());
        options.Converters.Add(new SalienceConverter());
        options.Converters.Add(new IntervalConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// The keys of each JSON document in the order its guide's key table lists them, by type, where that is not the order
    /// the type's members were added in. A world (<c>summits seed --format json</c>, <c>world.json</c>; docs/worlds.md):
    /// its own fields (id, title, about, source, salience, ktab) before its lists, as a world file writes them; an actor's
    /// tactic beside its acceptance condition, the two ways it bargains, before the shape of its utility; a position's
    /// numbers, its reservation value and its own tactic and acceptance before where it comes from. A study's sensitivity
    /// test (<c>results.json</c>; docs/whatif.md): its counts, then its rate, noise band and pairs expected by chance, then
    /// its yes-or-no answers. A comparison (<c>summits compare --format json</c>): the sides' scenarios, seeds and models
    /// each in a pair, A beside B.
    /// </summary>
    private static readonly Dictionary<Type, string[]> DocumentedOrder = new()
    {
        [typeof(World)] = ["id", "title", "about", "source", "salience", "ktab", "actors", "topics", "positions", "agreements"],
        [typeof(Actor)] = ["id", "name", "leader", "speaker", "capability", "strategy", "acceptance", "curvature", "affinity", "why", "ktabPower"],
        [typeof(Position)] = ["actor", "topic", "value", "valueRange", "salience", "salienceRange", "reservation", "strategy", "acceptance", "provenance", "ktab"],
        [typeof(SensitivityTest)] = ["runs", "pairs", "significant", "unmovedOutcomes", "fewestRuns", "falseDiscoveryRate", "noiseBand", "expectedByChance", "isSmall", "ranked", "exact"],
        [typeof(Comparison)] = ["a", "b", "agreements", "positions", "unchanged", "scenarioA", "scenarioB", "seedA", "seedB", "modelA", "modelB", "forecasts"],
    };

    /// <summary>
    /// Orders the properties of each type <see cref="DocumentedOrder"/> lists as it lists them; a property it does not
    /// name comes after those it does, in the model's order.
    /// </summary>
    private static void DocumentedKeyOrder(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !DocumentedOrder.TryGetValue(info.Type, out var order))
            return;
        foreach (var property in info.Properties)
        {
            var place = Array.IndexOf(order, property.Name);
            property.Order = place >= 0 ? place : order.Length;
        }
    }

    private sealed class ScaleValueConverter : JsonConverter<ScaleValue>
    {
        public override ScaleValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, ScaleValue value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    private sealed class SalienceConverter : JsonConverter<Salience>
    {
        public override Salience Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, Salience value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    /// <summary>Writes an interval as <c>[low, high]</c>, the way world files spell it.</summary>
    private sealed class IntervalConverter : JsonConverter<Interval>
    {
        public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var pair = JsonSerializer.Deserialize<double[]>(ref reader, options) ?? [];
            return pair.Length == 2 ? new Interval(pair[0], pair[1]) : throw new JsonException("an interval is written [low, high]");
        }

        public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Low);
            writer.WriteNumberValue(value.High);
            writer.WriteEndArray();
        }
    }
}
