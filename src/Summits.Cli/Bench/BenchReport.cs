using System.Runtime.InteropServices;
using System.Text.Json;
using Summits.Scenarios;

namespace Summits.Cli.Bench;

/// <summary>Prints a bench run's figures: an aligned table for people, or one JSON document with the same figures.</summary>
public static class BenchReport
{
    /// <summary>
    /// The machine a run was measured on, printed with every figure, and how this program was built:
    /// <paramref name="ReadyToRun"/> when its code was compiled ahead of time, <paramref name="Composite"/> when
    /// that code and the runtime's are one self-contained composite image (what <c>dotnet pack</c> installs).
    /// </summary>
    public sealed record Machine(int Cores, string Os, string Runtime, double MemoryGiB, bool ReadyToRun, bool Composite = false);

    /// <summary>The JSON document of <c>summits bench --json</c>.</summary>
    public sealed record Document(Machine Machine, bool Quick, double Seconds, IReadOnlyList<BenchResult> Results)
    {
        /// <summary>
        /// The figures; a <see cref="Quick"/> run's are not judged against their targets (every
        /// <see cref="BenchResult.Met"/> null), as its tiny sizes only check that every measurement runs.
        /// </summary>
        public IReadOnlyList<BenchResult> Results { get; init; } = Quick ? [.. Results.Select(r => r with { Met = null })] : Results;
    }

    /// <summary>What the met column says of a figure with a target that a quick run does not judge.</summary>
    public const string NotJudged = "—";

    /// <summary>The line a quick run's table says once, under the machine, of its met column.</summary>
    public const string QuickNote = "--quick: tiny sizes, which only check that every measurement runs; no figure is judged against its target (met: —)";

    public static Machine ThisMachine() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        IsReadyToRun(),
        IsComposite());

    public static void WriteJson(TextWriter output, Document document) =>
        output.Write(JsonSerializer.Serialize(document, SummitsJson.Options) + "\n");

    /// <summary>The figures as a table fitted to <paramref name="width"/>; <paramref name="details"/> adds each figure's detail under it.</summary>
    public static void WriteTable(TextWriter output, Document document, int width, bool details = true)
    {
        var m = document.Machine;
        foreach (var line in Output.TerminalWidth.Wrap(BenchText.Invariant($"summits bench{(document.Quick ? " --quick" : "")}: {m.Cores} cores, {m.MemoryGiB} GiB, {m.Os}, {m.Runtime}, {(m.Composite ? "ReadyToRun composite, self-contained" : m.ReadyToRun ? "ReadyToRun" : "JIT")}, {document.Seconds:0.0} s"), width))
            output.WriteLine(line);
        if (document.Quick)
            foreach (var line in Output.TerminalWidth.Wrap(QuickNote, width))
                output.WriteLine(line);
        output.WriteLine();
        var left = Output.FittedTable.Write(output,
            [new("fig"), new("measurement", Wraps: true), new("value", Right: true), new("unit", Wraps: true), new("target", Wraps: true, Drop: 1), new("met")],
            document.Results.Select(r => (IReadOnlyList<string>)[r.Figure, r.Name, Format(r.Value), r.Unit, r.Target ?? "", Met(document, r, "yes", "NO", NotJudged)]),
            width);
        Output.FittedTable.WriteLeftOut(output, left, width);
        if (!details)
            return;
        output.WriteLine();
        foreach (var r in document.Results.Where(r => r.Detail.Length > 0))
            foreach (var line in Output.TerminalWidth.Wrap($"{Output.TerminalWidth.PadRight(r.Figure, 8)} {r.Name}: {r.Detail}", width))
                output.WriteLine(line);
    }

    /// <summary>One row a figure (RFC 4180, invariant-culture numbers): what <c>bench --format csv</c> prints.</summary>
    public static string Csv(Document document)
    {
        var text = new System.Text.StringBuilder("figure,measurement,value,unit,target,met,detail\n");
        foreach (var r in document.Results)
            text.Append(Output.CsvSections.Line([r.Figure, r.Name, Scenarios.CsvNumber.Of(r.Value), r.Unit, r.Target ?? "",
                Met(document, r, "yes", "no", "not judged"), r.Detail])).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The met column: <paramref name="yes"/> or <paramref name="no"/>, <paramref name="notJudged"/> for a target a quick
    /// run does not judge, empty for a figure without a target.
    /// </summary>
    private static string Met(Document document, BenchResult r, string yes, string no, string notJudged) => r.Met switch
    {
        true => yes,
        false => no,
        null => document.Quick && r.Target is not null ? notJudged : "",
    };

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

    /// <summary>
    /// Whether this program runs from a self-contained composite build: the runtime's own library sits in the
    /// program's folder, and so does the one composite image (<c>*.r2r.dll</c>) holding the native code.
    /// </summary>
    private static bool IsComposite()
    {
        var folder = AppContext.BaseDirectory;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return runtime is not null
            && Path.GetFullPath(runtime).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)
            && Directory.EnumerateFiles(folder, "*.r2r.dll").Any();
    }
}
