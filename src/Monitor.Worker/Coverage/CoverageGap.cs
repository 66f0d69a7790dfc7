namespace Monitor.Worker.Coverage;

/// <summary>
/// A government body Monitor does not watch because it publishes no machine-readable listing that works (no feed, a page
/// rendered by script, a bot wall), as curated in <c>config/coverage-gaps.yaml</c> and shown in the coverage table.
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-2 code, <c>EU</c> or <c>INT</c>.</param>
/// <param name="Body">The ministry, agency or organisation.</param>
/// <param name="Checked">The page that was looked at, when there is one.</param>
/// <param name="Reason">What is missing or blocked.</param>
/// <param name="Evidence">Where that was seen (a public repository's probe, a stored page...).</param>
public sealed record CoverageGap(string Country, string Body, Uri? Checked, string Reason, string Evidence);
