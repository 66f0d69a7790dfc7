namespace Monitor.Worker.Classification;

/// <summary>One weighted term or phrase. A leading or trailing <c>*</c> lifts the word boundary on that side
/// (e.g. <c>rechenzentr*</c>); CJK and Hangul terms never need boundaries.</summary>
/// <param name="Text">The term as the curator wrote it.</param>
/// <param name="Weight">Its weight (0 &lt; weight ≤ 10).</param>
/// <param name="Language">The language group it was listed under (en, ja, ...), informative only.</param>
public sealed record TaxonomyTerm(string Text, double Weight, string Language);
