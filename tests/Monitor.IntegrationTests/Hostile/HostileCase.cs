namespace Monitor.IntegrationTests.Hostile;

/// <summary>One misbehaviour of the hostile site, served to one source, and the outcome the crawl must record for it.</summary>
/// <param name="Id">The source id (and the route's name).</param>
/// <param name="Fault">What the server does, for the README table.</param>
/// <param name="Status">The source's recorded outcome: ok, failed or rate-limited.</param>
/// <param name="Reason">A part of the recorded error (failed, rate-limited) or null.</param>
/// <param name="MinStored">Announcements the source must have stored (ok cases).</param>
/// <param name="TitleContains">Text one stored title must contain (charset cases).</param>
/// <param name="Kind">The source's kind in sources.yaml (default auto).</param>
public sealed record HostileCase(string Id, string Fault, string Status, string? Reason, int MinStored = 0, string? TitleContains = null, string? Kind = null);
