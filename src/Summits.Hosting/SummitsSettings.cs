using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Summits.Grains;
using Summits.Model;

namespace Summits.Hosting;

/// <summary>
/// The settings a Summits silo or client takes from standard .NET configuration, section <see cref="Section"/>:
/// <c>Summits:CheckpointEvery</c>, <c>Summits:CallTimeout</c>, <c>Summits:Cluster</c>, <c>Summits:ClusterId</c>, <c>Summits:TimelinePage</c> and
/// the cluster's timings (<see cref="ClusterTimings"/>). The command line's embedded silo reads them from
/// <see cref="Configuration"/> (<c>appsettings.json</c> in the working folder, then environment variables such as
/// <c>Summits__CheckpointEvery</c>); a host with .NET's defaults reads them from its own configuration
/// (<see cref="SummitsHosting.AddSummits(Orleans.Hosting.ISiloBuilder, Action{SummitsSiloOptions}?)"/>). Either way
/// <see cref="Read"/> checks them. A value given explicitly (a command-line option such as <c>--checkpoint-every</c>,
/// or a host's code) wins over its setting, which is then neither read nor checked, as a later configuration source
/// hides an earlier one's value; every other setting is read and checked. A configuration file that is not JSON is
/// refused whatever is given, since none of its settings can be read.
/// </summary>
/// <param name="CheckpointEvery">Write a world's run every N-th advance and at its last: 1 to <see cref="CheckpointOptions.Most"/> (<see cref="CheckpointOptions"/>).</param>
/// <param name="CallTimeout">How long a grain call may take before the commands ask it again (and the embedded silo's response timeout): 1 s to <see cref="MaxCallTimeoutSeconds"/> s, whole seconds.</param>
/// <param name="Cluster">The Redis server of the cluster a silo joins or a client calls (<see cref="ClusterAddress"/>); null, the default, for none: the command line then starts its embedded silo.</param>
/// <param name="ClusterId">Which cluster of those on <paramref name="Cluster"/> a silo joins or a client calls (<see cref="ClusterIds"/>); <see cref="ClusterIds.Default"/>, <c>summits</c>, unless set.</param>
/// <param name="TimelinePage">
/// How many events a client asks a detached world for in one call as it reads its timeline (<c>summits worlds show</c>
/// and <c>watch</c>, <see cref="IWorldGrain.Timeline"/>): 1 to <see cref="IWorldGrain.TimelineMost"/>, the default.
/// </param>
public sealed record SummitsSettings(int CheckpointEvery, TimeSpan CallTimeout, ClusterAddress? Cluster = null, string ClusterId = ClusterIds.Default,
    int TimelinePage = IWorldGrain.TimelineMost)
{
    /// <summary>
    /// How soon a silo of a cluster notices another's death and a detached world resumes after it
    /// (<see cref="ClusterTimings"/>); <see cref="ClusterTimings.Default"/> unless set.
    /// </summary>
    public ClusterTimings Timings { get; init; } = ClusterTimings.Default;

    /// <summary>The configuration section the settings are read from.</summary>
    public const string Section = CheckpointOptions.Section;

    /// <summary>The key of the checkpoint interval, a whole number of advances.</summary>
    public const string CheckpointEveryKey = Section + ":" + nameof(CheckpointEvery);

    /// <summary>The key of the call timeout, a whole number of seconds.</summary>
    public const string CallTimeoutKey = Section + ":" + nameof(CallTimeout);

    /// <summary>The key of the cluster's Redis server, <c>redis://HOST:PORT</c>.</summary>
    public const string ClusterKey = Section + ":" + nameof(Cluster);

    /// <summary>The key of the cluster's id, <see cref="ClusterIds"/>.</summary>
    public const string ClusterIdKey = Section + ":" + nameof(ClusterId);

    /// <summary>The key of the events asked for in one call of a timeline read, a whole number.</summary>
    public const string TimelinePageKey = Section + ":" + nameof(TimelinePage);

    /// <summary>
    /// The older environment variable for <see cref="CallTimeoutKey"/>, still honoured: read as <c>Summits:CallTimeout</c>,
    /// below <c>Summits__CallTimeout</c> when both are set.
    /// </summary>
    public const string OlderCallTimeoutVariable = "SUMMITS_CALL_TIMEOUT";

    /// <summary>The file <see cref="Configuration"/> reads in the working folder.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>The largest call timeout accepted: a day, in seconds.</summary>
    public const int MaxCallTimeoutSeconds = 86_400;

    /// <summary>The call timeout when none is configured, <see cref="GrainCalls.DefaultTimeout"/> (120 s).</summary>
    public static TimeSpan DefaultCallTimeout => GrainCalls.DefaultTimeout;

    /// <summary>The settings when nothing is configured: a checkpoint every 100 advances (<see cref="CheckpointOptions.DefaultEvery"/>), calls asked again after 120 s.</summary>
    public static SummitsSettings Default { get; } = new(CheckpointOptions.DefaultEvery, DefaultCallTimeout);

    /// <summary>
    /// The configuration the command line reads, later sources winning: <see cref="FileName"/> in
    /// <paramref name="folder"/> when there is one, then <see cref="OlderCallTimeoutVariable"/>, then every environment
    /// variable, <c>__</c> read as <c>:</c> (<c>Summits__CheckpointEvery=3</c> is <c>Summits:CheckpointEvery</c>).
    /// </summary>
    /// <param name="folder">The folder whose <see cref="FileName"/> is read (the working folder).</param>
    /// <param name="environment">The environment variables; the process's when null.</param>
    /// <exception cref="SettingException">
    /// When the file cannot be read, is not valid JSON, is not a JSON object, sets a key twice (keys compared without
    /// regard to case, as .NET's JSON source compares them) or has a key with a control character: one line,
    /// <c>path:line:col: what is wrong; what was expected</c>, the column counted in characters, each Unicode scalar
    /// value once (<c>{ "Summits": { "CheckpointEvery": 3, "checkpointevery": 4 } }</c> is refused at 1:57, where its second value stands).
    /// </exception>
    public static IConfigurationRoot Configuration(string folder, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        var builder = new ConfigurationBuilder();
        if (File.Exists(path))
        {
            JsonSettingsFile.Check(path, FileName);
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
        }
        if (environment[OlderCallTimeoutVariable] is string older)
            builder.Add(new OlderVariableSource(older));
        builder.Add(new EnvironmentSource(environment));
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            for (var cause = e; cause is not null; cause = cause.InnerException)
            {
                // The file changed since it was checked: its place, as the check gives it.
                if (cause is JsonException)
                    JsonSettingsFile.Check(path, FileName);
            }
            throw new SettingException($"{path}: {FileName} cannot be read: {OneLine((e.InnerException ?? e).Message)}");
        }
    }

    /// <summary>
    /// Reads and checks the settings of <paramref name="configuration"/>; a setting it does not hold takes its
    /// <see cref="Default"/>. A value given explicitly takes the place of its setting, which is then not read, so a
    /// bad value there is not refused.
    /// </summary>
    /// <param name="configuration">Where the settings are read.</param>
    /// <param name="checkpointEvery">A checkpoint interval given explicitly (checked by whoever took it); null to read <see cref="CheckpointEveryKey"/>.</param>
    /// <param name="callTimeout">A call timeout given explicitly; null to read <see cref="CallTimeoutKey"/>.</param>
    /// <param name="cluster">A cluster given explicitly (a command's <c>--cluster</c>); null to read <see cref="ClusterKey"/>.</param>
    /// <param name="clusterId">A cluster id given explicitly (a command's <c>--cluster-id</c>, checked by whoever took it); null to read <see cref="ClusterIdKey"/>.</param>
    /// <exception cref="SettingException">
    /// As <see cref="Check"/>, whatever is given explicitly; and when a setting it reads is not a whole number in its range, is there with no value (an empty environment
    /// variable, a JSON <c>null</c>), is a list or an object, or is both a value in one source and a list or an object in
    /// another (neither hides the other in .NET's configuration): one line naming the setting, its value, where it came
    /// from (a file's path with the value's line and column, or an environment variable's name) and what is expected,
    /// such as <c>Summits:CallTimeout is '0' (from /home/me/appsettings.json:1:31); expected how many seconds a grain
    /// call may take before it is asked again: a whole number from 1 to 86400</c> for
    /// <c>{ "Summits": { "CallTimeout": 0 } }</c>. A whole number may be written as JSON writes a number
    /// (<c>100</c>, <c>1e2</c>, <c>100.0</c>); one holding a control character (<c>"3\u0000"</c>) is refused, and
    /// shown with the character escaped. A value is shown cut to 40 characters, the last an ellipsis. <c>Summits:Cluster</c>
    /// must be a <see cref="ClusterAddress"/>: <c>Summits:Cluster is 'http://x' (from environment variable Summits__Cluster);
    /// expected a Redis server as redis://HOST:PORT, …: it does not begin with redis://</c>; <c>Summits:ClusterId</c> must be
    /// a cluster id (<see cref="ClusterIds"/>): <c>Summits:ClusterId is 'a b' (from environment variable Summits__ClusterId);
    /// expected a cluster id of 1 to 64 characters: …: ' ' is not allowed in it</c>.
    /// </exception>
    public static SummitsSettings Read(IConfiguration configuration, int? checkpointEvery = null, TimeSpan? callTimeout = null, ClusterAddress? cluster = null, string? clusterId = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Check(configuration);
        var every = checkpointEvery ?? Whole(configuration, CheckpointEveryKey, 1, CheckpointOptions.Most,
            "how often a world's run is written to storage, every N-th advance") ?? Default.CheckpointEvery;
        var timeout = callTimeout ?? (Whole(configuration, CallTimeoutKey, 1, MaxCallTimeoutSeconds,
            "how many seconds a grain call may take before it is asked again") is { } s ? TimeSpan.FromSeconds(s) : DefaultCallTimeout);
        var address = cluster ?? Text(configuration, ClusterKey, ClusterAddress.Expected, ClusterAddress.Read);
        var id = clusterId ?? Text(configuration, ClusterIdKey, ClusterIds.Expected, ClusterIds.Read) ?? ClusterIds.Default;
        var page = Whole(configuration, TimelinePageKey, 1, IWorldGrain.TimelineMost,
            "how many events a client asks a detached world for in one call") ?? IWorldGrain.TimelineMost;
        return new SummitsSettings(every, timeout, address, id, page) { Timings = ClusterTimings.Read(configuration) };
    }

    /// <summary>
    /// The names of the settings in section <see cref="Section"/>: <c>CheckpointEvery</c>, <c>CallTimeout</c>, <c>Cluster</c>,
    /// <c>ClusterId</c>, <c>TimelinePage</c> and those of <see cref="ClusterTimings.Names"/>.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = [nameof(CheckpointEvery), nameof(CallTimeout), nameof(Cluster), nameof(ClusterId), nameof(TimelinePage), .. ClusterTimings.Names];

    /// <summary>
    /// Checks what of <paramref name="configuration"/> Summits reads, as a whole, whatever is given explicitly: every JSON
    /// file it was read from (when it is a configuration root, its chained configurations included), checked as
    /// <see cref="Configuration"/> checks <see cref="FileName"/>; and section <see cref="Section"/>, which may hold only
    /// the settings of <see cref="Names"/> (compared without regard to case), so that a misspelt one is not passed over.
    /// </summary>
    /// <exception cref="SettingException">
    /// One line. For a JSON file that is not JSON, not an object, sets a key twice or has a key with a control character,
    /// as <see cref="Configuration"/> says it. For a key of section <see cref="Section"/> that is no setting, or a value
    /// given to the section itself, where it came from, the nearest setting when one is near
    /// (<see cref="Closest.Nearest"/>) and the settings there are, spelled as that source spells them:
    /// <c>/home/me/appsettings.json:1:15: appsettings.json sets Summits:CheckpointEvry, which is no setting (did you mean
    /// 'Summits:CheckpointEvery'?); expected Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause</c> for
    /// <c>{ "Summits": { "CheckpointEvry": 3 } }</c>, the column that of the key, and <c>environment variable
    /// Summits__Enigne sets Summits:Enigne, which is no setting; expected Summits__CheckpointEvery, Summits__CallTimeout,
    /// Summits__Cluster, Summits__ClusterId, Summits__TimelinePage, Summits__ProbeTimeout, Summits__MissedProbes, Summits__DeathVotes,
    /// Summits__MembershipRefresh, Summits__DrivePeriod or Summits__DrivePause</c>.
    /// </exception>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var file in JsonFiles(configuration))
            JsonSettingsFile.Check(file, Path.GetFileName(file));
        var section = configuration.GetSection(Section);
        if (section.Value is { Length: > 0 })
            throw Unknown(configuration, Section, typed: null);
        foreach (var setting in section.GetChildren())
        {
            if (!Names.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
                throw Unknown(configuration, setting.Path, setting.Key);
        }
    }

    /// <summary>The JSON files a configuration was read from that are there to read, its chained configurations' included.</summary>
    private static IEnumerable<string> JsonFiles(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
            yield break;
        foreach (var provider in root.Providers)
        {
            if (provider is JsonConfigurationProvider json && FilePath(json) is { } path && File.Exists(path))
                yield return path;
            if (provider is ChainedConfigurationProvider chained)
            {
                foreach (var inner in JsonFiles(chained.Configuration))
                    yield return inner;
            }
        }
    }

    /// <summary>
    /// The error for <paramref name="key"/>, a key of section <see cref="Section"/> that is no setting (its last part
    /// <paramref name="typed"/>), or for the section itself given a value (<paramref name="typed"/> null).
    /// </summary>
    private static SettingException Unknown(IConfiguration configuration, string key, string? typed)
    {
        var near = typed is null ? null : Closest.Nearest(typed, Names);
        var provider = Provider(configuration, key, nested: false) ?? Provider(configuration, key, nested: true);
        string source;
        Func<string, string> spelled = n => $"{Section}:{n}";
        switch (provider)
        {
            case JsonConfigurationProvider json when FilePath(json) is { } file:
                source = (JsonSettingPlace.Find(file, key) is { } found ? $"{file}:{found.KeyAt.Line}:{found.KeyAt.Column}: " : $"{file}: ") + Path.GetFileName(file);
                break;
            case EnvironmentProvider or EnvironmentVariablesConfigurationProvider:
                var set = FirstKey(provider, key);
                var variable = Variable(provider, set);
                // The choices as this variable spells them: '__' for ':', and a prefix the provider strips (DOTNET_) kept.
                var plain = set.Replace(":", "__", StringComparison.Ordinal);
                var prefix = variable.EndsWith(plain, StringComparison.OrdinalIgnoreCase) ? variable[..^plain.Length] : "";
                spelled = n => $"{prefix}{Section}__{n}";
                source = $"environment variable {variable}";
                break;
            default:
                source = provider is null ? "the host's configuration" : SourceOf(provider, key)["from ".Length..];
                break;
        }
        var suggested = near is null ? "" : $" (did you mean '{spelled(near)}'?)";
        var choices = Listed.Or(Names.Select(spelled));
        return typed is null
            ? new SettingException($"{source} sets {Section} to '{ShownText.Short(configuration[Section] ?? "")}', a value where the section of settings belongs; expected settings under it: {choices}")
            : new SettingException($"{source} sets {key}, which is no setting{suggested}; expected {choices}");
    }

    /// <summary>The environment variable that set <paramref name="key"/>, as <paramref name="provider"/> read it.</summary>
    private static string Variable(IConfigurationProvider provider, string key)
    {
        if (provider is EnvironmentProvider own)
            return own.NameOf(key);
        // .NET's provider keeps no names: the process's variable that reads as the key, a prefix before it allowed.
        var spelled = key.Replace(":", "__", StringComparison.Ordinal);
        return Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(n => n.EndsWith(spelled, StringComparison.OrdinalIgnoreCase) || n.Replace("__", ":", StringComparison.Ordinal).EndsWith(key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault() ?? spelled;
    }

    /// <summary>
    /// The whole number <paramref name="key"/> holds, from <paramref name="least"/> to <paramref name="most"/>; null when
    /// no source sets it. <paramref name="what"/> says in words what it counts, for the error.
    /// </summary>
    /// <exception cref="SettingException">As <see cref="Read"/> says it, for a value that is none.</exception>
    internal static int? Whole(IConfiguration configuration, string key, int least, int most, string what)
    {
        var value = configuration[key];
        var nested = configuration.GetSection(key).GetChildren().Any();
        if (value is null && !nested && !Holds(configuration, key))
            return null;
        var expected = $"expected {what}: a whole number from {least} to {most}";
        // A value in one source and keys under it in another (a file's 5, an environment's Summits__CheckpointEvery__0)
        // are both kept by .NET's configuration: neither wins, and a list is no number, so both are said.
        if (value is not null && nested)
            throw new SettingException(
                $"{key} is both {Refused(configuration, key, value, nested: false)} and {Refused(configuration, key, null, nested: true)}; {expected}, set once");
        if (!nested && WholeNumber(value) is { } number && number >= least && number <= most)
            return number;
        throw new SettingException($"{key} is {Refused(configuration, key, value, nested)}; {expected}");
    }

    /// <summary>
    /// The value of <paramref name="key"/> as <paramref name="read"/> reads it (<see cref="ClusterAddress.Read"/>,
    /// <see cref="ClusterIds.Read"/>); null when no source sets it.
    /// </summary>
    /// <param name="expected">What the value must be, in words.</param>
    private static T? Text<T>(IConfiguration configuration, string key, string expected, ReadText<T> read) where T : class
    {
        var value = configuration[key];
        var nested = configuration.GetSection(key).GetChildren().Any();
        if (value is null && !nested && !Holds(configuration, key))
            return null;
        if (value is not null && nested)
            throw new SettingException(
                $"{key} is both {Refused(configuration, key, value, nested: false)} and {Refused(configuration, key, null, nested: true)}; expected {expected}, set once");
        if (nested)
            throw new SettingException($"{key} is {Refused(configuration, key, value, nested)}; expected {expected}");
        // A control character is refused with the rest: neither reader takes one as part of a value.
        if (value is not null && !value.Any(char.IsControl) && read(value, out _) is { } parsed)
            return parsed;
        read(value, out var why);
        if (value is not null && value.Any(char.IsControl))
            why = "it holds a control character";
        throw new SettingException($"{key} is {Refused(configuration, key, value, nested)}; expected {expected}: {why}");
    }

    /// <summary>Reads a setting's text; null when it is none, <paramref name="why"/> then saying why.</summary>
    private delegate T? ReadText<T>(string? text, out string why) where T : class;

    /// <summary>
    /// <paramref name="value"/> as a whole number when it is one: digits, or a number as JSON writes it whose value is
    /// whole (<c>1e2</c> and <c>100.0</c> are 100); null for anything else, and for a value holding a control character,
    /// which .NET's number parsing would otherwise pass over at the end (<c>"3\u0000"</c> would read as 3).
    /// </summary>
    private static int? WholeNumber(string? value)
    {
        if (value is null || value.Any(char.IsControl))
            return null;
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number) || number < int.MinValue || number > int.MaxValue)
            return null;
        return (int)number;
    }

    /// <summary>
    /// Whether some source of <paramref name="configuration"/> sets <paramref name="key"/>, its value null included
    /// (a JSON <c>null</c>), which <c>configuration[key]</c> alone cannot tell from a key no source sets.
    /// </summary>
    private static bool Holds(IConfiguration configuration, string key)
    {
        var name = ConfigurationPath.GetSectionKey(key);
        var parent = ConfigurationPath.GetParentPath(key);
        var children = parent is null ? configuration.GetChildren() : configuration.GetSection(parent).GetChildren();
        return children.Any(c => string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A refused value in words, and where it came from. For <c>{ "Summits": { "CheckpointEvery": V } }</c>, whose
    /// value stands at column 35: <c>'0' (from FILE:1:35)</c> for V = 0, <c>empty (from FILE:1:35)</c> for null,
    /// <c>a list, [3] (from FILE:1:35)</c>, <c>an object, { "a": 1 } (from FILE:1:35)</c>; from the environment,
    /// <c>empty (from environment variable NAME)</c>. A value is shown with its control characters escaped and cut
    /// to 40 characters (<see cref="ShownText.Short"/>), a password or options in <see cref="ClusterKey"/>'s as <c>…</c>.
    /// </summary>
    /// <param name="value">The value the configuration gives for <paramref name="key"/>.</param>
    /// <param name="nested">Whether <paramref name="key"/> holds keys of its own (a JSON array or object) rather than a value.</param>
    private static string Refused(IConfiguration configuration, string key, string? value, bool nested)
    {
        var provider = Provider(configuration, key, nested);
        var place = provider is JsonConfigurationProvider json && FilePath(json) is { } file ? JsonSettingPlace.Find(file, key) : null;
        // A setting that is there with no value (an empty environment variable, a JSON null) is as bad as a wrong one:
        // the two sources present it differently (an empty string, a null), and both are refused alike. A JSON array
        // or object reaches configuration as keys under the setting's, which says nothing of its own.
        var shown = place?.Kind switch
        {
            JsonTokenType.StartArray when !nested => "an empty list, []",
            JsonTokenType.StartObject when !nested => "an empty object, {}",
            JsonTokenType.StartArray => $"a list, {Shown(key, place.Text)}",
            JsonTokenType.StartObject => $"an object, {Shown(key, place.Text)}",
            _ when nested => configuration.GetSection(key).GetChildren().All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? "a list" : "an object",
            _ => string.IsNullOrEmpty(value) ? "empty" : $"'{Shown(key, value)}'",
        };
        var source = provider is null ? "from the host's configuration" : SourceOf(provider, key);
        return place is null ? $"{shown} ({source})" : $"{shown} ({source}:{place.Line}:{place.Column})";
    }

    /// <summary>
    /// <paramref name="text"/> of <paramref name="key"/> as a refusal shows it (<see cref="ShownText.Short"/>); of
    /// <see cref="ClusterKey"/>, with what may be a secret in it (a password) shown as <c>…</c> first
    /// (<see cref="ClusterAddress.Unsecret"/>).
    /// </summary>
    private static string Shown(string key, string text) =>
        ShownText.Short(string.Equals(key, ClusterKey, StringComparison.OrdinalIgnoreCase) ? ClusterAddress.Unsecret(text) : text);

    /// <summary>
    /// Where the value of <paramref name="key"/> came from, in words: the last source of a configuration root that
    /// holds it, as <c>from FILE</c> or <c>from environment variable NAME</c>.
    /// </summary>
    public static string Source(IConfiguration configuration, string key) =>
        Provider(configuration, key, nested: false) is { } provider ? SourceOf(provider, key) : "from the host's configuration";

    /// <summary>
    /// The last provider of a configuration root that sets <paramref name="key"/> (when <paramref name="nested"/>,
    /// that sets keys under it); null when there is none, or the configuration is no root.
    /// </summary>
    private static IConfigurationProvider? Provider(IConfiguration configuration, string key, bool nested) =>
        configuration is IConfigurationRoot root
            ? root.Providers.Reverse().FirstOrDefault(p => nested ? p.GetChildKeys([], key).Any() : p.TryGet(key, out _))
            : null;

    private static string SourceOf(IConfigurationProvider provider, string key)
    {
        var name = provider is EnvironmentProvider or EnvironmentVariablesConfigurationProvider ? FirstKey(provider, key) : key;
        return provider switch
        {
            OlderVariableProvider => $"from environment variable {OlderCallTimeoutVariable}",
            EnvironmentProvider environment => $"from environment variable {environment.NameOf(name)}",
            EnvironmentVariablesConfigurationProvider => $"from environment variable {name.Replace(":", "__", StringComparison.Ordinal)}",
            JsonConfigurationProvider json => $"from {FilePath(json)}",
            MemoryConfigurationProvider => "from the host's configuration in code",
            _ => $"from {provider}",
        };
    }

    /// <summary><paramref name="key"/> when <paramref name="provider"/> sets it, else the first key it sets under it (the variable that made a list).</summary>
    private static string FirstKey(IConfigurationProvider provider, string key)
    {
        if (provider.TryGet(key, out _))
            return key;
        var child = provider.GetChildKeys([], key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).FirstOrDefault();
        if (child is null)
            return key;
        var path = key + ConfigurationPath.KeyDelimiter + child;
        return FirstKey(provider, path);
    }

    private static string? FilePath(JsonConfigurationProvider json) =>
        json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? "").PhysicalPath ?? json.Source.Path;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Every environment variable, <c>__</c> read as <c>:</c>, as .NET's environment variable source does, remembering each key's variable.</summary>
    private sealed class EnvironmentSource(IDictionary environment) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new EnvironmentProvider(environment);
    }

    private sealed class EnvironmentProvider(IDictionary environment) : ConfigurationProvider
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in environment)
            {
                if (entry.Key is not string name || entry.Value is not string value)
                    continue;
                var key = name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                data[key] = value;
                _names[key] = name;
            }
            Data = data;
        }

        /// <summary>The variable that set <paramref name="key"/>.</summary>
        public string NameOf(string key) => _names.TryGetValue(key, out var name) ? name : key.Replace(":", "__", StringComparison.Ordinal);
    }

    /// <summary><see cref="OlderCallTimeoutVariable"/>, read as <see cref="CallTimeoutKey"/>.</summary>
    private sealed class OlderVariableSource(string value) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new OlderVariableProvider(value);
    }

    private sealed class OlderVariableProvider(string value) : ConfigurationProvider
    {
        public override void Load() => Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [CallTimeoutKey] = value };
    }
}

/// <summary>
/// A setting (in a configuration file or an environment variable) with a value it cannot take: bad input, said in one
/// line naming the setting, its value, where it came from and the valid choices.
/// </summary>
public sealed class SettingException(string message) : Exception(message);
