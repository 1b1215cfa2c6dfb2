using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Text;
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

        // ReadyToRun code lives in the managed-native header of the CLI header; a JIT-only assembly has none.
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "summits.dll", SearchOption.AllDirectories);
        Assert.Single(installed);
        using var pe = new PEReader(File.OpenRead(installed[0]));
        Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{installed[0]} is not ReadyToRun");

        // Self-contained and composite: the runtime's own library and the one composite image that holds the
        // native code of every assembly, the runtime's included, sit beside summits.dll.
        var folder = Path.GetDirectoryName(installed[0])!;
        Assert.True(File.Exists(Path.Combine(folder, "System.Private.CoreLib.dll")), $"no runtime in {folder}: the tool is not self-contained");
        Assert.Single(Directory.GetFiles(folder, "*.r2r.dll"));
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

    private static async Task<SummitsRun> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The tool's own host finds the runtime the tests run on.
        if (Path.GetDirectoryName(SummitsProcess.DotnetHost()) is { Length: > 0 } dotnetRoot)
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return await SummitsProcess.WaitAsync(start, HangGuard, $"{program} {string.Join(' ', arguments)}");
    }
}
