namespace Monitor.Worker.Fetching;

/// <summary>Validators from the previous response, sent as If-None-Match / If-Modified-Since.</summary>
public sealed record FetchValidators(string? ETag, string? LastModified);
