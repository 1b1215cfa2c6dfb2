using System.CommandLine;
using System.Text.Json;
using Summits.Cli.Hosting;
using Summits.Reports.Comparisons;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits compare A B</c>: two runs side by side (scenario files, branches of a fork, or state.json files): what B gained, lost and moved against A.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "A: a scenario file, FILE#BRANCH, or a state.json written by 'summits run --out'" };
        var b = new Argument<string>("b") { Description = "B: the same kinds as A" };
        var format = CommonOptions.Format("text", "json");
        var json = CommonOptions.Json();
        var report = CommonOptions.Report();
        var engine = CommonOptions.Engine();
        var command = new Command("compare", "Compare two runs: agreements gained or lost and positions moved, A → B") { a, b, format, json, report, engine };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(json) || parse.GetValue(format) == "json",
            parse.GetValue(report), CommonOptions.ReadEngine(parse.GetValue(engine)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string a, string b, bool json, string? reportDir, Engine engine, CancellationToken cancellation)
    {
        LoadedScenario? left = null, right = null;
        StateDocument? stateA = null, stateB = null;
        try
        {
            if (IsState(a)) stateA = StateFile.Load(CommonOptions.Resolve(a)); else left = BranchChoice.Load(a, null, null, CommonOptions.Resolve);
            if (IsState(b)) stateB = StateFile.Load(CommonOptions.Resolve(b)); else right = BranchChoice.Load(b, null, null, CommonOptions.Resolve);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        if (left is not null || right is not null)
        {
            EmbeddedSilo? silo = engine == Engine.Grains ? await EmbeddedSilo.StartAsync(cancellation) : null;
            try
            {
                async Task<StateDocument> Run(LoadedScenario loaded, string side) => StateDocument.Of(silo is null
                    ? await ScenarioRun.LocallyAsync(loaded, cancellation: cancellation)
                    : await ScenarioRun.InGrainsAsync(silo.Grains, loaded, $"{loaded.World.Id}-compare-{side}", cancellation: cancellation));
                stateA ??= await Run(left!, "a");
                stateB ??= await Run(right!, "b");
            }
            finally
            {
                if (silo is not null)
                    await silo.DisposeAsync();
            }
        }

        var comparison = Comparison.Of(Label(a), stateA!, Label(b), stateB!);
        if (reportDir is not null)
        {
            CompareReport.WriteAll(comparison, reportDir);
            await Console.Error.WriteLineAsync($"wrote the report to {Path.Combine(reportDir, "report.html")} (with report.md and the CSVs)");
        }
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(comparison, SummitsJson.Options));
            return ExitCodes.Ok;
        }
        var output = Console.Out;
        output.WriteLine($"A: {a}  (scenario {stateA!.Scenario}, seed {stateA.Seed})");
        output.WriteLine($"B: {b}  (scenario {stateB!.Scenario}, seed {stateB.Seed})");
        output.WriteLine(CompareReport.Counts(comparison));
        output.WriteLine();
        output.WriteLine("Agreements (A → B), a row per topic of each one's terms");
        if (comparison.Agreements.IsEmpty)
            output.WriteLine("  (no difference)");
        foreach (var row in CompareReport.AgreementRows(comparison))
            output.WriteLine($"  {row[0],-8} {row[1],-36} {row[2],-26} {row[3],-20} → {row[4]}");
        output.WriteLine();
        output.WriteLine("Positions that moved (A → B)");
        if (comparison.Positions.IsEmpty)
            output.WriteLine("  (none)");
        foreach (var row in CompareReport.PositionRows(comparison))
            output.WriteLine($"  {row[0],-26} {row[1],-6} {row[2],7} → {row[3],-7} ({row[4]})");
        return ExitCodes.Ok;
    }

    /// <summary>A side's name in reports: its file name, with the branch if one is named.</summary>
    private static string Label(string argument) => Path.GetFileName(argument);

    private static bool IsState(string argument) => argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
