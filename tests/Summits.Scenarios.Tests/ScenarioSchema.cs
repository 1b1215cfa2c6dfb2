using System.Text;
using Json.Schema;

namespace Summits.Scenarios.Tests;

/// <summary>The shipped scenario JSON Schema, applied to YAML text.</summary>
public static class ScenarioSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoFiles.ScenarioSchema)));

    public static EvaluationResults Check(string yaml) =>
        Schema.Value.Evaluate(YamlJson.Convert(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>Every error with where it is in the document and in the schema, for a failing test's message.</summary>
    public static string Describe(EvaluationResults results)
    {
        var text = new StringBuilder();
        foreach (var detail in (results.Details ?? []).Prepend(results).Where(d => d.Errors is { Count: > 0 }))
        {
            foreach (var (keyword, message) in detail.Errors!)
                text.Append(detail.InstanceLocation).Append(' ').Append(detail.EvaluationPath).Append(' ').Append(keyword).Append(": ").Append(message).Append('\n');
        }
        return text.ToString();
    }
}
