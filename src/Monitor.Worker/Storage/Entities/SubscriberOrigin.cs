namespace Monitor.Worker.Storage.Entities;

/// <summary>Where a subscriber row came from.</summary>
public enum SubscriberOrigin
{
    /// <summary><c>Monitor:Digest:Subscribers</c> in configuration, imported at start.</summary>
    Configuration,

    /// <summary>The subscribe page.</summary>
    Web,

    /// <summary><c>subscribers add</c>.</summary>
    Cli,

    /// <summary><c>subscribers import FILE.csv</c>.</summary>
    Import,

    /// <summary>An address found in the delivery ledger when subscribers moved into the database.</summary>
    Ledger,
}
