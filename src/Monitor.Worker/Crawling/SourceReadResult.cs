using Monitor.Worker.Items;

namespace Monitor.Worker.Crawling;

/// <summary>What a source's document yielded: items, the kind it was read as, and notes (recovered XML, discovered feed).</summary>
public sealed record SourceReadResult(IReadOnlyList<ParsedItem> Items, string ReadAs, string? Note = null);
