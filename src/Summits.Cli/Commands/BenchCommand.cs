using System.CommandLine;
using System.Diagnostics;
using Summits.Cli.Bench;

namespace Summits.Cli.Commands;

/// <summary><c>summits bench</c>: measures what Summits does on this machine against what Orleans itself can do here.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format("text", "json");
        var json = CommonOptions.Json();
        var quick = new Option<bool>("--quick") { Description = "Tiny sizes: checks that every measurement runs, in seconds; its figures mean nothing" };
        var only = new Option<string[]>("--only")
        {
            Description = "Measure only these figures (and the ones they are read against)",
            HelpName = "FIGURE",
            AllowMultipleArgumentsPerToken = true,
        };
        only.AcceptOnlyFromAmong([.. BenchFigures.All.Select(f => f.Id)]);
        var command = new Command("bench", "Measure Summits on this machine: grain-call ceiling, proposal pipeline, start-up, convergence, telemetry cost, memory")
        {
            format, json, quick, only,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(json) || parse.GetValue(format) == "json", parse.GetValue(quick), parse.GetValue(only) ?? [], cancellation));
        return command;
    }

    private static async Task<int> RunAsync(bool json, bool quick, string[] only, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
        var context = await BenchContext.StartAsync(sizes, cancellation);
        await using (context.Silo)
        {
            foreach (var figure in BenchFigures.Select(only))
            {
                cancellation.ThrowIfCancellationRequested();
                await Console.Error.WriteLineAsync($"measuring {figure.Id}: {figure.Title}");
                context.Results.AddRange(await figure.MeasureAsync(context));
            }
        }
        var document = new BenchReport.Document(BenchReport.ThisMachine(), quick, clock.Elapsed.TotalSeconds, context.Results);
        if (json)
            BenchReport.WriteJson(Console.Out, document);
        else
            BenchReport.WriteTable(Console.Out, document);
        return ExitCodes.Ok;
    }
}
