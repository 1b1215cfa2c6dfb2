namespace Summits.Scenarios;

/// <summary>
/// Whether an output that a command writes would replace a file the same command reads (<c>seed draft src.txt -o
/// src.txt</c>), found before anything is run or written, so that the input is never lost to its own output. Files
/// are told apart by identity (<see cref="InputFile.SameFile"/>: device and inode), so another spelling of the path,
/// a symbolic link and a hard link are each caught as the file itself.
/// </summary>
public static class OutputOverInput
{
    /// <summary>
    /// The files a loaded scenario was read from: the scenario file, its world file, and the world's source text when
    /// it names one (relative to the world file, as the world's loader reads it). A world run without a scenario
    /// (<c>run --world</c>) has the world file as both.
    /// </summary>
    public static IEnumerable<string> Inputs(LoadedScenario loaded) =>
        new[] { loaded.Path, loaded.WorldPath }.Concat(Source(loaded.WorldPath, loaded.World)).Distinct(StringComparer.Ordinal);

    /// <summary>The source text a world file names, as a path (relative to the world file); none when it names none.</summary>
    public static IEnumerable<string> Source(string worldPath, Model.World world) =>
        world.Source.Length == 0 ? [] : [Path.Combine(Path.GetDirectoryName(Path.GetFullPath(worldPath)) ?? ".", world.Source)];

    /// <summary>
    /// Why writing the file <paramref name="output"/> would replace one of <paramref name="inputs"/>, in one sentence
    /// (<c>-o names the input file 'src.txt' itself; writing the draft there would replace it: name another file</c>);
    /// null when it is none of them (a file that does not exist yet is none).
    /// </summary>
    /// <param name="option">The option as it was written on the command line: <c>-o</c>, <c>--output</c>.</param>
    /// <param name="output">The file to be written, as the option gave it.</param>
    /// <param name="inputs">The files the command reads, each as it was named.</param>
    /// <param name="what">What is written there: "draft", "world file".</param>
    public static string? File(string option, string output, IEnumerable<string> inputs, string what)
    {
        if (!System.IO.File.Exists(output))
            return null;
        foreach (var input in inputs)
        {
            if (!System.IO.File.Exists(input) || !InputFile.SameFile(output, input))
                continue;
            var named = output == input ? option : $"{option} '{output}'";
            return $"{named} names the input file '{input}' itself; writing the {what} there would replace it: name another file";
        }
        return null;
    }

    /// <summary>
    /// Why writing an output set into <paramref name="directory"/> would replace or remove one of
    /// <paramref name="inputs"/>: an input that is a file there under one of the set's <paramref name="names"/>, every
    /// one of which a write of the set replaces, or removes when the new set lacks it (<see cref="OutputSet"/>); null
    /// when none is. The folder's other files are kept by the write, so an input among them is no problem.
    /// </summary>
    /// <param name="option">The option as it was written on the command line: <c>-o</c>, <c>--report</c>.</param>
    /// <param name="directory">The folder the set is written into, as the option gave it (with a fork's branch folder joined).</param>
    /// <param name="names">Every file name a set of this kind may hold.</param>
    /// <param name="inputs">The files the command reads, each as it was named.</param>
    public static string? Folder(string option, string directory, IEnumerable<string> names, IEnumerable<string> inputs)
    {
        var read = inputs.Where(System.IO.File.Exists).ToList();
        foreach (var name in names)
        {
            var file = Path.Combine(directory, name);
            if (!System.IO.File.Exists(file))
                continue;
            if (read.FirstOrDefault(input => InputFile.SameFile(file, input)) is { } input)
                return $"{option} '{directory}' holds the input file '{input}' as {name}, a file that this output replaces there (or removes); name another folder, or move the input out of it";
        }
        return null;
    }
}
