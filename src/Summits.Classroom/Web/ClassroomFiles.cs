using System.Collections.Frozen;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Summits.Reports.Charts;

namespace Summits.Classroom;

/// <summary>
/// The pages and scripts the classroom serves, every one from this assembly (or, for the charting library, from the
/// reports' assembly, which embeds it at build time): nothing is fetched from another site, so a classroom works
/// without internet. Each answer forbids any other source of script, style or connection.
/// </summary>
public static class ClassroomFiles
{
    /// <summary>Each path served, with its resource and media type.</summary>
    private static readonly FrozenDictionary<string, (string Resource, string Type)> Files = new Dictionary<string, (string, string)>
    {
        // One page for both: its script shows the teams' sections or the facilitator's, by the address opened.
        ["/"] = ("classroom.html", "text/html; charset=utf-8"),
        [ClassroomServer.FacilitatorPath] = ("classroom.html", "text/html; charset=utf-8"),
        ["/classroom.js"] = ("classroom.js", "text/javascript; charset=utf-8"),
        ["/classroom.css"] = ("classroom.css", "text/css; charset=utf-8"),
        ["/signalr.min.js"] = ("signalr.min.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary();

    /// <summary>The content security policy of every answer: this site's own scripts, images and connections alone, and its own styles (the charts set theirs inline).</summary>
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Maps every file's path on <paramref name="app"/>; any other path answers 404 with an empty body.</summary>
    public static void Map(WebApplication app)
    {
        foreach (var (path, (resource, type)) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, context => Send(context, bytes, type));
        }
        var charts = Encoding.UTF8.GetBytes(ChartLibrary.EChartsScript);
        app.MapGet("/echarts.min.js", context => Send(context, charts, "text/javascript; charset=utf-8"));
    }

    private static Task Send(HttpContext context, byte[] bytes, string type)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        context.Response.ContentType = type;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(ClassroomFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the resource {resource} is missing from {typeof(ClassroomFiles).Assembly.GetName().Name}; build the project with npm on the PATH");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
