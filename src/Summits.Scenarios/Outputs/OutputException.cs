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
        UnauthorizedAccessException => "permission denied",
        _ => failure.Message.TrimEnd('.'),
    };
}
