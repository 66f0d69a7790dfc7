namespace Monitor.Worker.Feeds;

/// <summary>The document is not a feed the parser can read; the message starts with the stage ("feed: ...").</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException(string message) : base(message) { }

    public FeedParseException(string message, Exception inner) : base(message, inner) { }
}
