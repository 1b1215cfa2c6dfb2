using System.Runtime.InteropServices;

namespace Summits.Cli;

/// <summary>
/// Makes a write past the process's file size limit (<c>ulimit -f</c>) fail with an error the command reports
/// (EFBIG: one line, exit 3), rather than let the kernel's SIGXFSZ end the process with no word (exit 153).
/// </summary>
internal static class FileSizeSignal
{
    // SIGXFSZ is signal 25 on every Linux architecture .NET runs on (x64, arm64, arm); SIG_IGN is handler 1.
    private const int SigXfsz = 25;
    private static readonly nint SigIgn = 1;

    /// <summary>On Linux, ignores SIGXFSZ for the rest of the process; elsewhere does nothing.</summary>
    public static void Ignore()
    {
        if (OperatingSystem.IsLinux())
            _ = Signal(SigXfsz, SigIgn);
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint Signal(int signal, nint handler);
}
