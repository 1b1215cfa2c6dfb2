using System.Globalization;
using System.Text;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Reads a text file that a person named (a world, a scenario, a source text, a table): only a
/// regular file, and only up to a size limit, so that a name such as <c>/dev/zero</c> or a FIFO is
/// refused at once instead of reading without end or waiting forever.
/// </summary>
public static class InputFile
{
    /// <summary>The largest YAML file read: 256 MiB, about 1.7 million positions as <c>summits generate</c> writes them.</summary>
    public const long YamlLimit = 256L * 1024 * 1024;

    /// <summary>The largest source text or table read: 16 MiB, some thousand times a long readout.</summary>
    public const long TextLimit = 16L * 1024 * 1024;

    /// <summary>The largest telemetry file read: 1 GiB, read line by line, several times what a 200-actor run of 20 rounds exports.</summary>
    public const long TelemetryLimit = 1024L * 1024 * 1024;

    /// <summary>The text of <paramref name="path"/> (UTF-8, a byte-order mark dropped).</summary>
    /// <param name="name">The file as the person named it, or as it is read, for the message (said as <see cref="InputPath.Said"/> says it).</param>
    /// <param name="what">What the file is, for the message: "world file", "source text".</param>
    /// <param name="refuse">Makes the error at the place that named the file, given the problem.</param>
    /// <exception cref="InputException">the file is missing, not a regular file, larger than <paramref name="limit"/> bytes, or not text (<see cref="NotText"/>).</exception>
    public static string ReadText(string path, string name, string what, long limit, Func<string, InputException> refuse)
    {
        name = InputPath.Said(name);
        if (Problem(path, name, what, limit) is { } problem)
            throw refuse(problem);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        // The size was checked before opening; a file that grew since is still read no further than the limit. The
        // file is read to its end, not to the size it states: a file of /proc states 0 and holds more.
        using var content = new MemoryStream((int)Math.Min(limit + 1, Math.Max(stream.Length, 0) + 1));
        var chunk = new byte[64 * 1024];
        int count;
        while (content.Length <= limit && (count = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - content.Length))) > 0)
            content.Write(chunk, 0, count);
        var buffer = content.GetBuffer();
        var read = (int)content.Length;
        if (read > limit)
            throw refuse($"the {what} '{name}' is larger than {Size(limit)}, the most Summits reads");
        // A PDF, a Word document or a program handed over as text is refused at once, in one line, rather than read
        // as thousands of lines of replacement characters that every later check then reports one by one.
        if (NotText(buffer.AsSpan(0, read), name, what) is { } notText)
        {
            // A file read for itself, whose refusal would be at its start, is refused at its bad byte when that is in a
            // line of text; one named by another file is refused at the place that names it, which the sentence follows.
            var refused = refuse(notText);
            if (refused.Position == new FilePosition(path, 1, 1) && NotTextAt(buffer.AsSpan(0, read)) is { } at)
                throw new InputException(new FilePosition(path, at.Line, at.Column), refused.Problem);
            throw refused;
        }
        var start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(buffer, start, read - start);
    }

    /// <summary>
    /// Why <paramref name="bytes"/>, the start or the whole of a file named as text, are not UTF-8 text, in one
    /// sentence, or null when they are. The first bad byte is a NUL (which no text file holds; UTF-16 text has one in
    /// every ASCII character) or one that starts a sequence that is not UTF-8, whichever comes first. A file whose first
    /// bytes say what it is (a PDF, a ZIP archive such as a .docx, an old Office document, a program, an image, UTF-16
    /// text) is not a text file, said with its bad byte counted in bytes from 1 and what to give instead
    /// (<see cref="AsText"/>). Any other file is text: with no NUL in it, text in another encoding (Windows-1252 or
    /// Latin-1, as older editors save it), said with the bad byte's place as line and column (<see cref="Place"/>)
    /// and what that byte is in Windows-1252, and asked for as UTF-8; with a NUL, not a text file, the NUL's place
    /// said the same way.
    /// </summary>
    /// <param name="name">The file as the person named it, or as it is read, for the message (said as <see cref="InputPath.Said"/> says it).</param>
    /// <param name="what">What the file is, for the message: "source text", "world file".</param>
    public static string? NotText(ReadOnlySpan<byte> bytes, string name, string what)
    {
        var bad = FirstBad(bytes);
        if (bad < 0)
            return null;
        name = InputPath.Said(name);
        var nul = bytes[bad] == 0;
        var kind = Kind(bytes);
        if (kind is null)
        {
            var (line, column) = Place(bytes, bad);
            if (bytes.IndexOf((byte)0) < 0)
                return string.Create(CultureInfo.InvariantCulture,
                    $"the {what} '{name}' is text in another encoding than UTF-8 (line {line}, column {column} is the byte 0x{bytes[bad]:X2}{InWindows1252(bytes[bad])}); {(what == "table file" ? "save the table as CSV UTF-8" : $"save the {what} as UTF-8 text")}");
            return string.Create(CultureInfo.InvariantCulture,
                $"the {what} '{name}' is not a text file (line {line}, column {column} {(nul ? "is a NUL byte" : "starts a sequence that is not UTF-8")}); {AsText(what, kind)}");
        }
        // Counted from 1, as a person counts: the first byte of the file is byte 1.
        var where = string.Create(CultureInfo.InvariantCulture, $"byte {bad + 1:N0} {(nul ? "is a NUL" : "starts a sequence that is not UTF-8")}");
        return $"the {what} '{name}' is not a text file (it is {kind}: {where}); {AsText(what, kind)}";
    }

    /// <summary>
    /// Where a file that is not UTF-8 text (<see cref="NotText"/>) is refused when it is read for itself, not named by
    /// another file: at its first bad byte's line and column when no signature says what kind of file it is (the text
    /// in another encoding, or a NUL in it), else at its start; null when the bytes are UTF-8 text.
    /// </summary>
    public static (int Line, int Column)? NotTextAt(ReadOnlySpan<byte> bytes)
    {
        var bad = FirstBad(bytes);
        if (bad < 0)
            return null;
        return Kind(bytes) is null ? Place(bytes, bad) : (1, 1);
    }

    /// <summary>The index of the first NUL or of the first byte that starts a sequence that is not UTF-8, whichever comes first; -1 when there is none.</summary>
    private static int FirstBad(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        var checkedBytes = nul < 0 ? bytes : bytes[..nul];
        // ToUtf16 stops at the first sequence that is not UTF-8 (a sequence cut short by the end of the bytes read is
        // one too: a file is read whole, and the telemetry check's first bytes end where a line may not).
        var utf16 = new char[Math.Min(checkedBytes.Length, 4096)];
        var at = 0;
        while (at < checkedBytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(checkedBytes[at..], utf16, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: true);
            at += consumed;
            if (status == System.Buffers.OperationStatus.InvalidData)
                return at;
            if (status == System.Buffers.OperationStatus.Done)
                break;
        }
        return nul;
    }

    /// <summary>
    /// The line and column of the byte at <paramref name="index"/>, both from 1, as an editor shows them: a line ends
    /// at LF, CR LF or a lone CR, and the column counts the characters (Unicode scalar values) before it on its line.
    /// The bytes before <paramref name="index"/> must be UTF-8.
    /// </summary>
    private static (int Line, int Column) Place(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n' || (before[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetString(before[lineStart..]).EnumerateRunes().Count() + 1);
    }

    /// <summary>What a byte that is not UTF-8 stands for in Windows-1252 (a superset of Latin-1's printable characters), said after it: <c>, 'é' in Windows-1252</c>; empty for a byte that stands for no printable character there.</summary>
    private static string InWindows1252(byte b)
    {
        var text = CodePagesEncodingProvider.Instance.GetEncoding(1252)?.GetString([b]) ?? "";
        return text.Length == 1 && !char.IsControl(text[0]) && text[0] != '\uFFFD' && text[0] != '?' ? $", '{text}' in Windows-1252" : "";
    }

    /// <summary>What a file is by its first bytes, when they are the signature of a common kind of file that is not UTF-8 text.</summary>
    private static string? Kind(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => "a PDF",
        [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive, as a .docx, .xlsx or .odt document is",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Office document (.doc, .xls)",
        [0x7F, 0x45, 0x4C, 0x46, ..] => "a program (ELF)",
        [0x4D, 0x5A, ..] => "a Windows program or library",
        [0x89, 0x50, 0x4E, 0x47, ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [0x1F, 0x8B, ..] => "gzip-compressed",
        [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16 text",
        _ => null,
    };

    /// <summary>What to give instead of a file that is not text, by what the file is for.</summary>
    private static string AsText(string what, string? kind) => (what, kind) switch
    {
        (_, "UTF-16 text") => $"save the {what} as UTF-8 text",
        ("source text", _) => "give the readout as plain text (for a PDF: pdftotext FILE.pdf FILE.txt; for a Word document: save it as Plain Text, UTF-8)",
        ("table file", _) => "give the table as CSV text (from a spreadsheet: save it as CSV UTF-8)",
        _ => $"give the {what} as UTF-8 text",
    };

    /// <summary>Why the file cannot be read, or null if it is a regular file within the limit.</summary>
    /// <param name="referrer">The file that names this one, if any: never offered as what a missing name could mean (<see cref="Alternatives"/>).</param>
    /// <param name="name">The file as the person named it, or as it is read, for the message (said as <see cref="InputPath.Said"/> says it).</param>
    public static string? Problem(string path, string name, string what, long limit, string? referrer = null)
    {
        name = InputPath.Said(name);
        if (Directory.Exists(path))
            return $"the {what} '{name}' is a folder; expected a file";
        if (!File.Exists(path))
            return $"the {what} '{name}' does not exist (looked for {Path.GetFullPath(path)}){Alternatives(path, name, referrer)}";
        if (FileType.Of(path) is { } type && type != FileType.Regular)
            return $"the {what} '{name}' is {FileType.Describe(type)}, not a regular file; name a file on disk";
        var length = new FileInfo(path).Length;
        if (length > limit)
            return $"the {what} '{name}' is {Size(length)}, larger than {Size(limit)}, the most Summits reads";
        return null;
    }

    /// <summary>
    /// Why a file named to be read is not there, said after its place: a folder named where a file is expected is said
    /// to be one, with the YAML files in it (<c>'scenarios/exercises/answers' is a folder, not an answers file; the YAML
    /// files in it: scenarios/exercises/answers/bilateral-fta-us.yaml, ...</c>), at most ten and how many more; any other
    /// name <c>no such {what}</c> with what it could have meant (<see cref="Alternatives"/>).
    /// </summary>
    /// <param name="path">The file as it is read (<see cref="InputPath.Resolve"/>); said as the person named it (<see cref="InputPath.Said"/>).</param>
    /// <param name="what">What the file is: "scenario file", "answers file".</param>
    public static string NotThere(string path, string what) =>
        Directory.Exists(path) ? Folder(path, what, "YAML file", [".yaml", ".yml"]) : $"no such {what}{Alternatives(path, path)}";

    /// <summary>
    /// Why the folder <paramref name="path"/>, named where a file is expected, is not one, with the files in it of the
    /// kinds that would be taken, as the remedy: <c>'runs/a' is a folder, not a scenario file or state.json; the YAML
    /// or JSON files in it: runs/a/state.json</c>, at most ten and how many more, in ordinal order; or <c>it holds no
    /// YAML or JSON file</c>.
    /// </summary>
    /// <param name="path">The folder as it is read; said as the person named it (<see cref="InputPath.Said"/>).</param>
    /// <param name="what">What was expected, with no article: "scenario file".</param>
    /// <param name="files">The kind of file listed, singular, with no article: "YAML file"; an s makes it plural.</param>
    /// <param name="extensions">The extensions of the files listed, lower case with their dot; empty for every file.</param>
    public static string Folder(string path, string what, string files, IReadOnlyCollection<string> extensions)
    {
        var article = "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a";
        var said = InputPath.Said(path);
        var prefix = said.EndsWith('/') || said.EndsWith(Path.DirectorySeparatorChar) ? said : said + "/";
        string[] found;
        try
        {
            found = [.. Directory.EnumerateFiles(path).Select(Path.GetFileName).OfType<string>()
                .Where(f => !f.StartsWith('.') && (extensions.Count == 0 || extensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found = [];
        }
        return $"'{said}' is a folder, not {article} {what}; "
            + (found.Length == 0 ? $"it holds no {files}" : $"the {files}s in it: {Listed.AndMore(found.Select(f => prefix + f), 10)}");
    }

    /// <summary>
    /// Why <paramref name="path"/>, named to be read as <paramref name="what"/>, is no regular file: a folder, said with
    /// the files in it of the kinds that would be taken (<see cref="Folder"/>), or a device, a FIFO or a socket, said
    /// as such; null for a regular file, or a name that is not there.
    /// </summary>
    /// <param name="path">The file as it is looked at; said as the person named it (<see cref="InputPath.Said"/>).</param>
    /// <param name="what">What was expected, with no article: "scenario file".</param>
    /// <param name="files">The kind of file listed in a folder (<see cref="Folder"/>).</param>
    /// <param name="extensions">The extensions of the files listed in a folder; empty for every file.</param>
    public static string? NotAFile(string path, string what, string files, IReadOnlyCollection<string> extensions)
    {
        if (Directory.Exists(path))
            return Folder(path, what, files, extensions);
        if (File.Exists(path) && FileType.Of(path) is { } type && type != FileType.Regular)
            return $"the {what} '{InputPath.Said(path)}' is {FileType.Describe(type)}, not a regular file; name a file on disk";
        return null;
    }

    /// <summary>
    /// What a missing file's name could have meant, to follow the words that say it is missing: the files of the same
    /// kind (the same extension, <c>.yaml</c> and <c>.yml</c> alike) in the folder it names, each written as the name
    /// was (with its folder part), closest to the name first (<see cref="Closest"/>: the names its stem stands for, as
    /// abe-trump.yaml for abe.yaml, then fewest edits of the file's name, then in ordinal order),
    /// at most ten and how many more; <c>; the YAML files there, closest first: a.yaml, b.yaml</c>. When the folder
    /// itself is missing, says so. When the folder holds no file of that kind, is missing or cannot be read,
    /// <paramref name="elsewhere"/> follows (after the missing folder): what else could be meant; empty without it.
    /// </summary>
    /// <param name="path">The file looked for, as the program resolved it (<see cref="InputPath.Resolve"/>): its folder is the one listed.</param>
    /// <param name="name">The file as the person named it, or as it is read (said as <see cref="InputPath.Said"/> says it).</param>
    /// <param name="referrer">The file that names it, if any, which is left out.</param>
    /// <param name="elsewhere">
    /// The clause said when the folder offers nothing, asked for only then: the files of the kind that ship
    /// (<c>; the shipped scenario files: ...</c>), which a first try from an empty folder or a mistyped one can name.
    /// </param>
    public static string Alternatives(string path, string name, string? referrer = null, Func<string>? elsewhere = null)
    {
        name = InputPath.Said(name);
        var slash = Math.Max(name.LastIndexOf('/'), Path.DirectorySeparatorChar == '/' ? -1 : name.LastIndexOf(Path.DirectorySeparatorChar));
        var (prefix, file) = (name[..(slash + 1)], name[(slash + 1)..]);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null)
            return Otherwise();
        if (!Directory.Exists(folder))
            return (prefix.Length == 0 ? "" : $"; the folder '{prefix}' does not exist either") + Otherwise();
        var extension = Kind(Path.GetExtension(file));
        string[] found;
        try
        {
            found = [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(f => extension.Length == 0 || Kind(Path.GetExtension(f)) == extension)
                .Where(f => !f.StartsWith('.') && (referrer is null || !SameFile(Path.Combine(folder, f), referrer)))
                .Order(StringComparer.Ordinal)];
            found = [.. Closest.Order(file, found, Path.GetFileNameWithoutExtension)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Otherwise();
        }
        if (found.Length == 0)
            return Otherwise();
        const int shown = 10;
        var kind = extension.Length == 0 ? "files" : extension == ".yaml" ? "YAML files" : $"{extension} files";
        return $"; the {kind} there, closest first: {Listed.AndMore(found.Select(f => prefix + f), shown)}";

        static string Kind(string extension) => extension.ToLowerInvariant() is ".yml" ? ".yaml" : extension.ToLowerInvariant();

        string Otherwise() => elsewhere?.Invoke() ?? "";
    }

    /// <summary>
    /// The path of a file that another file names (a scenario's world, a world's source text), as it is read and as its
    /// errors show it: <paramref name="name"/> taken from the folder of <paramref name="referrer"/> with its <c>.</c> and
    /// <c>..</c> resolved as the system resolves them, relative to the current directory when both
    /// <paramref name="referrer"/> and <paramref name="name"/> are relative (as the person named them), whole when either
    /// is absolute: <c>scenarios/what-if/baseline.yaml</c> naming <c>../summits/x.yaml</c> is
    /// <c>scenarios/summits/x.yaml</c>, not <c>scenarios/what-if/../summits/x.yaml</c>. The system takes a <c>..</c>
    /// after following symbolic links, where .NET's paths drop it with the folder before it as text: when the folder a
    /// <c>..</c> backs out of is a symbolic link, the link is followed first (<see cref="Opened"/>), so that the path
    /// names the file a shell or an editor opens for the same words, not another one. A file named by one read from beside
    /// the program is said by its path from there (<see cref="InputPath.Said"/>).
    /// </summary>
    /// <param name="referrer">The path of the file that names it, as the person gave it.</param>
    /// <param name="name">The path as that file writes it, relative to its folder or absolute.</param>
    public static string Named(string referrer, string name)
    {
        var full = Opened(Path.Combine(Path.GetDirectoryName(referrer) ?? "", name));
        if (Path.IsPathRooted(name))
            return full;
        if (!Path.IsPathRooted(referrer))
            return Path.GetRelativePath(Environment.CurrentDirectory, full);
        // A referrer read from beside the program has its files said as they would be from a folder holding them.
        InputPath.NamedBy(referrer, full);
        return full;
    }

    /// <summary>
    /// The whole path of the file the system opens for <paramref name="path"/>, without <c>.</c> or <c>..</c>: walked from
    /// the left, a <c>..</c> drops the folder before it, unless that folder is a symbolic link (on Unix), whose target
    /// it then backs out of, as the system does. Links are followed at most 40 times (the system's own limit), then
    /// the rest is taken as text.
    /// </summary>
    private static string Opened(string path)
    {
        var whole = Path.IsPathRooted(path) ? path : Path.Join(Environment.CurrentDirectory, path);
        var root = Path.GetPathRoot(whole) ?? "";
        var parts = new Queue<string>(Parts(whole[root.Length..]));
        var folders = new List<string>();
        for (var followed = 0; parts.Count > 0;)
        {
            var part = parts.Dequeue();
            if (part == ".")
                continue;
            if (part != "..")
            {
                folders.Add(Path.Join(folders.Count == 0 ? root : folders[^1], part));
                continue;
            }
            if (folders.Count == 0)
                continue;
            var link = OperatingSystem.IsWindows() || followed >= 40 ? null : LinkTarget(folders[^1]);
            folders.RemoveAt(folders.Count - 1);
            if (link is null)
                continue;
            // The link is followed, then the '..' backs out of where it leads: the walk starts again from the target.
            followed++;
            var target = Path.IsPathRooted(link) ? link : Path.Join(folders.Count == 0 ? root : folders[^1], link);
            root = Path.GetPathRoot(target) ?? root;
            parts = new Queue<string>([.. Parts(target[root.Length..]), "..", .. parts]);
            folders.Clear();
        }
        return folders.Count == 0 ? root : folders[^1];

        static string[] Parts(string path) =>
            path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

        static string? LinkTarget(string folder)
        {
            try
            {
                return new DirectoryInfo(folder).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>True when the path names a FIFO (named pipe), whose open waits for the other end.</summary>
    public static bool IsFifo(string path) => FileType.Of(path) == FileType.Fifo;

    /// <summary>
    /// True when two paths name the same file: on Linux when both have one device and inode, which every name of a
    /// file shares (a hard link, a symbolic link, a spelling with <c>./</c> or <c>../</c>); elsewhere, or when either
    /// cannot be read, when their full paths are equal after symbolic links are followed.
    /// </summary>
    public static bool SameFile(string a, string b)
    {
        if (FileType.Identity(a) is { } first && FileType.Identity(b) is { } second)
            return first == second;
        return string.Equals(Resolved(a), Resolved(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
