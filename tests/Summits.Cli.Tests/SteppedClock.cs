namespace Summits.Cli.Tests;

/// <summary>A clock that stands still until a test moves it, from 2026-01-01 00:00 UTC.</summary>
internal sealed class SteppedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
