using System.Diagnostics;
using System.Reflection.PortableExecutable;
using Summits.Cli.Output;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The README's install command, run on a copy of the repository: <c>dotnet pack</c> makes the tool
/// package, <c>dotnet tool install</c> puts it in a tool folder, and the installed <c>summits</c> runs.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    /// <summary>
    /// Only a guard against a hang: packing compiles every assembly and the runtime into one ReadyToRun image,
    /// which takes about 4 minutes on an idle 2-core machine and has taken far longer on a shared one.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-install-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_packed_tool_installs_runs_from_any_folder_and_is_self_contained_composite_ReadyToRun()
    {
        // A copy, so that packing builds nothing inside the tree whose assemblies the tests have loaded.
        var clone = Path.Combine(_folder, "repo");
        foreach (var part in new[] { "src", "scenarios" })
            CopyTree(SeedFiles.File(part), Path.Combine(clone, part));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
            File.Copy(SeedFiles.File(file), Path.Combine(clone, file));

        // The README's command, with a tool folder of the test's own instead of --global, and no build
        // server left running after the test.
        var pack = await RunAsync(clone, SummitsProcess.DotnetHost(), "pack", "src/Summits.Cli", "-c", "Release", "--disable-build-servers");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var tools = Path.Combine(_folder, "tools");
        var install = await RunAsync(clone, SummitsProcess.DotnetHost(), "tool", "install", "--tool-path", tools, "--add-source", Path.Combine(clone, "artifacts", "tool"), "Summits.Cli");
        Assert.True(install.ExitCode == 0, install.ToString());

        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var summits = Path.Combine(tools, "summits");
        var help = await RunAsync(elsewhere, summits, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("summits [command] [options]", help.Output, StringComparison.Ordinal);

        // The shipped scenarios sit beside the installed program: the same relative path works from any folder.
        // baseline.yaml checks its own expectations, so exit 0 means they all held.
        var run = await RunAsync(elsewhere, summits, "run", "scenarios/what-if/baseline.yaml", "-q", "--engine", "local");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Scenario baseline on world abe-trump-2017-11-06", run.Output, StringComparison.Ordinal);

        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "summits.dll", SearchOption.AllDirectories);
        Assert.Single(installed);

        // Japanese text breaks by ICU's strict line breaking rules, from the system's libicu. The exercise's about is
        // 19 wide characters, then く、 and 15 more: at 40 columns the first line holds 20 characters (40 cells), but a
        // line never starts with 、, so く goes down with it: 日本…同じ (19, 38 cells), then after the 4-column
        // continuation く、貿易赤字をめぐって交渉する。 (16 characters, 4 + 32 = 36 cells).
        var exercise = Path.Combine(elsewhere, "ja.yaml");
        File.WriteAllText(exercise, System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(Path.Combine(clone, "scenarios", "exercises", "trade-for-defence.yaml"))
                .Replace("world: ../", $"world: {clone}/scenarios/", StringComparison.Ordinal)
                .Replace("record: ../", $"record: {clone}/scenarios/", StringComparison.Ordinal),
            "(?m)^about: .*$", "about: 日本と米国は東京での首脳会談の後と同じく、貿易赤字をめぐって交渉する。"));
        string[] play = ["exercise", exercise, "--answers", Path.Combine(clone, "scenarios", "exercises", "answers", "trade-for-defence-jp.yaml"), "--engine", "local"];
        var columns = new Dictionary<string, string> { ["COLUMNS"] = "40" };
        var japanese = await RunAsync(elsewhere, summits, columns, play);
        Assert.True(japanese.ExitCode == 0, japanese.ToString());
        Assert.Contains("\n日本と米国は東京での首脳会談の後と同じ\n    く、貿易赤字をめぐって交渉する。\n", japanese.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("libicu", japanese.Error, StringComparison.Ordinal);

        // Without a loadable libicu the tool still runs: an unloadable libicuuc.so.72 beside the program is where ICU is
        // looked for first, so none loads. The text then breaks beside any wide character: the first line holds its 20
        // (…同じく) and 、 starts the next; standard error says so once, in one line (wrapped to the 40 columns as every
        // line on standard error is).
        var folder = Path.GetDirectoryName(installed[0])!;
        foreach (var library in new[] { "libicuuc.so.72", "libicui18n.so.72" })
            File.WriteAllText(Path.Combine(folder, library), "not a library");
        var plain = await RunAsync(elsewhere, summits, columns, play);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("\n日本と米国は東京での首脳会談の後と同じく\n    、貿易赤字をめぐって交渉する。\n", plain.Output, StringComparison.Ordinal);
        var said = System.Text.RegularExpressions.Regex.Replace(plain.Error, @"\n +", " ");
        Assert.Single(said.Split('\n'), l => l.Contains(LineBreaks.MissingIcu, StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(said, "could not be loaded"));
        foreach (var library in new[] { "libicuuc.so.72", "libicui18n.so.72" })
            File.Delete(Path.Combine(folder, library));

        // ReadyToRun code lives in the managed-native header of the CLI header; a JIT-only assembly has none.
        using var pe = new PEReader(File.OpenRead(installed[0]));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{installed[0]} is not ReadyToRun");

        // Self-contained and composite: the runtime's own library and the one composite image that holds the
        // native code of every assembly, the runtime's included, sit beside summits.dll.
        Assert.True(File.Exists(Path.Combine(folder, "System.Private.CoreLib.dll")), $"no runtime in {folder}: the tool is not self-contained");
        Assert.Single(Directory.GetFiles(folder, "*.r2r.dll"));

        // Orleans' packages name Roslyn's libraries (and Humanizer through them) as run-time dependencies that nothing
        // loads; the tool carries none of them, and its embedded silo still runs the baseline in grains (the default
        // engine), whose expectations make exit 0 mean they held.
        var unused = Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("Humanizer", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(unused);
        var grains = await RunAsync(elsewhere, summits, "run", "scenarios/what-if/baseline.yaml", "-q");
        Assert.True(grains.ExitCode == 0, grains.ToString());
        Assert.Contains("seed 2017, engine grains", grains.Output, StringComparison.Ordinal);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, directory);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            Directory.CreateDirectory(Path.Combine(to, relative));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private static Task<SummitsRun> RunAsync(string folder, string program, params string[] arguments) =>
        RunAsync(folder, program, new Dictionary<string, string>(), arguments);

    private static async Task<SummitsRun> RunAsync(string folder, string program, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        // The tool's own host finds the runtime the tests run on.
        if (Path.GetDirectoryName(SummitsProcess.DotnetHost()) is { Length: > 0 } dotnetRoot)
            variables["DOTNET_ROOT"] = dotnetRoot;
        foreach (var (name, value) in environment)
            variables[name] = value;
        var start = ChildProcess.Start(program, arguments, folder, variables);
        return await SummitsProcess.WaitAsync(start, HangGuard, $"{program} {string.Join(' ', arguments)}");
    }
}
