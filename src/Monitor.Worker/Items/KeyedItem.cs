namespace Monitor.Worker.Items;

/// <summary>An item with its identity key (see <see cref="ItemKey"/>).</summary>
public sealed record KeyedItem(string Key, ParsedItem Item);
