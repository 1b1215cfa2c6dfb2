namespace Summits.Cli;

/// <summary>What a <c>summits</c> exit code means.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run completed but something it was told to check did not hold.</summary>
    public const int CheckFailed = 1;

    /// <summary>A file or an argument was wrong; nothing ran.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The input was good but the command failed while it ran: an output could not be written (a full disk, a
    /// file size limit), or the silo failed. Output sets already in place are left as they were.
    /// </summary>
    public const int RunFailed = 3;

    /// <summary>
    /// The command was interrupted (Ctrl-C): 128 plus SIGINT's number, as shells report it, so that a script stops
    /// where the user stopped it. Before the command finished, nothing of the interrupted output is written; after
    /// (its output already in place), it says so.
    /// </summary>
    public const int Interrupted = 130;
}
