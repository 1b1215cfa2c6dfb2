using System.Text.Json.Nodes;

namespace Summits.Reports.Charts;

/// <summary>
/// Builds the Apache ECharts option of one chart in the house layout: a title (and subtitle) on top,
/// a one-line legend under it that pages when it is too long (on a page narrower than 640 pixels,
/// charts.js wraps the title and lists the legend in rows instead), the plot below both, a tooltip on hover,
/// and no animation. The legend lists exactly the series drawn (with data, a mark area or a mark line), so it never names a mark the
/// chart does not draw; a series marked with <see cref="OutOfLegend"/> stays out of it. Each entry's icon is drawn as
/// its series is (<see cref="LegendEntry"/>): a line without marks as a plain or dashed line, a shaded area as a shaded
/// box, an interval as whiskers.
/// </summary>
/// <remarks>
/// A value that must be a JavaScript function in ECharts (a formatter, a custom series' renderer) is
/// written as the string <c>"fn:NAME"</c>, naming a function of <c>Charts/charts.js</c>.
/// </remarks>
public sealed class Chart(string id, string title)
{
    /// <summary>The name of a per-datum field whose text the tooltip shows (see <c>tip</c> in charts.js).</summary>
    public const string Tip = "tip";

    /// <summary>A series property, removed before the option is written, that keeps the series out of the legend.</summary>
    public const string OutOfLegend = "outOfLegend";

    private readonly JsonArray _series = [];

    public string? Subtitle { get; init; }

    /// <summary>The chart's height in pixels, legend and axes included.</summary>
    public int Height { get; init; } = 420;

    public required JsonObject XAxis { get; init; }

    public required JsonObject YAxis { get; init; }

    /// <summary>The tooltip shows every series at the hovered x (a line chart) rather than the one mark under the pointer.</summary>
    public bool TooltipByAxis { get; init; }

    /// <summary>Zoom along the x axis: a slider under the plot, and the mouse wheel inside it.</summary>
    public bool ZoomX { get; init; }

    /// <summary>Extra space, in pixels, on the plot's right for labels drawn beside the last points.</summary>
    public int RightMargin { get; init; } = 40;

    public Chart Add(JsonObject series)
    {
        _series.Add(series);
        return this;
    }

    public ChartFigure Build()
    {
        var legend = new JsonArray();
        foreach (var node in _series)
        {
            var series = node!.AsObject();
            var inLegend = !(series.TryGetPropertyValue(OutOfLegend, out var flag) && flag!.GetValue<bool>());
            series.Remove(OutOfLegend);
            var name = (string?)series["name"];
            var drawn = series["data"] is JsonArray { Count: > 0 } || series["markArea"] is not null || series["markLine"] is not null;
            if (inLegend && drawn && name is not null && !legend.Any(n => (string?)n!["name"] == name))
                legend.Add(LegendEntry(series, name));
        }
        var legendTop = Subtitle is null ? 34 : 52;
        var gridTop = legend.Count > 0 ? legendTop + 36 : legendTop + 8;
        var option = new JsonObject
        {
            ["animation"] = false,
            // A description of the chart for screen readers, written by ECharts from the option.
            ["aria"] = new JsonObject { ["enabled"] = true },
            ["textStyle"] = new JsonObject { ["fontFamily"] = "system-ui, -apple-system, 'Segoe UI', sans-serif" },
            ["title"] = new JsonObject
            {
                ["text"] = title,
                ["subtext"] = Subtitle,
                ["left"] = "center",
                ["top"] = 4,
                ["textStyle"] = new JsonObject { ["fontSize"] = 15 },
            },
            ["legend"] = new JsonObject
            {
                ["show"] = legend.Count > 0,
                ["type"] = "scroll",
                ["top"] = legendTop,
                ["left"] = "center",
                // A path icon keeps its own proportions (a line stays thin) within the icon's box of 25 × 14 pixels.
                ["symbolKeepAspect"] = true,
                ["data"] = legend,
            },
            ["tooltip"] = new JsonObject { ["trigger"] = TooltipByAxis ? "axis" : "item", ["formatter"] = "fn:tip", ["confine"] = true },
            // The grid is shrunk until tick labels and axis names fit inside its outer bounds (ECharts 6).
            ["grid"] = new JsonObject
            {
                ["top"] = gridTop + 8,
                ["left"] = 80,
                ["right"] = RightMargin,
                ["bottom"] = ZoomX ? 90 : 50,
                ["outerBoundsMode"] = "auto",
                ["outerBoundsContain"] = "all",
                ["outerBounds"] = new JsonObject { ["top"] = gridTop, ["left"] = 8, ["right"] = 8, ["bottom"] = ZoomX ? 40 : 6 },
            },
            ["xAxis"] = XAxis,
            ["yAxis"] = YAxis,
            ["series"] = _series,
        };
        if (ZoomX)
        {
            option["dataZoom"] = new JsonArray
            {
                new JsonObject { ["type"] = "inside", ["xAxisIndex"] = 0 },
                new JsonObject { ["type"] = "slider", ["xAxisIndex"] = 0, ["height"] = 18, ["bottom"] = 8 },
            };
        }
        return new ChartFigure(id, Height, option);
    }

    /// <summary>A legend icon of a solid line: a bar 25 wide and 2 high.</summary>
    public const string SolidLineIcon = "path://M0,0h25v2h-25z";

    /// <summary>A legend icon of a dashed line: three dashes 6 long with gaps of 3.5, 2 high, 25 in all.</summary>
    public const string DashedLineIcon = "path://M0,0h6v2h-6z M9.5,0h6v2h-6z M19,0h6v2h-6z";

    /// <summary>A legend icon of an interval drawn as whiskers: a bar 25 wide between two caps 14 high, lines 2 thick.</summary>
    public const string WhiskerIcon = "path://M0,0h2v14h-2z M0,6h25v2h-25z M23,0h2v14h-2z";

    /// <summary>
    /// The legend entry of a series, its icon drawn as the series is. ECharts' own icon for a line series is a line
    /// with a dot even when the line has no dots; for a custom series, a filled box whatever it draws. So: a line
    /// without marks (<c>symbol: none</c> or <c>showSymbol: false</c>) gets a plain line, dashed when its line is; a
    /// series that draws only a shaded area (a mark area, no data) a box in that area's colour; a custom series drawn
    /// by <c>fn:whisker</c> whiskers. Every other series keeps ECharts' icon, which matches it (a bar's box, a scatter
    /// series' own symbol, a line with dots).
    /// </summary>
    public static JsonObject LegendEntry(JsonObject series, string name)
    {
        var entry = new JsonObject { ["name"] = name };
        var type = (string?)series["type"];
        var noData = series["data"] is not JsonArray { Count: > 0 };
        if (type == "line" && noData && series["markArea"]?["itemStyle"]?["color"] is { } area)
        {
            entry["icon"] = "rect";
            entry["itemStyle"] = new JsonObject { ["color"] = area.DeepClone() };
        }
        else if (type == "line" && ((string?)series["symbol"] == "none" || series["showSymbol"] is JsonValue show && !show.GetValue<bool>()))
        {
            entry["icon"] = (string?)series["lineStyle"]?["type"] is "dashed" or "dotted" ? DashedLineIcon : SolidLineIcon;
        }
        else if (type == "custom" && (string?)series["renderItem"] == "fn:whisker")
        {
            entry["icon"] = WhiskerIcon;
        }
        return entry;
    }

    /// <summary>A numeric axis. <paramref name="name"/> carries the unit; <paramref name="format"/> names a formatter of charts.js.</summary>
    public static JsonObject ValueAxis(string name, double? min = null, double? max = null, string format = "number", bool vertical = false) => new()
    {
        ["type"] = "value",
        ["name"] = name,
        ["nameLocation"] = "middle",
        ["nameGap"] = vertical ? 44 : 30,
        ["min"] = min,
        ["max"] = max,
        ["axisLabel"] = new JsonObject { ["formatter"] = $"fn:{format}" },
        ["splitLine"] = new JsonObject { ["show"] = true },
    };

    /// <summary>
    /// A value axis over the part of the 0–100 position scale that holds <paramref name="low"/> to
    /// <paramref name="high"/> (points on that scale, margins already added): its ends are multiples of one
    /// tick step and its ticks stand that step apart, so every tick label is the same distance from the next
    /// (no 55 before 60, 70, 80 …). The step is 10 points for a spread over 50, 5 over 20, 2 over 8, else 1;
    /// the ends are clamped to 0 and 100, which every step divides.
    /// </summary>
    public static JsonObject PositionAxis(string name, double low, double high, bool vertical = false)
    {
        var spread = high - low;
        var step = spread > 50 ? 10.0 : spread > 20 ? 5.0 : spread > 8 ? 2.0 : 1.0;
        var min = Math.Max(0, Math.Floor(low / step) * step);
        var max = Math.Min(100, Math.Ceiling(high / step) * step);
        if (max <= min)
            (min, max) = max >= 100 ? (100 - step, 100.0) : (min, min + step);
        var axis = ValueAxis(name, min, max, vertical: vertical);
        axis["interval"] = step;
        return axis;
    }

    /// <summary>An axis of named categories, in the order given (for a vertical axis, the first at the top).</summary>
    public static JsonObject CategoryAxis(string name, IEnumerable<string> categories, bool vertical = false) => new()
    {
        ["type"] = "category",
        ["name"] = name,
        // A vertical axis runs top to bottom (inverse), so its name goes at its start, the top.
        ["nameLocation"] = vertical ? "start" : "middle",
        ["nameGap"] = vertical ? 12 : 30,
        ["inverse"] = vertical,
        ["data"] = new JsonArray([.. categories.Select(c => (JsonNode?)c)]),
        ["axisTick"] = new JsonObject { ["alignWithLabel"] = true },
    };

    /// <summary>A datum with its tooltip text.</summary>
    public static JsonObject Point(JsonNode? value, string tip) => new() { ["value"] = value, [Tip] = tip };

    /// <summary>An array of numbers (or nulls) as a JSON array.</summary>
    public static JsonArray Values(params double?[] values) => new([.. values.Select(v => v is { } x ? JsonValue.Create(x) : null)]);
}
