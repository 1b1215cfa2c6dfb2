namespace Summits.Scenarios;

/// <summary>How many samples a study draws, from which seed, and how many run at once.</summary>
public sealed record StudyOptions(int Runs, ulong Seed, int Parallel, Engine Engine);
