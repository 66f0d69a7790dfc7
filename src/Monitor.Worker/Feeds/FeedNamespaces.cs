namespace Monitor.Worker.Feeds;

/// <summary>Namespace URIs the feed readers understand, and the prefixes assumed when a feed forgets to declare them.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rss2Userland = "http://backend.userland.com/rss2";
    public const string Rss2Userland2 = "http://blogs.law.harvard.edu/tech/rss";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Namespaces in which RSS's own elements (title, link, item...) appear.</summary>
    public static readonly string[] Rss = ["", Rss10, Rss090, Rss2Userland, Rss2Userland2];

    /// <summary>Namespaces in which Atom's elements appear (unnamespaced Atom exists in the wild).</summary>
    public static readonly string[] Atom = [Atom10, Atom03, ""];

    /// <summary>Prefixes feeds commonly use without declaring them (<c>atom:link</c> in RSS, <c>dc:creator</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
    {
        ["atom"] = Atom10,
        ["dc"] = Dc,
        ["dcterms"] = DcTerms,
        ["content"] = Content,
        ["media"] = Media,
        ["rdf"] = Rdf,
        ["itunes"] = Itunes,
        ["xhtml"] = Xhtml,
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["georss"] = "http://www.georss.org/georss",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
    };
}
