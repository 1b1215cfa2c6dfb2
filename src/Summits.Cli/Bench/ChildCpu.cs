using System.Runtime.InteropServices;

namespace Summits.Cli.Bench;

/// <summary>
/// The processor time (user and system) of this process's finished child processes, from Linux's
/// getrusage(RUSAGE_CHILDREN): CPU seconds, the measure KTAB's smpc figures are given in, which a loaded
/// machine stretches far less than the time from start to exit.
/// </summary>
internal static class ChildCpu
{
    private const int Children = -1;

    /// <summary>Seconds of processor time used so far by every child that has exited and been waited for; NaN where the system cannot say.</summary>
    public static double Seconds()
    {
        var usage = new byte[144];
        try
        {
            if (GetRusage(Children, usage) != 0)
                return double.NaN;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return double.NaN;
        }
        // struct rusage begins with two struct timevals (seconds, microseconds as 64-bit longs): user, then system time.
        var user = BitConverter.ToInt64(usage, 0) + BitConverter.ToInt64(usage, 8) / 1e6;
        var system = BitConverter.ToInt64(usage, 16) + BitConverter.ToInt64(usage, 24) / 1e6;
        return user + system;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, [Out] byte[] usage);
}
