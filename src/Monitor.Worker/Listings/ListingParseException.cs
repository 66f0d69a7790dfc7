namespace Monitor.Worker.Listings;

/// <summary>A listing page could not be read with the configured selectors; the message starts with "listing: ".</summary>
public sealed class ListingParseException : Exception
{
    public ListingParseException(string message) : base(message) { }

    public ListingParseException(string message, Exception inner) : base(message, inner) { }
}
