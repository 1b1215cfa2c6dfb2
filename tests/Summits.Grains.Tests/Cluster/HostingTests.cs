using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>AddSummits() gives a silo a logger when its host has none, and leaves a host's own logger alone.</summary>
public sealed class HostingTests
{
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

        Assert.Equal("summits: error: Orleans.Storage: write of country failed (System.IO.IOException: disk full at sector 9)" + Environment.NewLine, error.ToString());
    }

    private static IHost Silo(Action<ILoggingBuilder> logging)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        logging(builder.Logging);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 0, gatewayPort: 0).AddSummits());
        return builder.Build();
    }
}
