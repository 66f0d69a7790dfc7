namespace Monitor.Worker.Storage.Entities;

/// <summary>How far a maintenance task got (e.g. <c>retention.text</c>: text of announcements fetched before this time
/// is dropped), so the next run starts there instead of looking at everything stored.</summary>
public sealed class MaintenanceMarker
{
    public required string Name { get; set; }

    public DateTime Value { get; set; }
}
