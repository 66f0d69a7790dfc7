namespace Monitor.Worker.JsonApi;

/// <summary>
/// Where a JSON API keeps its items and their fields, as simple dotted paths: <c>results</c>, <c>data.items</c>,
/// <c>links.0.href</c> (a number selects an array element). Field paths are relative to each item.
/// </summary>
public sealed class JsonApiPaths
{
    /// <summary>Path to the array of items (empty: the document itself is the array).</summary>
    public string? Items { get; set; }

    /// <summary>Path to the item's identifier (e.g. <c>document_number</c>).</summary>
    public string? Id { get; set; }

    /// <summary>Path to the item's title.</summary>
    public string? Title { get; set; }

    /// <summary>Path to the item's page URL (e.g. <c>html_url</c>); relative values resolve against the API URL.</summary>
    public string? Link { get; set; }

    /// <summary>Path to the item's publication date (e.g. <c>publication_date</c>).</summary>
    public string? Date { get; set; }

    /// <summary>Path to the item's summary (e.g. <c>abstract</c>).</summary>
    public string? Summary { get; set; }

    /// <summary>Every problem with these paths, as <c>field: message</c> lines (empty when valid), for config validation.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Link))
        {
            problems.Add("link: required (path to each item's URL)");
        }

        foreach (var (field, path) in new[] { ("items", Items), ("id", Id), ("title", Title), ("link", Link), ("date", Date), ("summary", Summary) })
        {
            if (path is not null && path.Split('.').Any(string.IsNullOrWhiteSpace) && path.Length > 0)
            {
                problems.Add($"{field}: path '{path}' has an empty segment");
            }
        }

        return problems;
    }
}
