namespace Summits.Reports.Charts;

/// <summary>
/// The scripts a report page inlines: Apache ECharts (embedded at build time from the npm package
/// pinned in package-lock.json) and charts.js, which draws each figure from its JSON option.
/// </summary>
public static class ChartLibrary
{
    /// <summary>The version of the echarts package embedded.</summary>
    public const string EChartsVersion = "6.1.0";

    private static readonly Lazy<string> ECharts = new(() => Read("echarts.min.js"));
    private static readonly Lazy<string> Bootstrap = new(() => Read("charts.js"));

    public static string EChartsScript => ECharts.Value;

    public static string ChartsScript => Bootstrap.Value;

    private static string Read(string name)
    {
        using var stream = typeof(ChartLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from {typeof(ChartLibrary).Assembly.GetName().Name}; build the project with npm on the PATH");
        using var reader = new StreamReader(stream);
        // A script inlined in HTML must not contain its own closing tag.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
