namespace Monitor.Worker.Sources;

/// <summary>Dotted paths into a JSON API response (e.g. <c>results</c>, <c>html_url</c>, <c>agencies.0.name</c>).</summary>
public sealed class JsonPaths
{
    /// <summary>Path to the array of items.</summary>
    public string? Items { get; init; }

    /// <summary>Path (inside an item) to its identifier.</summary>
    public string? Id { get; init; }

    /// <summary>Path (inside an item) to its title.</summary>
    public string? Title { get; init; }

    /// <summary>Path (inside an item) to its link.</summary>
    public string? Link { get; init; }

    /// <summary>Path (inside an item) to its publication date.</summary>
    public string? Date { get; init; }

    /// <summary>Path (inside an item) to its summary.</summary>
    public string? Summary { get; init; }
}
