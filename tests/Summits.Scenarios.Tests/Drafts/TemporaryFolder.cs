namespace Summits.Scenarios.Tests;

/// <summary>A fresh folder under the system's temporary path, removed with everything in it when disposed.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("summits-worlds-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
