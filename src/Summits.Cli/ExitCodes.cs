namespace Summits.Cli;

/// <summary>What a <c>summits</c> exit code means.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run completed but something it was told to check did not hold.</summary>
    public const int CheckFailed = 1;

    /// <summary>A file or an argument was wrong; nothing ran.</summary>
    public const int BadInput = 2;
}
