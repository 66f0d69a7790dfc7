namespace Monitor.Worker.Classification;

/// <summary>The classifier's verdict on one announcement, with the evidence for it.</summary>
/// <param name="Relevant">True when the item belongs in a digest.</param>
/// <param name="Score">Relevance in [0,1].</param>
/// <param name="Topics">Topic identifiers (see <see cref="Classification.Topics"/>).</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes, EU or INT: whose government or organisation the item is about.</param>
/// <param name="Models">Canonical names of tracked national models mentioned.</param>
/// <param name="Reasons">Human-readable evidence, e.g. <c>topic:regulation "AI Act"</c>.</param>
public sealed record ClassificationResult(
    bool Relevant,
    double Score,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Reasons)
{
    /// <summary>An English translation of a foreign title, only when the optional LLM gave one.</summary>
    public string? TitleGloss { get; init; }
}
