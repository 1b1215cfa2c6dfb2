using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>Reads a YAML file into nodes that remember where they stand, turning syntax errors into <see cref="InputException"/>.</summary>
public static class YamlDocument
{
    public static YamlMappingNode LoadMapping(string file, string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(new UniqueKeyParser(file, parser));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new InputException(new FilePosition(file, (int)e.Start.Line, (int)e.Start.Column), $"this is not valid YAML: {FirstSentence(reason)}");
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position on some unclosed constructs; the last value read is the nearest place.
            var near = parser.Current?.Start ?? Mark.Empty;
            throw new InputException(new FilePosition(file, (int)near.Line, (int)near.Column),
                "this is not valid YAML: the text after this point cannot be read; expected a closing ']', '}' or quote");
        }
        if (stream.Documents.Count == 0)
            throw new InputException(new FilePosition(file, 1, 1), "the file is empty; expected a mapping of keys to values");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException(At(file, stream.Documents[0].RootNode), "expected a mapping of keys to values at the top of the file");
        return root;
    }

    public static FilePosition At(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf("). ", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.').Trim();
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "it cannot be read";
    }
}
