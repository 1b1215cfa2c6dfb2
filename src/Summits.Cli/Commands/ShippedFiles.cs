namespace Summits.Cli.Commands;

/// <summary>The files of an <see cref="InputKind"/> that ship with Summits, in the scenarios folder beside the program.</summary>
/// <param name="Noun">What they are called, plural: "scenario files".</param>
/// <param name="Folders">
/// The folders they are in, as relative paths: looked for beside the program first and, where it has none, in the working
/// folder (the repository's root when summits is run from it): "scenarios/what-if".
/// </param>
/// <param name="Extensions">
/// Their extensions, lower case with their dot, when the kind's own (<see cref="InputKind.Extensions"/>) would take
/// every file there; null to take the kind's.
/// </param>
public sealed record ShippedFiles(string Noun, IReadOnlyList<string> Folders, IReadOnlyList<string>? Extensions = null);
