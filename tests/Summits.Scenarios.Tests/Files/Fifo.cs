using System.Runtime.InteropServices;

namespace Summits.Scenarios.Tests;

/// <summary>Makes a named pipe, which a reader opening it waits on until a writer comes.</summary>
internal static class Fifo
{
    public static void Make(string path)
    {
        if (MakeFifo(path, Convert.ToUInt32("644", 8)) != 0)
            throw new IOException($"mkfifo {path} failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
