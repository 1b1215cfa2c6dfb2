using Summits.Cli.Commands;
using Summits.Hosting;

namespace Summits.Cli.Tests;

/// <summary>
/// A line that suggests another command on the cluster repeats the cluster options the user gave, so that the command
/// it names asks the same cluster: the attached run's warning for a world it could not remove does as the
/// <c>worlds</c> commands' line for an unknown world does, through one shared helper.
/// </summary>
public sealed class ClusterOptionsRepeatedTests
{
    private static ClusterAddress Address(string text) => ClusterAddress.Read(text, out _)!;

    [Fact]
    public void The_cluster_options_are_repeated_as_given_each_after_a_space()
    {
        // Neither given: the suggested command reads the same configuration, so nothing is added.
        Assert.Equal("", CommonOptions.ClusterOptions(null, null));
        Assert.Equal(" --cluster redis://10.0.0.5:6379", CommonOptions.ClusterOptions(Address("redis://10.0.0.5:6379"), null));
        Assert.Equal(" --cluster-id staging", CommonOptions.ClusterOptions(null, "staging"));
        Assert.Equal(" --cluster redis://10.0.0.5:6379 --cluster-id staging", CommonOptions.ClusterOptions(Address("redis://10.0.0.5:6379"), "staging"));
    }

    [Fact]
    public void The_warning_for_a_world_a_run_could_not_remove_names_the_commands_with_the_cluster_given()
    {
        // The run was given --cluster redis://10.0.0.5:6379 --cluster-id staging: both commands it suggests carry them,
        // list after its name, retire after the world's id. Before, both read 'summits worlds list' and
        // 'summits worlds retire ID' alone, which ask the configured cluster (or none), not this one.
        var given = CommonOptions.ClusterOptions(Address("redis://10.0.0.5:6379"), "staging");
        Assert.Equal("summits run: warning: the world w-run-1 could not be removed from the cluster (the Redis server is gone); "
            + "'summits worlds list --cluster redis://10.0.0.5:6379 --cluster-id staging' lists it and "
            + "'summits worlds retire w-run-1 --cluster redis://10.0.0.5:6379 --cluster-id staging' removes it",
            RunCommand.NotRemoved("w-run-1", "the Redis server is gone", given));
    }
}
