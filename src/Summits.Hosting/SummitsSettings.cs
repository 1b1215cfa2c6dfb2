using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Summits.Grains;

namespace Summits.Hosting;

/// <summary>
/// The settings a Summits silo or client takes from standard .NET configuration, section <see cref="Section"/>:
/// <c>Summits:CheckpointEvery</c> and <c>Summits:CallTimeout</c>. The command line's embedded silo reads them from
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
public sealed record SummitsSettings(int CheckpointEvery, TimeSpan CallTimeout)
{
    /// <summary>The configuration section the settings are read from.</summary>
    public const string Section = CheckpointOptions.Section;

    /// <summary>The key of the checkpoint interval, a whole number of advances.</summary>
    public const string CheckpointEveryKey = Section + ":" + nameof(CheckpointEvery);

    /// <summary>The key of the call timeout, a whole number of seconds.</summary>
    public const string CallTimeoutKey = Section + ":" + nameof(CallTimeout);

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

    /// <summary>The settings when nothing is configured: a checkpoint every advance, calls asked again after 120 s.</summary>
    public static SummitsSettings Default { get; } = new(1, DefaultCallTimeout);

    /// <summary>
    /// The configuration the command line reads, later sources winning: <see cref="FileName"/> in
    /// <paramref name="folder"/> when there is one, then <see cref="OlderCallTimeoutVariable"/>, then every environment
    /// variable, <c>__</c> read as <c>:</c> (<c>Summits__CheckpointEvery=3</c> is <c>Summits:CheckpointEvery</c>).
    /// </summary>
    /// <param name="folder">The folder whose <see cref="FileName"/> is read (the working folder).</param>
    /// <param name="environment">The environment variables; the process's when null.</param>
    /// <exception cref="SettingException">When the file is not valid JSON: its path, line and column in one line.</exception>
    public static IConfigurationRoot Configuration(string folder, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        var builder = new ConfigurationBuilder();
        if (File.Exists(path))
            builder.AddJsonFile(path, optional: true, reloadOnChange: false);
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
                if (cause is JsonException { LineNumber: { } line, BytePositionInLine: { } column } json)
                    throw new SettingException($"{path}:{line + 1}:{column + 1}: {FileName} is not valid JSON: {JsonErrorText.Of(json)}");
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
    /// <exception cref="SettingException">
    /// When a setting it reads is not a whole number in its range, or is there with no value (an empty environment
    /// variable, a JSON <c>null</c>): one line naming the setting, its value, where it came from (a file's path or an
    /// environment variable's name) and what is expected.
    /// </exception>
    public static SummitsSettings Read(IConfiguration configuration, int? checkpointEvery = null, TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var every = checkpointEvery ?? Whole(configuration, CheckpointEveryKey, 1, CheckpointOptions.Most,
            "how often a world's run is written to storage, every N-th advance") ?? Default.CheckpointEvery;
        var timeout = callTimeout ?? (Whole(configuration, CallTimeoutKey, 1, MaxCallTimeoutSeconds,
            "how many seconds a grain call may take before it is asked again") is { } s ? TimeSpan.FromSeconds(s) : DefaultCallTimeout);
        return new SummitsSettings(every, timeout);
    }

    private static int? Whole(IConfiguration configuration, string key, int least, int most, string what)
    {
        var value = configuration[key];
        if (value is null && !Holds(configuration, key))
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most)
            return number;
        // A setting that is there with no value (an empty environment variable, a JSON null) is as bad as a wrong one:
        // the two sources present it differently (an empty string, a null), and both are refused alike.
        var shown = string.IsNullOrEmpty(value) ? "empty" : $"'{value}'";
        throw new SettingException($"{key} is {shown} ({Source(configuration, key)}); expected {what}: a whole number from {least} to {most}");
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
    /// Where the value of <paramref name="key"/> came from, in words: the last source of a configuration root that
    /// holds it, as <c>from FILE</c> or <c>from environment variable NAME</c>.
    /// </summary>
    public static string Source(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
            return "from the host's configuration";
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
                continue;
            return provider switch
            {
                OlderVariableProvider => $"from environment variable {OlderCallTimeoutVariable}",
                EnvironmentProvider environment => $"from environment variable {environment.NameOf(key)}",
                EnvironmentVariablesConfigurationProvider => $"from environment variable {key.Replace(":", "__", StringComparison.Ordinal)}",
                JsonConfigurationProvider json => $"from {(json.Source.FileProvider?.GetFileInfo(json.Source.Path ?? "").PhysicalPath ?? json.Source.Path)}",
                MemoryConfigurationProvider => "from the host's configuration in code",
                _ => $"from {provider}",
            };
        }
        return "from the host's configuration";
    }

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
