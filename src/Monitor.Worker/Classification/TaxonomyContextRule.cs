namespace Monitor.Worker.Classification;

/// <summary>A context rule: when any <paramref name="IfAny"/> phrase occurs in an item, matches of the
/// <paramref name="Cancel"/> terms count nowhere in that item (e.g. "LLM" next to "Master of Laws" or "abogados").</summary>
/// <param name="IfAny">Trigger phrases.</param>
/// <param name="Cancel">Terms (as written elsewhere in the taxonomy) to ignore when triggered.</param>
public sealed record TaxonomyContextRule(IReadOnlyList<string> IfAny, IReadOnlyList<string> Cancel);
