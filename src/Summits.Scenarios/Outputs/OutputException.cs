namespace Summits.Scenarios;

/// <summary>
/// An output that could not be written while a command ran (a full disk, a file size limit, a folder removed
/// underneath it), with the path the user named and the reason in one sentence.
/// </summary>
public sealed class OutputException : IOException
{
    public OutputException(string path, Exception failure, bool previousKept = true)
        : base($"could not write '{path}': {Reason(failure)}{(previousKept ? "; what was there before is unchanged" : "")}", failure) =>
        Path = path;

    public OutputException(string path, string message)
        : base($"could not write '{path}': {message}") =>
        Path = path;

    /// <summary>The file or folder as the user named it.</summary>
    public string Path { get; }

    private static string Reason(Exception failure) => failure switch
    {
        // What .NET throws when a write meets EFBIG.
        ArgumentOutOfRangeException => "a file grew past what the file system or the process's file size limit (ulimit -f) allows",
        _ => Why(failure),
    };

    /// <summary>
    /// Why a file-system call failed, in words for a one-line message: "permission denied", or the system's reason
    /// ("Read-only file system", "No space left on device") without the path .NET appends to it (<c> : '/…'</c>),
    /// which names a file of Summits' own (a probe, a new set's folder) rather than the one the user named.
    /// </summary>
    public static string Why(Exception failure)
    {
        if (failure is UnauthorizedAccessException)
            return "permission denied";
        var message = failure.Message;
        // A file whose size .NET reserves up front says a full disk in a sentence of its own, naming the file.
        if (message.Contains("because the disk was full", StringComparison.Ordinal))
            return "No space left on device";
        var path = message.IndexOf(" : '", StringComparison.Ordinal);
        return (path > 0 ? message[..path] : message).TrimEnd().TrimEnd('.');
    }
}
