using Spectre.Console;
using Spectre.Console.Rendering;

namespace Summits.Cli.Output;

/// <summary>Writes what Spectre.Console renders (a table) as plain lines: no colour, no escape codes, at a given width.</summary>
public static class PlainText
{
    /// <summary>Renders at <paramref name="width"/> columns and writes each line without the padding Spectre adds up to that width.</summary>
    public static void Write(TextWriter output, IRenderable renderable, int width)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        foreach (var line in text.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            output.WriteLine(line.TrimEnd());
    }
}
