namespace Monitor.Worker.Classification;

/// <summary>What the classifier reads about one announcement.</summary>
/// <param name="Title">Title.</param>
/// <param name="Text">Main text or summary.</param>
/// <param name="Url">Page URL, when known.</param>
/// <param name="Language">Language tag, when known.</param>
/// <param name="SourceCountry">The source's country code, the fallback when the text names none.</param>
public sealed record ClassificationInput(string Title, string Text, string? Url = null, string? Language = null, string? SourceCountry = null);
