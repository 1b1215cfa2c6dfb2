using System.Text.Json.Nodes;

namespace Summits.Reports.Charts;

/// <summary>
/// One chart of a report: an Apache ECharts option drawn into a box <paramref name="Height"/> pixels
/// high and as wide as the page. <paramref name="Id"/> is unique within the page and names the chart
/// for readers and tests (<c>data-chart</c>).
/// </summary>
public sealed record ChartFigure(string Id, int Height, JsonObject Option);
