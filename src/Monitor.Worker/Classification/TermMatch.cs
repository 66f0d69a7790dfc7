namespace Monitor.Worker.Classification;

/// <summary>One occurrence of a pattern in a <see cref="NormalizedText"/>.</summary>
/// <param name="Pattern">Index of the pattern in the list the matcher was built from.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
internal readonly record struct TermMatch(int Pattern, int Start, int End);
