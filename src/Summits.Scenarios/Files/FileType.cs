using System.Runtime.InteropServices;

namespace Summits.Scenarios;

/// <summary>
/// The kind of a file system entry (regular file, FIFO, device...), which .NET does not expose: read
/// with Linux's <c>statx</c>, whose buffer layout is the same on every architecture.
/// </summary>
internal static class FileType
{
    public const int Regular = 0x8000;

    /// <summary>The <c>S_IFIFO</c> type: a named pipe.</summary>
    public const int Fifo = 0x1000;

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x0001;
    private const uint StatxInode = 0x0100;
    private const int TypeMask = 0xF000;

    /// <summary>The S_IFMT bits of the entry (following symbolic links), or null where <c>statx</c> is not available.</summary>
    public static int? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        // struct statx is 256 bytes; stx_mode is the 16-bit field at offset 28.
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
                return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt16(buffer, 28) & TypeMask;
    }

    /// <summary>
    /// The file's identity, its device and inode (following symbolic links), which two names of one file share
    /// whatever their spelling (<c>./</c>, <c>../</c>, a symbolic link, a hard link); null where <c>statx</c> is not
    /// available or the entry cannot be read.
    /// </summary>
    public static (uint DeviceMajor, uint DeviceMinor, ulong Inode)? Identity(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType | StatxInode, buffer) != 0)
                return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        // stx_mask at offset 0 says which fields were filled; stx_ino is the 64-bit field at offset 32, stx_dev_major
        // and stx_dev_minor the 32-bit fields at offsets 136 and 140 (filled whatever the mask asked).
        if ((BitConverter.ToUInt32(buffer, 0) & StatxInode) == 0)
            return null;
        return (BitConverter.ToUInt32(buffer, 136), BitConverter.ToUInt32(buffer, 140), BitConverter.ToUInt64(buffer, 32));
    }

    public static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        0x4000 => "a folder",
        _ => "not a plain file",
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
