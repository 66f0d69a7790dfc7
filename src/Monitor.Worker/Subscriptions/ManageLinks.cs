namespace Monitor.Worker.Subscriptions;

/// <summary>The self-service links of one subscriber.</summary>
/// <param name="Preferences">The preferences page.</param>
/// <param name="Unsubscribe">The unsubscribe page (asks for a click).</param>
/// <param name="OneClick">The RFC 8058 address: a POST with <c>List-Unsubscribe=One-Click</c> unsubscribes.</param>
/// <param name="Mailto">The <c>mailto:</c> alternative of <c>List-Unsubscribe</c>.</param>
public sealed record ManageLinks(string Preferences, string Unsubscribe, string OneClick, string Mailto);
