namespace Monitor.Worker.Classification;

/// <summary>The classification rules loaded from <c>config/taxonomy.yaml</c>.</summary>
public sealed class Taxonomy
{
}
