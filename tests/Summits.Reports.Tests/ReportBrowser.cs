using PuppeteerSharp;

namespace Summits.Reports.Tests;

/// <summary>
/// Debian's chromium, driven over the DevTools protocol by PuppeteerSharp: headless, a fresh profile,
/// no network services, never a downloaded browser. One browser serves every test of the collection.
/// </summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    public const string Package = "chromium";

    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser has not started");

    public async Task InitializeAsync()
    {
        var profile = Directory.CreateTempSubdirectory("summits-chromium-").FullName;
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Find(),
            Headless = true,
            UserDataDir = profile,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
    }

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

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ReportBrowser>
{
    public const string Name = "browser";
}
