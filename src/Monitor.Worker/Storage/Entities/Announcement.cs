using Monitor.Worker.Sources;

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

    /// <summary>The four 16-bit bands of <see cref="SimHash"/>, each indexed (null without text): story candidates by index.</summary>
    public int? Band0 { get; set; }

    /// <inheritdoc cref="Band0"/>
    public int? Band1 { get; set; }

    /// <inheritdoc cref="Band0"/>
    public int? Band2 { get; set; }

    /// <inheritdoc cref="Band0"/>
    public int? Band3 { get; set; }

    /// <summary>The title's first four index keys for the story title rule (see <c>Clustering.StoryKeys</c>), each indexed;
    /// null when the title has fewer. Titles long enough to need more keep the rest in <see cref="ExtraKeys"/>.</summary>
    public long? TitleKey0 { get; set; }

    /// <inheritdoc cref="TitleKey0"/>
    public long? TitleKey1 { get; set; }

    /// <inheritdoc cref="TitleKey0"/>
    public long? TitleKey2 { get; set; }

    /// <inheritdoc cref="TitleKey0"/>
    public long? TitleKey3 { get; set; }

    /// <summary>Index keys in the <c>StoryKeys</c> table: title keys beyond the fourth, and the anchor keys.</summary>
    public List<StoryKey> ExtraKeys { get; } = [];

    /// <summary>The report's anchors (<c>Clustering.StoryAnchors</c>), space-separated: what the anchor rule compares.</summary>
    public string Anchors { get; set; } = "";

    /// <summary>Its archive index rows, computed ahead of the store's transaction by <see cref="AnnouncementStore.Prepare"/>
    /// (not mapped: internal).</summary>
    internal List<ArchiveTerm>? PreparedArchiveTerms { get; set; }

    /// <summary>Who published it (its source's publisher when stored): a story's lead is an official report.</summary>
    public SourcePublisher Publisher { get; set; } = SourcePublisher.News;

    /// <summary>A hash of what the source said about the item (title, link, date, summary, content): when a later crawl
    /// sees it change, the page is read again and a material change updates this announcement.</summary>
    public long? FeedHash { get; set; }

    /// <summary>When a material change of the text or title last updated this announcement.</summary>
    public DateTime? UpdatedAt { get; set; }

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
