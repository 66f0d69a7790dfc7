using System.Xml.Linq;

namespace Monitor.Worker.Feeds;

/// <summary>Small lookups over the loaded feed tree: children by local name within a set of namespaces, xml:base, links.</summary>
internal static class FeedXml
{
    private static readonly XName XmlBase = XName.Get("base", FeedNamespaces.Xml);

    public static XElement? Child(XElement parent, string localName, params string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            foreach (var child in parent.Elements())
            {
                if (child.Name.LocalName == localName && child.Name.NamespaceName == ns)
                {
                    return child;
                }
            }
        }

        return null;
    }

    /// <summary>The value of the first non-empty child among the given names.</summary>
    public static string? Text(XElement parent, string localName, params string[] namespaces)
    {
        foreach (var ns in namespaces)
        {
            foreach (var child in parent.Elements())
            {
                if (child.Name.LocalName == localName && child.Name.NamespaceName == ns && !string.IsNullOrWhiteSpace(child.Value))
                {
                    return child.Value;
                }
            }
        }

        return null;
    }

    public static bool InNamespaces(XElement element, string[] namespaces) => Array.IndexOf(namespaces, element.Name.NamespaceName) >= 0;

    /// <summary>The base URI in effect at <paramref name="element"/>: the document's, refined by every xml:base on the way down.</summary>
    public static Uri? BaseOf(XElement element, Uri? documentBase)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var value = (string?)e.Attribute(XmlBase);
            if (!string.IsNullOrWhiteSpace(value))
            {
                chain.Add(value.Trim());
            }
        }

        var current = documentBase;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            current = Resolve(chain[i], current) ?? current;
        }

        return current;
    }

    /// <summary>Resolves <paramref name="raw"/> against <paramref name="baseUri"/>; absolute values keep their spelling; scripts and data are refused.</summary>
    public static Uri? Resolve(string? raw, Uri? baseUri)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && !IsRootedPathOnUnix(value))
        {
            return absolute.Scheme is "javascript" or "data" or "vbscript" ? null : absolute;
        }

        if (baseUri is not null && baseUri.IsAbsoluteUri && Uri.TryCreate(baseUri, value, out var resolved))
        {
            return resolved;
        }

        return Uri.TryCreate(value, UriKind.Relative, out var relative) ? relative : null;
    }

    // On Unix, "/path" parses as an absolute file:// URI; in a feed it is always a path relative to the site.
    private static bool IsRootedPathOnUnix(string value) => value.StartsWith('/');
}
