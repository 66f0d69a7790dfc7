namespace Monitor.Worker.Subscriptions;

/// <summary>What following a confirmation link did.</summary>
public enum ConfirmOutcome
{
    /// <summary>The subscription is active now.</summary>
    Confirmed,

    /// <summary>It was already active; nothing changed.</summary>
    AlreadyActive,

    /// <summary>The link is malformed, tampered with, expired or revoked.</summary>
    Invalid,
}
