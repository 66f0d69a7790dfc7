using System.Collections.Frozen;

namespace Monitor.Worker.Classification;

/// <summary>The fixed topic identifiers of DESIGN.md and LABELS.md.</summary>
public static class Topics
{
    public const string Model = "model";
    public const string Strategy = "strategy";
    public const string Regulation = "regulation";
    public const string Investment = "investment";
    public const string Infrastructure = "infrastructure";
    public const string DataTalent = "data-talent";
    public const string Safety = "safety";
    public const string Defense = "defense";

    /// <summary>All topic identifiers, in display order.</summary>
    public static readonly IReadOnlyList<string> All =
        [Model, Strategy, Regulation, Investment, Infrastructure, DataTalent, Safety, Defense];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="topic"/> is one of the eight identifiers.</summary>
    public static bool IsKnown(string topic) => Known.Contains(topic);
}
