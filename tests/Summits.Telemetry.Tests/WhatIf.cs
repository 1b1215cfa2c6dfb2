using Summits.Model;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

/// <summary>The shipped what-if scenarios, found beside the built program, and what their timelines say.</summary>
public static class WhatIf
{
    /// <summary>The scenario's path relative to the program, as a user passes it to <c>summits run</c>.</summary>
    public static string Path(string scenario) => $"scenarios/what-if/{scenario}.yaml";

    /// <summary>The scenario on a world of its own id, so runs on a shared cluster do not meet.</summary>
    public static LoadedScenario Load(string scenario, string worldKey)
    {
        var loaded = ScenarioFile.Load(System.IO.Path.Combine(AppContext.BaseDirectory, Path(scenario)));
        return loaded with { World = loaded.World with { Id = worldKey } };
    }

    /// <summary>The topics of an event's label: one, or the topics of a package joined by '+'.</summary>
    public static string[] Topics(TimelineEvent e) => e.Topic!.Split('+');

    /// <summary>The <c>summits.outcome</c> of an answer event.</summary>
    public static string Answer(TimelineEvent e) => e.Kind switch
    {
        EventKind.Accept => "accept",
        EventKind.Reject => "reject",
        EventKind.Counter => "counter",
        _ => throw new ArgumentException($"{e.Kind} is not an answer"),
    };

    public static bool IsAnswer(TimelineEvent e) => e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter;

    /// <summary>The rule of a proposal event, which ends "... under RULE".</summary>
    public static string Rule(TimelineEvent proposal)
    {
        const string Under = " under ";
        var at = proposal.Why!.LastIndexOf(Under, StringComparison.Ordinal);
        Assert.True(at >= 0, $"proposal event {proposal.Seq} does not name its rule: {proposal.Why}");
        return proposal.Why[(at + Under.Length)..];
    }
}
