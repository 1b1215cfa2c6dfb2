using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// Every command that reads a text file a person names (a readout, a scenario, a world, a KTAB table, an answers file,
/// a record, a file to migrate, a telemetry file) refuses a binary one at once: one line at the file's place saying it
/// is not a text file, why, and what to give instead; exit code 2; nothing printed on standard output, nothing written.
/// </summary>
public sealed class BinaryInputTests : IDisposable
{
    /// <summary>
    /// The start of a PDF: "%PDF-1.7\n" is bytes 1 to 9, "%" byte 10, and byte 11 (0xE2) opens a three-byte UTF-8
    /// sequence that byte 12 (0xE3, not a continuation byte 10xxxxxx) breaks: byte 11 is where it stops being UTF-8.
    /// </summary>
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8];

    /// <summary>The start of a .docx, a ZIP archive: "PK", 0x03, 0x04, 0x14 (bytes 1 to 5, all valid UTF-8) and byte 6 a NUL.</summary>
    private static readonly byte[] Docx = [.. "PK"u8, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. "[Content_Types].xml"u8];

    private const string PdfWhy = "it is a PDF: byte 11 starts a sequence that is not UTF-8";
    private const string DocxWhy = "it is a ZIP archive, as a .docx, .xlsx or .odt document is: byte 6 is a NUL";

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-binary-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task Refused(string expected, params string[] arguments)
    {
        var before = Directory.GetFileSystemEntries(_folder).Order().ToList();
        var run = await SummitsProcess.RunInAsync(_folder, arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error);
        Assert.Equal("", run.Output);
        Assert.Equal(before, Directory.GetFileSystemEntries(_folder).Order().ToList());
    }

    [Fact]
    public async Task Seed_draft_of_a_PDF_says_so_in_one_line_and_writes_nothing()
    {
        // Before, the draft read the PDF as text and printed some 320 lines of "not drafted" escaped bytes first.
        var pdf = Write("readout.pdf", Pdf);
        await Refused($"{pdf}:1:1: the source text '{pdf}' is not a text file ({PdfWhy}); give the readout as plain text (for a PDF: pdftotext FILE.pdf FILE.txt; for a Word document: save it as Plain Text, UTF-8)",
            "seed", "draft", pdf, "-o", Path.Combine(_folder, "draft.yaml"));
    }

    [Fact]
    public async Task Seed_draft_of_a_docx_says_so_in_one_line()
    {
        var docx = Write("readout.docx", Docx);
        await Refused($"{docx}:1:1: the source text '{docx}' is not a text file ({DocxWhy}); give the readout as plain text (for a PDF: pdftotext FILE.pdf FILE.txt; for a Word document: save it as Plain Text, UTF-8)",
            "seed", "draft", docx, "-o", Path.Combine(_folder, "draft.yaml"));
    }

    [Fact]
    public async Task Seed_draft_of_a_readout_in_UTF16_asks_for_UTF8()
    {
        // "Abe: Hi." in UTF-16 little-endian: the byte-order mark FF FE (byte 1, 0xFF, is never UTF-8), then 'A', 0x00, ...
        var utf16 = Write("readout.txt", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("Abe: Hi.\n")]);
        await Refused($"{utf16}:1:1: the source text '{utf16}' is not a text file (it is UTF-16 text: byte 1 starts a sequence that is not UTF-8); save the source text as UTF-8 text",
            "seed", "draft", utf16);
    }

    [Theory]
    [InlineData("run", "scenario file")]
    [InlineData("whatif", "scenario file")]
    [InlineData("migrate", "world or scenario file")]
    [InlineData("record", "record file")]
    public async Task A_binary_YAML_file_is_refused_in_one_line(string command, string what)
    {
        var file = Write("file.yaml", Docx);
        await Refused($"{file}:1:1: the {what} '{file}' is not a text file ({DocxWhy}); give the {what} as UTF-8 text", command, file);
    }

    [Fact]
    public async Task A_binary_world_is_refused_in_one_line()
    {
        var world = Write("world.yaml", Pdf);
        await Refused($"{world}:1:1: the world file '{world}' is not a text file ({PdfWhy}); give the world file as UTF-8 text",
            "run", "--world", world, "--rounds", "1", "--engine", "local");
    }

    [Fact]
    public async Task A_binary_KTAB_table_is_refused_in_one_line()
    {
        var table = Write("table.csv", Docx);
        await Refused($"{table}:1:1: the table file '{table}' is not a text file ({DocxWhy}); give the table as CSV text (from a spreadsheet: save it as CSV UTF-8)",
            "import", "ktab", table, "-o", Path.Combine(_folder, "world.yaml"));
    }

    [Fact]
    public async Task A_binary_answers_file_is_refused_in_one_line()
    {
        var answers = Write("answers.yaml", Pdf);
        await Refused($"{answers}:1:1: the answers file '{answers}' is not a text file ({PdfWhy}); give the answers file as UTF-8 text",
            "exercise", SeedFiles.File("scenarios", "exercises", "trade-for-defence.yaml"), "--answers", answers, "--engine", "local");
    }

    [Fact]
    public async Task A_binary_telemetry_file_is_refused_in_one_line()
    {
        var telemetry = Write("telemetry.jsonl", Pdf);
        await Refused($"{telemetry}:1:1: the telemetry file '{telemetry}' is not a text file ({PdfWhy}); give the telemetry file as UTF-8 text",
            "analyze", telemetry);
    }
}
