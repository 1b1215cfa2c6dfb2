using System.Runtime.InteropServices;
using System.Text.Json;
using Summits.Scenarios;

namespace Summits.Cli.Bench;

/// <summary>Prints a bench run's figures: an aligned table for people, or one JSON document with the same figures.</summary>
public static class BenchReport
{
    /// <summary>The machine a run was measured on, printed with every figure.</summary>
    public sealed record Machine(int Cores, string Os, string Runtime, double MemoryGiB, bool ReadyToRun);

    /// <summary>The JSON document of <c>summits bench --json</c>.</summary>
    public sealed record Document(Machine Machine, bool Quick, double Seconds, IReadOnlyList<BenchResult> Results);

    public static Machine ThisMachine() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        IsReadyToRun());

    public static void WriteJson(TextWriter output, Document document) =>
        output.Write(JsonSerializer.Serialize(document, SummitsJson.Options) + "\n");

    public static void WriteTable(TextWriter output, Document document)
    {
        var m = document.Machine;
        output.WriteLine(BenchText.Invariant($"summits bench{(document.Quick ? " --quick" : "")}: {m.Cores} cores, {m.MemoryGiB} GiB, {m.Os}, {m.Runtime}, {(m.ReadyToRun ? "ReadyToRun" : "JIT")}, {document.Seconds:0.0} s"));
        output.WriteLine();
        string[] header = ["fig", "measurement", "value", "unit", "target", "met"];
        var rows = document.Results.Select(r => new[]
        {
            r.Figure, r.Name, Format(r.Value), r.Unit, r.Target ?? "", r.Met switch { true => "yes", false => "NO", null => "" },
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ",
            cells.Select((c, i) => i == 2 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows)
            Line(row);
        output.WriteLine();
        foreach (var r in document.Results.Where(r => r.Detail.Length > 0))
            output.WriteLine($"{r.Figure,-8} {r.Name}: {r.Detail}");
    }

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Whether this program was published ReadyToRun: its main assembly then carries native code.</summary>
    private static bool IsReadyToRun()
    {
        var module = typeof(BenchReport).Assembly.ManifestModule;
        module.GetPEKind(out var kind, out _);
        return !kind.HasFlag(System.Reflection.PortableExecutableKinds.ILOnly);
    }
}
