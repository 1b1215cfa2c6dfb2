using System.Runtime.InteropServices;

namespace Summits.Scenarios.Tests;

/// <summary>Makes a hard link, a second name of an existing file's inode, which .NET has no call for.</summary>
internal static class HardLink
{
    public static void Make(string existing, string link)
    {
        if (Link(existing, link) != 0)
            throw new IOException($"link {existing} {link} failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
