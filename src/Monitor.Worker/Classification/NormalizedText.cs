namespace Monitor.Worker.Classification;

/// <summary>An announcement's title and text after <see cref="TextNormalizer"/>: two strings of equal length,
/// one keeping case (for acronyms such as "US" or "UN" that must not match "us" or French "un") and one case-folded.</summary>
/// <param name="Cased">NFKC-normalised text, case kept.</param>
/// <param name="Folded">The same text, lower-cased char by char (same length and offsets).</param>
/// <param name="TitleLength">Length of the title part; the text part starts after it.</param>
internal sealed record NormalizedText(string Cased, string Folded, int TitleLength);
