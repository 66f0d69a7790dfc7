namespace Monitor.Worker.JsonApi;

/// <summary>The response is not JSON, or has no item array at the configured path; the message starts with "json-api: ".</summary>
public sealed class JsonApiParseException : Exception
{
    public JsonApiParseException(string message) : base(message) { }

    public JsonApiParseException(string message, Exception inner) : base(message, inner) { }
}
