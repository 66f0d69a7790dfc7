namespace Monitor.Worker.Storage.Entities;

/// <summary>One stored announcement, identified by its canonical URL (unique through <see cref="UrlHash"/>).</summary>
public sealed class Announcement
{
    public long Id { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="CanonicalUrl"/>: the unique key, short enough for any index.</summary>
    public required string UrlHash { get; set; }

    public required string CanonicalUrl { get; set; }

    public required string SourceId { get; set; }

    /// <summary>SHA-256 (hex) of the item key (guid, canonical URL or title+date) within its source.</summary>
    public required string ItemKeyHash { get; set; }

    public required string Title { get; set; }

    /// <summary>An English rendering of a title in another language, only when the optional LLM gave one; never made up.</summary>
    public string? TitleGloss { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime FetchedAt { get; set; }

    public string? Language { get; set; }

    public string Text { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? ContentHash { get; set; }

    public long SimHash { get; set; }

    /// <summary>Topic ids, space-separated.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Country codes, space-separated.</summary>
    public string Countries { get; set; } = "";

    /// <summary>Tracked model names, separated by '|'.</summary>
    public string Models { get; set; } = "";

    public bool Relevant { get; set; }

    public double Score { get; set; }

    /// <summary>Evidence for the classification, separated by '|'.</summary>
    public string Reasons { get; set; } = "";

    public long? StoryId { get; set; }

    public Story? Story { get; set; }
}
