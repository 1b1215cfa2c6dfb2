using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>
/// AddSummits() gives a silo a logger when its host has none, and leaves a host's own logger alone; and it checks the
/// host's configuration as the command line checks its own, so that a host of a silo or a client refuses what the
/// command line refuses, in the same words.
/// </summary>
public sealed class HostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "summits-hosting-tests", Guid.NewGuid().ToString("N"));

    public HostingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public enum Side
    {
        Silo,
        Client,
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public void A_host_s_settings_file_with_an_unprintable_key_is_refused_at_its_place_as_the_command_line_refuses_it(Side side)
    {
        // .NET's JSON source takes a key with a NUL in it without a word; the command line's whole-file check refuses it
        // where its name starts, after `{ "Summits": { ` (15 characters), at column 16, the NUL shown as its escape.
        var file = Settings("""{ "Summits": { "CheckpointEvery\u0000": 3 } }""");
        var builder = Builder(configuration => configuration.AddJsonFile(file));

        var error = Assert.Throws<SettingException>(() => Build(builder, side));

        Assert.Equal($"{file}:1:16: appsettings.json has a key with a control character, \"CheckpointEvery\\u0000\"; expected a key of printable characters, such as \"Summits\"",
            error.Message);
        Assert.Equal(error.Message, Assert.Throws<SettingException>(() => SummitsSettings.Configuration(_folder, new System.Collections.Hashtable())).Message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public void A_misspelt_setting_in_a_host_s_settings_file_is_refused_at_its_key(Side side)
    {
        // `{ "Summits": { ` is 15 characters: the key starts at column 16. 'CallTimout' is one edit from CallTimeout.
        var file = Settings("""{ "Summits": { "CallTimout": 30 } }""");
        var builder = Builder(configuration => configuration.AddJsonFile(file));

        var error = Assert.Throws<SettingException>(() => Build(builder, side));

        Assert.Equal($"{file}:1:16: appsettings.json sets Summits:CallTimout, which is no setting (did you mean 'Summits:CallTimeout'?); expected Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause",
            error.Message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public void A_setting_in_a_host_s_code_that_is_none_is_refused_naming_the_code(Side side)
    {
        var builder = Builder(configuration => configuration.AddInMemoryCollection([new("Summits:Enigne", "local")]));

        var error = Assert.Throws<SettingException>(() => Build(builder, side));

        Assert.Equal("the host's configuration in code sets Summits:Enigne, which is no setting; expected Summits:CheckpointEvery, Summits:CallTimeout, Summits:Cluster, Summits:ClusterId, Summits:TimelinePage, Summits:ProbeTimeout, Summits:MissedProbes, Summits:DeathVotes, Summits:MembershipRefresh, Summits:DrivePeriod or Summits:DrivePause", error.Message);
    }

    [Fact]
    public void A_host_whose_settings_are_right_builds()
    {
        var file = Settings("""{ "Summits": { "CheckpointEvery": 2, "CallTimeout": 30 } }""");

        using var host = Build(Builder(configuration => configuration.AddJsonFile(file)), Side.Silo);

        // 2, as the file says: read through AddSummits into the grains' options.
        Assert.Equal(2, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CheckpointOptions>>().Value.CheckpointEvery);
    }

    private string Settings(string json)
    {
        var file = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(file, json);
        return file;
    }

    private static HostApplicationBuilder Builder(Action<IConfigurationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Configuration);
        return builder;
    }

    private static IHost Build(HostApplicationBuilder builder, Side side)
    {
        if (side == Side.Silo)
            builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 0, gatewayPort: 0).AddSummits());
        else
            builder.UseOrleansClient(client => client.UseLocalhostClustering().AddSummits());
        return builder.Build();
    }

    [Fact]
    public void A_silo_whose_host_registered_no_logger_gets_one_that_writes_warnings_and_errors()
    {
        using var host = Silo(_ => { });

        var provider = Assert.Single(host.Services.GetServices<ILoggerProvider>());
        Assert.IsType<StandardErrorLoggerProvider>(provider);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Summits.Test");
        // The filters pass warnings and errors, and Orleans' categories from errors on.
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.False(logger.IsEnabled(LogLevel.Information));
        var orleans = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Runtime.Test");
        Assert.False(orleans.IsEnabled(LogLevel.Warning));
        Assert.True(orleans.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void A_silo_whose_host_registered_a_logger_gets_no_second_one()
    {
        var own = new StandardErrorLoggerProvider(TextWriter.Null);
        using var host = Silo(logging => logging.AddProvider(own));

        Assert.Same(own, Assert.Single(host.Services.GetServices<ILoggerProvider>()));
    }

    [Fact]
    public void The_logger_writes_one_line_per_record_with_its_level_category_and_cause()
    {
        var error = new StringWriter();
        var logger = new StandardErrorLoggerProvider(error).CreateLogger("Orleans.Storage");

        logger.LogError(new IOException("disk full\nat sector 9"), "write of {State} failed", "country");

        // An Orleans record is the runtime's short line: its category's last part, the exception's type without its namespace.
        Assert.Equal("summits: orleans: Storage: write of country failed (IOException: disk full at sector 9)" + Environment.NewLine, error.ToString());
    }

    private static IHost Silo(Action<ILoggingBuilder> logging)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        logging(builder.Logging);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 0, gatewayPort: 0).AddSummits());
        return builder.Build();
    }
}
