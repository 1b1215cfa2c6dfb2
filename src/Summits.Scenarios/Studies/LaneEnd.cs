namespace Summits.Scenarios;

/// <summary>
/// Ends lane <paramref name="lane"/> of a study once its last sample has run (or the study has stopped): the world its
/// samples ran in one after another is retired, so that nothing of it stays behind.
/// </summary>
public delegate Task LaneEnd(Summits.Grains.WorldKey lane);
