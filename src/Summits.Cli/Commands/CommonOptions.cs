using System.CommandLine;
using System.Globalization;
using Summits.Hosting;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>Options that several commands share.</summary>
public static class CommonOptions
{
    public const string DefaultWorld = "scenarios/summits/2017-11-06-abe-trump.yaml";

    public static Option<string> World() => InputFile(new Option<string>("--world", "-w")
    {
        Description = "The world file to load",
        HelpName = "FILE",
        DefaultValueFactory = _ => DefaultWorld,
    }, InputKind.World);

    /// <summary>The arguments and options whose values name files to read, which must exist (<see cref="MissingInputFile"/>) and be files (<see cref="NotAnInputFile"/>).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Symbol, InputKind> InputFiles = [];

    /// <summary>
    /// Marks <paramref name="symbol"/> as naming files of <paramref name="kind"/> to read: a name that is no file, or
    /// names a folder, a device or a FIFO, is refused before the command runs.
    /// </summary>
    public static T InputFile<T>(T symbol, InputKind kind) where T : Symbol
    {
        InputFiles.AddOrUpdate(symbol, kind);
        return symbol;
    }

    /// <summary>
    /// The first value written on the command line for an argument or option marked by <see cref="InputFile"/> that
    /// names neither a file nor a folder, here or beside the program (<see cref="InputPath.Resolve"/>); for FILE#BRANCH the
    /// part before the '#' is the file. Returned with the kind of file its argument or option takes, whose shipped files
    /// (<see cref="Shipped(InputKind)"/>) can be named in its place. Null when every one exists. A default value, not
    /// written, is not checked.
    /// </summary>
    public static (string Token, InputKind Kind)? MissingInputFile(ParseResult parse)
    {
        foreach (var (token, kind) in InputTokens(parse))
            if (!Exists(token) && !(token.LastIndexOf('#') is var hash and > 0 && Exists(token[..hash])))
                return (token, kind);
        return null;

        static bool Exists(string path) => InputPath.Resolve(path) is var found && (File.Exists(found) || Directory.Exists(found));
    }

    /// <summary>
    /// Why the first value written on the command line for an argument or option marked by <see cref="InputFile"/> names
    /// something there that is not a file to read, as a mistake on the command line rather than a place in a file: a
    /// folder, with the files in it that the argument takes (<c>'runs/a' is a folder, not a scenario file or state.json;
    /// the YAML or JSON files in it: runs/a/state.json</c>), or a device, a FIFO or a socket
    /// (<see cref="Summits.Scenarios.InputFile.NotAFile"/>), each here or beside the program (<see cref="InputPath.Resolve"/>)
    /// and said as written. For FILE#BRANCH the part before the '#' is the file when the whole is not there. Null when
    /// each names a regular file (or is not there: <see cref="MissingInputFile"/>).
    /// </summary>
    public static string? NotAnInputFile(ParseResult parse)
    {
        foreach (var (token, kind) in InputTokens(parse))
        {
            var whole = InputPath.Resolve(token);
            var path = File.Exists(whole) || Directory.Exists(whole) ? whole
                : token.LastIndexOf('#') is var hash and > 0 ? InputPath.Resolve(token[..hash])
                : whole;
            if (Summits.Scenarios.InputFile.NotAFile(path, kind.What, kind.Files, kind.Extensions) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>
    /// Why one argument marked by <see cref="InputFile"/> that takes several files (<c>import ktab</c>'s tables,
    /// <c>analyze</c>'s telemetry, <c>migrate</c>'s files) names one file twice, in one sentence that gives both names as
    /// they were written: <c>FILE names one KTAB table twice, as './t.csv' and 't.csv'; name each KTAB table once</c>.
    /// Read twice, the file would be taken as two (a table's dimensions made topics twice over, a telemetry file's spans
    /// counted twice). Files are told apart by identity (<see cref="Summits.Scenarios.InputFile.SameFile"/>), so another
    /// spelling of the path or a link is the file itself. Null when each file is named once; checked once every value
    /// names a file (<see cref="MissingInputFile"/>, <see cref="NotAnInputFile"/>).
    /// </summary>
    public static string? RepeatedInputFile(ParseResult parse)
    {
        foreach (var child in parse.CommandResult.Children)
        {
            if (child is not System.CommandLine.Parsing.ArgumentResult { Argument: var argument } || !InputFiles.TryGetValue(argument, out var kind))
                continue;
            var tokens = child.Tokens.Select(t => t.Value).ToList();
            for (var i = 0; i < tokens.Count; i++)
            {
                for (var j = i + 1; j < tokens.Count; j++)
                {
                    if (Summits.Scenarios.InputFile.SameFile(InputPath.Resolve(tokens[i]), InputPath.Resolve(tokens[j])))
                        return $"{argument.Name} names one {kind.What} twice, as '{tokens[i]}' and '{tokens[j]}'; name each {kind.What} once";
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The files shipped with Summits that <paramref name="symbol"/> (marked by <see cref="InputFile"/>) could name, as a
    /// clause to follow a line saying it is missing: <c>; the shipped exercise files: scenarios/exercises/a.yaml and
    /// scenarios/exercises/b.yaml</c>, each a path that names it from the repository's root or from anywhere (a name
    /// not found here is looked for beside the program, <see cref="InputPath.Resolve"/>), at most ten and how many more. Empty
    /// for a symbol of a kind none is shipped of (a telemetry file, the older files <c>migrate</c> takes, which are the
    /// user's own), or when none is found.
    /// </summary>
    public static string Shipped(Symbol symbol) => InputFiles.TryGetValue(symbol, out var kind) ? Shipped(kind) : "";

    /// <summary>The options that name a file to write (<see cref="FileToWrite"/>).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, object> FilesToWrite = [];

    /// <summary>Marks <paramref name="option"/> as naming a file to write (<see cref="WritableFile"/>, <c>--telemetry FILE.jsonl</c>); returns it.</summary>
    public static T FileToWrite<T>(T option) where T : Option
    {
        FilesToWrite.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>Whether <paramref name="option"/> names a file to write (<see cref="FileToWrite"/>), whose name is the user's own to choose.</summary>
    public static bool WritesFile(Option option) => FilesToWrite.TryGetValue(option, out _);

    /// <summary>The kind of file <paramref name="symbol"/> reads (<see cref="InputFile"/>); null for one that reads none.</summary>
    public static InputKind? KindOf(Symbol symbol) => InputFiles.TryGetValue(symbol, out var kind) ? kind : null;

    /// <summary>
    /// The files shipped with Summits of <paramref name="kind"/>, as a clause to follow a line saying one is missing
    /// (<see cref="Shipped(Symbol)"/>); empty for a kind none is shipped of, or when none is found.
    /// </summary>
    public static string Shipped(InputKind kind)
    {
        if (kind.Shipped is not (var noun, var folders, var extensions))
            return "";
        var found = folders.SelectMany(folder => Files(folder, extensions ?? kind.Extensions)).ToList();
        return found.Count == 0 ? "" : $"; the shipped {noun}: {Listed.AndMore(found, 10)}";

        static IEnumerable<string> Files(string folder, IReadOnlyCollection<string> extensions)
        {
            // The scenarios folder is copied beside the program; from the repository's root it is also here.
            var beside = Path.Combine(AppContext.BaseDirectory, folder);
            var where = Directory.Exists(beside) ? beside : folder;
            if (!Directory.Exists(where))
                return [];
            return Directory.EnumerateFiles(where).Select(Path.GetFileName).OfType<string>()
                .Where(f => !f.StartsWith('.') && (extensions.Count == 0 || extensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
                .Order(StringComparer.Ordinal)
                .Select(f => $"{folder}/{f}");
        }
    }

    /// <summary>Each value written on the command line for the command's arguments and options marked by <see cref="InputFile"/>, with its kind.</summary>
    private static IEnumerable<(string Token, InputKind Kind)> InputTokens(ParseResult parse)
    {
        foreach (var child in parse.CommandResult.Children)
        {
            Symbol? symbol = child switch
            {
                System.CommandLine.Parsing.ArgumentResult a => a.Argument,
                System.CommandLine.Parsing.OptionResult o => o.Option,
                _ => null,
            };
            if (symbol is null || !InputFiles.TryGetValue(symbol, out var kind))
                continue;
            foreach (var token in child.Tokens)
                yield return (token.Value, kind);
        }
    }

    public static Option<string?> Report() => WritableFolder(new("--report")
    {
        Description = "Write report.html (charts, no network needed), report.md and CSVs into this folder",
        HelpName = "DIR",
    });

    /// <summary><c>--engine grains|local</c>; read it with <see cref="ReadEngine"/>.</summary>
    public static Option<string?> Engine()
    {
        var option = new Option<string?>("--engine")
        {
            Description = "Where countries and topics live: grains (an embedded Orleans silo) or local (the pure model, no Orleans)",
            HelpName = "grains|local",
            DefaultValueFactory = _ => "grains",
        };
        OneOf(option, "grains", "local");
        return option;
    }

    /// <summary>
    /// <c>--checkpoint-every N</c>: in grains, how often a world's run is written to storage (every N-th advance and
    /// its last); a whole number from 1 to <see cref="Grains.CheckpointOptions.Most"/>, anything else refused while the
    /// command line is read (<see cref="OptionNumbers"/>). Left out, its value is null and the interval is
    /// <c>Summits:CheckpointEvery</c> from the configuration, else <see cref="Grains.CheckpointOptions.DefaultEvery"/> (100), so the help names that default
    /// rather than a fixed one. Given explicitly (1 included), it wins over the configuration (<c>EmbeddedSilo.StartAsync</c>).
    /// </summary>
    public static Option<int?> CheckpointEvery() => OptionNumbers.Whole(new Option<int?>("--checkpoint-every")
    {
        Description = $"In grains: write each world's run to storage every N-th advance and at its last, keeping the advances between in memory (1 to {Grains.CheckpointOptions.Most}) [default: Summits:CheckpointEvery, else {Grains.CheckpointOptions.DefaultEvery}]",
        HelpName = "N",
    }, 1, Grains.CheckpointOptions.Most);

    /// <summary>
    /// <c>--cluster redis://HOST:PORT</c>: the Redis server of the Summits cluster the command joins or calls
    /// (<see cref="ClusterAddress"/>). A value that is no such address is refused while the command line is read,
    /// in one line: <c>--cluster must be a Redis server as redis://HOST:PORT, …, not 'http://x': it does not begin with redis://</c>.
    /// Left out, its value is null and the cluster is <c>Summits:Cluster</c> from the configuration, if any.
    /// </summary>
    /// <param name="description">What the cluster is to the command.</param>
    public static Option<ClusterAddress?> Cluster(string description)
    {
        var option = new Option<ClusterAddress?>("--cluster") { Description = description, HelpName = "URL" };
        return ReadWith(option, ClusterAddress.Read, ClusterAddress.Refusal);
    }

    /// <summary>Reads an option's text: the value, or null with the reason it was refused in <paramref name="why"/>.</summary>
    private delegate T? ReadText<T>(string text, out string why) where T : class;

    /// <summary>Reads a cluster option's text as <paramref name="read"/> does; a text it refuses is said in the one line <paramref name="refusal"/> makes.</summary>
    private static Option<T?> ReadWith<T>(Option<T?> option, ReadText<T> read, Func<string, string, string, string> refusal) where T : class
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var written = result.Tokens[^1].Value;
            if (read(written, out var why) is { } value)
                return value;
            result.AddError(refusal(option.Name, written, why));
            return null;
        };
        return option;
    }

    /// <summary>
    /// <c>--cluster-id ID</c>: which of the Summits clusters on the Redis server of <c>--cluster</c> the command joins or
    /// calls (<see cref="ClusterIds"/>). An id that is none is refused while the command line is read, in one line:
    /// <c>--cluster-id must be a cluster id of 1 to 64 characters: …, not 'a b': ' ' is not allowed in it</c>. Left out,
    /// its value is null and the id is <c>Summits:ClusterId</c> from the configuration, else <c>summits</c>.
    /// </summary>
    public static Option<string?> ClusterId()
    {
        var option = new Option<string?>("--cluster-id")
        {
            Description = $"Which cluster of those sharing the Redis server this is: its silos, worlds and reminders are its own [default: {SummitsSettings.ClusterIdKey}, else {ClusterIds.Default}]",
            HelpName = "ID",
        };
        return ReadWith(option, ClusterIds.Read, ClusterIds.Refusal);
    }

    /// <summary>
    /// The cluster options as the user gave them, each after a space (" --cluster redis://HOST:PORT --cluster-id ID"; empty
    /// when neither was given), for a line that suggests another command: the command it names then asks the same
    /// cluster (<c>'summits worlds list --cluster redis://10.0.0.5:6379'</c>). An option taken from the configuration is
    /// not repeated, since the suggested command reads the same configuration.
    /// </summary>
    public static string ClusterOptions(ClusterAddress? cluster, string? clusterId) =>
        (cluster is null ? "" : $" --cluster {cluster}") + (clusterId is null ? "" : $" --cluster-id {clusterId}");

    /// <summary>
    /// The line that refuses <c>--cluster-id</c> given to a command that runs on no cluster (<paramref name="settings"/>
    /// null, as for the local engine, or naming none); null when the option was not given or there is a cluster.
    /// </summary>
    public static string? ClusterIdWithoutCluster(string? clusterId, SummitsSettings? settings) =>
        clusterId is not null && settings?.Cluster is null
            ? $"--cluster-id applies only on a cluster: name its Redis server with --cluster redis://HOST:PORT or the setting {SummitsSettings.ClusterKey}"
            : null;

    public static Engine ReadEngine(string? text) => text == "local" ? Scenarios.Engine.Local : Scenarios.Engine.Grains;

    /// <summary><c>-o|--output DIR</c>, with the older <c>--out</c> as an alias.</summary>
    public static Option<string?> Output(string what) => WritableFolder(new("--output", "-o", "--out")
    {
        Description = what,
        HelpName = "DIR",
    });

    /// <summary>The option as it was written on the command line (<c>-o</c>, <c>--output</c>), or its name when it was not written.</summary>
    public static string Written(ParseResult parse, Option option) => parse.GetResult(option)?.IdentifierToken?.Value ?? option.Name;

    /// <summary>
    /// Refuses a folder that an output set cannot be written to (<see cref="OutputPath.FolderProblem"/>) while the
    /// command line is read, so that nothing runs for output that would fail at the end.
    /// </summary>
    public static Option<string?> WritableFolder(Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && OutputPath.FolderProblem(path) is { } problem)
                result.AddError($"{result.IdentifierToken?.Value ?? option.Name} '{path}' cannot be written: {problem}");
        });
        return option;
    }

    /// <summary>
    /// Refuses, while the command line is read and so before anything is written, a file that cannot be written
    /// (<see cref="OutputPath.FileProblem"/>), and a file that standard output or standard error was sent into by the
    /// shell (<c>-o out.yaml &gt; out.yaml</c>, <c>2&gt; out.yaml</c>), which the written file would replace with
    /// what is said there: the same check and sentence as every command's outputs (<see cref="OutputOverInput.OverOutput"/>).
    /// </summary>
    public static Option<string?> WritableFile(Option<string?> option)
    {
        FileToWrite(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } path)
                return;
            var written = result.IdentifierToken?.Value ?? option.Name;
            if (OutputPath.FileProblem(path) is { } problem)
                result.AddError($"{written} '{path}' cannot be written: {problem}");
            else if (OutputOverInput.OverOutput([CommandOutput.File(written, path), .. CommandOutput.StandardStreams()]) is { } clash)
                result.AddError(clash);
        });
        return option;
    }

    /// <summary>The formats every command that prints a table offers; the first is the default.</summary>
    public static readonly string[] Formats = ["table", "csv", "json"];

    /// <summary>
    /// <c>--format table|csv|json</c>: a table that fits the terminal, CSV (RFC 4180), or JSON. A retired
    /// value (<see cref="RetiredOptions.Values"/>) is refused with a pointer to the one that replaced it.
    /// </summary>
    public static Option<string> Format(string description)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            HelpName = string.Join('|', Formats),
            DefaultValueFactory = _ => Formats[0],
        };
        OptionChoices.Set(option, Formats);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (RetiredOptions.Values.FirstOrDefault(r => r.Old == $"--format {value}") is { } retired)
                result.AddError(retired.Refusal);
            else if (!Formats.Contains(value))
                result.AddError(UsageError.Choice("--format", Formats, value));
        });
        return option;
    }

    /// <summary>Accepts only these values, and says on one line which they are when another is given.</summary>
    public static void OneOf(Option<string?> option, params string[] choices)
    {
        OptionChoices.Set(option, choices);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !choices.Contains(value))
                result.AddError(UsageError.Choice(option.Name, choices, value));
        });
    }

    /// <summary>
    /// Accepts only these values, each one or more times, and lists them with what each means, in the order
    /// given, both in the help (after <paramref name="option"/>'s description) and in the one-line error for
    /// any other value.
    /// </summary>
    public static void OneOrMoreOf(Option<string[]> option, IReadOnlyList<(string Value, string Meaning)> choices)
    {
        var listed = Listed.Or(choices.Select(c => $"{c.Value} ({c.Meaning})"));
        option.Description = $"{option.Description}: {listed}";
        OptionChoices.Set(option, [.. choices.Select(c => c.Value)]);
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!choices.Any(c => c.Value == value))
                {
                    result.AddError(UsageError.Choice(option.Name, choices.Select(c => c.Value), value, listed));
                    return;
                }
            }
        });
    }

    /// <summary>What <c>-v minimal</c> prints on every command whose results are not themselves a table.</summary>
    public const string MinimalPrints = "the summary alone, no tables, and where files went";

    /// <summary><c>-v|--verbosity</c>, with the dotnet CLI's names and their short forms.</summary>
    /// <param name="minimal">What m[inimal] prints, as the help says it: <see cref="MinimalPrints"/> but on a command whose
    /// results are a table (<c>bench</c>'s figures), which prints that table at the minimal level.</param>
    public static Option<string?> Verbosity(string minimal = MinimalPrints)
    {
        var option = new Option<string?>("--verbosity", "-v")
        {
            Description = $"How much to print: q[uiet] (errors only, nothing on standard output), m[inimal] ({minimal}), n[ormal] (the default: the tables, and progress at a terminal), d[etailed] (every row, nothing left out), diag[nostic] (as detailed, then timings)",
            HelpName = "LEVEL",
        };
        OneOf(option, "q", "quiet", "m", "minimal", "n", "normal", "d", "detailed", "diag", "diagnostic");
        // Listed by their full names (the help writes q[uiet]); each short form is accepted beside its name.
        OptionChoices.Set(option, "quiet", "minimal", "normal", "detailed", "diagnostic");
        return option;
    }

    /// <summary><c>-q|--quiet</c>: the same as <c>--verbosity minimal</c>.</summary>
    public static Option<bool> Quiet(string description) => new("--quiet", "-q") { Description = description };

    /// <summary>
    /// Refuses, on <paramref name="command"/> and every command under it that takes both <c>-q</c> and <c>-v</c>, the two
    /// given at once for two levels (<c>-q -v detailed</c>, in either order), which would otherwise leave one of them
    /// unheeded without a word: <c>-q and -v detailed ask for two levels (-q is -v minimal); give one: -q, or -v with one
    /// of quiet, minimal, normal, detailed or diagnostic</c>. <c>-q</c> with <c>-v minimal</c> (or <c>-v m</c>) asks for
    /// one level and is kept. Returns <paramref name="command"/>.
    /// </summary>
    public static T RefuseTwoLevels<T>(T command) where T : Command
    {
        foreach (var sub in command.Subcommands)
            RefuseTwoLevels(sub);
        if (command.Options.FirstOrDefault(o => o.Name == "--quiet") is not Option<bool> quiet
            || command.Options.FirstOrDefault(o => o.Name == "--verbosity") is not Option<string?> verbosity)
            return command;
        CommandChecks.Add(command, result =>
        {
            if (result.GetResult(quiet) is not { Implicit: false } quietGiven || !result.GetValue(quiet)
                || result.GetResult(verbosity) is not { Implicit: false } levelGiven || result.GetValue(verbosity) is not { } level
                || ReadVerbosity(level, quiet: false) == Cli.Output.Verbosity.Minimal)
                return;
            var (q, v) = (quietGiven.IdentifierToken?.Value ?? "-q", levelGiven.IdentifierToken?.Value ?? "-v");
            result.AddError($"{q} and {v} {level} ask for two levels ({q} is {v} minimal); give one: {q}, or {v} with {Listed.OneOf(OptionChoices.Of(verbosity))}");
        });
        return command;
    }

    public static Cli.Output.Verbosity ReadVerbosity(string? text, bool quiet) => text switch
    {
        "q" or "quiet" => Cli.Output.Verbosity.Quiet,
        "m" or "minimal" => Cli.Output.Verbosity.Minimal,
        "d" or "detailed" => Cli.Output.Verbosity.Detailed,
        "diag" or "diagnostic" => Cli.Output.Verbosity.Diagnostic,
        "n" or "normal" => Cli.Output.Verbosity.Normal,
        _ => quiet ? Cli.Output.Verbosity.Minimal : Cli.Output.Verbosity.Normal,
    };

    /// <summary>
    /// How <paramref name="command"/> asks the grains of a silo that asks as <paramref name="silo"/> says (its call
    /// timeout, <c>EmbeddedSilo.Asking</c>): a call that times out and is asked again is said, <c>summits run: warning: advance 3 of world W did not answer within 120 s;
    /// asking again (2 of 3)</c>, at the normal level and above only. A retry that then answers loses nothing, so -q
    /// (minimal) and -v quiet, which keep only errors and what was lost, leave it out; a call that never answers is an
    /// error, said at every level.
    /// </summary>
    public static GrainAsking Asking(GrainAsking silo, string command, Cli.Output.Verbosity verbosity) =>
        silo with { Say = verbosity >= Cli.Output.Verbosity.Normal ? silo.Say : null, Command = command };

    /// <summary>The lines <see cref="RefuseUnless"/> added to each command's result, by which such a refusal is known (<see cref="IsRefusal"/>).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.CommandLine.Parsing.CommandResult, HashSet<string>> Refusals = [];

    /// <summary>
    /// Refuses an option given on the command line where it has no effect, so that it is never silently ignored, with the
    /// line <c>--NAME WHY</c>: <c>--rounds applies only with --world; a scenario sets its rounds in its 'rounds' steps</c>.
    /// </summary>
    public static void RefuseUnless(System.CommandLine.Parsing.CommandResult result, Option option, bool applies, string why)
    {
        if (!applies && result.GetResult(option) is { Implicit: false })
        {
            var line = $"{option.Name} {why}";
            Refusals.GetOrCreateValue(result).Add(line);
            result.AddError(line);
        }
    }

    /// <summary>Whether <paramref name="error"/> is <see cref="RefuseUnless"/>'s refusal of <paramref name="option"/>, given where it does not apply.</summary>
    public static bool IsRefusal(System.CommandLine.Parsing.ParseError error, Option option) =>
        error.SymbolResult is System.CommandLine.Parsing.CommandResult result && Refusals.TryGetValue(result, out var lines)
        && lines.Contains(error.Message) && error.Message.StartsWith($"{option.Name} ", StringComparison.Ordinal);

    public static Option<string?> Branch() => new("--branch")
    {
        Description = "For a scenario that forks: the branch to run (or name the file FILE#BRANCH)",
        HelpName = "NAME",
    };

    /// <summary>
    /// <c>--seed N</c>, a random seed that overrides a file's when given: a whole number from 0 to
    /// <see cref="ulong.MaxValue"/>, anything else refused while the command line is read (<see cref="OptionNumbers"/>).
    /// Read it with <see cref="ReadSeed"/>.
    /// </summary>
    public static Option<string?> Seed(string description, string helpName) =>
        OptionNumbers.Whole(new Option<string?>("--seed") { Description = description, HelpName = helpName }, ulong.MinValue, ulong.MaxValue);

    /// <summary>The value of an option made by <see cref="Seed"/>: null when it was not given.</summary>
    public static ulong? ReadSeed(string? text) => text is null ? null : ulong.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
