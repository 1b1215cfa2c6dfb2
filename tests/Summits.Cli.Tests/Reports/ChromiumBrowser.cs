using System.Diagnostics;

namespace Summits.Cli.Tests;

/// <summary>Debian's chromium, started headless on a local file with a fresh profile and no network services.</summary>
internal static class ChromiumBrowser
{
    public const string Package = "chromium";

    public static string Path { get; } = Find();

    /// <summary>Loads the page and returns the DOM as the browser built it, and what it logged.</summary>
    public static async Task<(string Dom, string Log)> DumpDomAsync(string page) => await RunAsync(["--dump-dom", Uri(page)]);

    /// <summary>Loads the page, saves a screenshot of it, and returns what the browser logged.</summary>
    public static async Task<string> ScreenshotAsync(string page, string png)
    {
        var (_, log) = await RunAsync([$"--screenshot={png}", "--window-size=1400,2000", Uri(page)]);
        return log;
    }

    private static async Task<(string Out, string Err)> RunAsync(IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("summits-chromium-").FullName;
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                 }.Concat(arguments))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (await output, await error);
    }

    private static string Uri(string page) => new Uri(System.IO.Path.GetFullPath(page)).AbsoluteUri;

    private static string Find()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            $"the report tests open the HTML in a real browser, and none was found: install Debian's '{Package}' package (apt-get install -y {Package})");
    }
}
