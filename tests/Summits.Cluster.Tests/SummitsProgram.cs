namespace Summits.Cluster.Tests;

/// <summary>The built <c>summits</c> program, run as a user runs it, leashed to the test process (<see cref="LeashedProcess"/>).</summary>
public static class SummitsProgram
{
    /// <summary>Long enough for a silo start on a busy two-core machine; it only guards against a hang.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>The built program, beside the tests.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "summits.dll");

    /// <summary>The dotnet host running these tests, so that the program runs on the same runtime.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current
        : "dotnet";

    /// <summary>Starts <c>summits ARGUMENTS</c> in <paramref name="folder"/> and leaves it running.</summary>
    public static LeashedProcess Start(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        LeashedProcess.Start(Dotnet, [Program, .. arguments], folder, environment);

    /// <summary>Runs <c>summits ARGUMENTS</c> in <paramref name="folder"/> to its end.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string folder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var process = Start(folder, arguments, environment);
        var exit = await process.WaitForExitAsync(HangGuard);
        return (exit, process.Output, process.Error);
    }
}
