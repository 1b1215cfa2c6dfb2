namespace Summits.Scenarios;

/// <summary>
/// Whether an output that a command writes would replace a file the same command reads (<c>seed draft src.txt -o
/// src.txt</c>), or another output of the same command (<c>run S -o X --report X</c>, whose two sets both hold
/// agreements.csv), found before anything is run or written, so that neither the input nor the other output is lost.
/// Files are told apart by identity (<see cref="InputFile.SameFile"/>: device and inode), so another spelling of the
/// path, a symbolic link and a hard link are each caught as the file itself; a file or folder not made yet, by its
/// name in the nearest folder that is.
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
            return $"{named} names the input file '{InputPath.Said(input)}' itself; writing the {what} there would replace it: name another file";
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
                return $"{option} '{directory}' holds the input file '{InputPath.Said(input)}' as {name}, a file that this output replaces there (or removes); name another folder, or move the input out of it";
        }
        return null;
    }

    /// <summary>
    /// Why two of <paramref name="given"/> would take each other's place, in one sentence naming both options, the
    /// file and what to do; null when no two do. Two outputs clash when
    /// <list type="bullet">
    /// <item>two folders are one folder and both sets write a file of one name (<c>-o X --report X</c>: agreements.csv), said
    /// by <see cref="CommandOutput.Writes"/>: the files this run writes, not every name its kind may hold;</item>
    /// <item>a file is one that a folder's set writes (<c>-o X --telemetry X/timeline.jsonl</c>, <c>-o X &gt; X/state.json</c>,
    /// <c>-o X 2&gt; X/state.json</c>), or two files are one (but standard output and standard error, <c>&gt; log 2&gt;&amp;1</c>);</item>
    /// <item>a file is a folder's own path or a folder above it (<c>--telemetry X -o X</c>), where a folder must be.</item>
    /// </list>
    /// Two sets in one folder under different names do not clash: each keeps the other's files (<see cref="OutputSet"/>).
    /// Before the pairs, each folder is set against what it holds already: a folder that holds another command's set
    /// whose files this output would replace (<see cref="OutputSet.Foreign"/>) is refused, naming that command. After
    /// them, a folder holding a file of the set's names that no set there wrote (<see cref="OutputSet.Unclaimed"/>) is
    /// refused, naming those files, and each file is set against the folder it is in: a file an output set there wrote
    /// (<see cref="OutputSet.Owner"/>) is refused.
    /// </summary>
    /// <param name="given">
    /// The command's outputs, in the order its options are listed, and <see cref="CommandOutput.StandardStreams"/> last;
    /// a null one (an option not given, standard output not a file) is none. The first clashing pair is said.
    /// </param>
    public static string? OverOutput(IEnumerable<CommandOutput?> given)
    {
        var outputs = given.OfType<CommandOutput>().ToList();
        foreach (var folder in outputs)
        {
            if (folder.Kind is { } kind && OutputSet.Foreign(folder.Path, kind) is { } foreign)
                return $"{folder.Option} '{folder.Path}' {foreign}";
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            for (var j = i + 1; j < outputs.Count; j++)
            {
                if ((Clash(outputs[i], outputs[j]) ?? Clash(outputs[j], outputs[i])) is { } clash)
                    return clash;
            }
        }
        // A file of a set's names that no set there wrote is said after the pairs: the shell makes the file that
        // standard output is sent into (> X/state.json) before the command starts, and that is the clash to say.
        foreach (var folder in outputs)
        {
            if (folder.Kind is { } kind && OutputSet.Unclaimed(folder.Path, kind) is { } unclaimed)
                return $"{folder.Option} '{folder.Path}' {unclaimed}";
        }
        // A file is set against the folder it is written into: a file there that a set of files names is that set's.
        foreach (var file in outputs)
        {
            if (!file.IsFolder && !file.IsStandardStream && OutputSet.Owner(file.Path) is { } owner)
                return $"{file.Option} '{file.Path}' {owner}; nothing was written: {file.Another}";
        }
        return null;
    }

    private static string? Clash(CommandOutput a, CommandOutput b)
    {
        // A file migrate rewrites in place may have been read from beside the program: said as named.
        var first = $"{a.Option} '{InputPath.Said(a.Path)}'";
        var second = $"{b.Option} '{InputPath.Said(b.Path)}'";
        // Standard output and standard error sent into one file (> log 2>&1) each add to it: neither replaces the other.
        if (a.IsStandardStream && b.IsStandardStream)
            return null;
        if (a.IsFolder && b.IsFolder)
        {
            var shared = a.Writes.Intersect(b.Writes, StringComparer.Ordinal).ToList();
            return shared.Count > 0 && SamePlace(a.Path, b.Path)
                ? $"{first} and {second} are one folder, and both write {Model.Listed.And(shared)} there; one would replace the other: name two different folders"
                : null;
        }
        if (a.IsFolder)
            return null;
        if (!b.IsFolder)
        {
            return SamePlace(a.Path, b.Path)
                ? $"{first} and {second} are one file; one would replace the other: {b.Another}"
                : null;
        }
        if (b.Names.FirstOrDefault(name => SamePlace(a.Path, Path.Combine(b.Path, name))) is { } written)
            return $"{first} is {written} in {second}, a file that {b.Option} writes there; one would replace the other: {a.Outside(b.Path)}, or name another folder for {b.Option}";
        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(b.Path));
        for (var folder = own; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (SamePlace(a.Path, folder))
                return $"{first} is {(folder == own ? "the folder that" : "a folder that holds the folder")} {second} writes into; the file would stand where the folder must: {a.Another}";
        }
        return null;
    }

    /// <summary>
    /// True when two paths name one file or folder: by identity when both exist; neither existing, when their last
    /// names are one and their folders are one place (so <c>X/a</c> and <c>./X/a</c>, or a name under a symbolic
    /// link to X, are one); false when only one exists.
    /// </summary>
    private static bool SamePlace(string a, string b)
    {
        var (fullA, fullB) = (Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)));
        var (existsA, existsB) = (Exists(fullA), Exists(fullB));
        if (existsA && existsB)
            return InputFile.SameFile(fullA, fullB);
        if (existsA || existsB)
            return false;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!string.Equals(Path.GetFileName(fullA), Path.GetFileName(fullB), comparison))
            return false;
        var (parentA, parentB) = (Path.GetDirectoryName(fullA), Path.GetDirectoryName(fullB));
        return parentA is null || parentB is null ? string.Equals(fullA, fullB, comparison) : SamePlace(parentA, parentB);

        static bool Exists(string path) => System.IO.File.Exists(path) || Directory.Exists(path);
    }
}
