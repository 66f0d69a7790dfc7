using System.Globalization;
using System.Text;
using System.Xml;

namespace Monitor.Worker.Archive;

/// <summary>Writes an <see cref="ArchiveFeed"/> as Atom 1.0 (RFC 4287), with RFC 5005 <c>next</c> links for paging. Pure.</summary>
public static class AtomFeedWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The UTF-8 document.</summary>
    public static byte[] Write(ArchiveFeed feed)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            Element(xml, "id", feed.Self.AbsoluteUri);
            Text(xml, "title", feed.Title);
            Text(xml, "subtitle", feed.Description);
            Element(xml, "updated", Date(feed.Updated));
            xml.WriteStartElement("author", Atom);
            Element(xml, "name", "Monitor");
            xml.WriteEndElement();
            Link(xml, "self", feed.Self, "application/atom+xml");
            Link(xml, "alternate", feed.HomePage, "text/html");
            if (feed.Next is { } next)
            {
                Link(xml, "next", next, "application/atom+xml");
            }

            xml.WriteStartElement("generator", Atom);
            xml.WriteString("Monitor");
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                WriteEntry(xml, entry);
            }

            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, ArchiveFeedEntry entry)
    {
        xml.WriteStartElement("entry", Atom);
        if (!string.IsNullOrEmpty(entry.Language))
        {
            xml.WriteAttributeString("xml", "lang", null, entry.Language);
        }

        Element(xml, "id", entry.Url.AbsoluteUri);
        Text(xml, "title", entry.Title);
        Element(xml, "published", Date(entry.Published));
        Element(xml, "updated", Date(entry.Updated));
        Link(xml, "alternate", entry.Url, "text/html");
        if (entry.ExternalUrl is { } external)
        {
            Link(xml, "related", external, null);
        }

        foreach (var source in entry.Sources)
        {
            xml.WriteStartElement("contributor", Atom);
            Element(xml, "name", source);
            xml.WriteEndElement();
        }

        foreach (var (term, label) in entry.Categories)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", term);
            xml.WriteAttributeString("label", label);
            xml.WriteEndElement();
        }

        Text(xml, "summary", entry.Summary);
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(XmlSafe(entry.ContentHtml));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Atom);
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, Uri href, string? type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteAttributeString("href", XmlSafe(href.AbsoluteUri));
        xml.WriteEndElement();
    }

    private static string Date(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Text from sources may hold characters XML 1.0 cannot carry (controls, lone surrogates): they are dropped.
    private static string XmlSafe(string value)
    {
        if (value.All(XmlConvert.IsXmlChar))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                sb.Append(value[i]);
            }
            else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                sb.Append(value, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
