using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Monitor.IntegrationTests.Archive;

/// <summary>
/// Checks an Atom document offline: against <c>TestData/schemas/atom-1.0.xsd</c> (element types, dates, URIs, link and
/// category attributes), then the RFC 4287 rules that XSD cannot say (section 4.1.1 and 4.1.2 counts, authors,
/// alternate links). Returns every problem; empty when valid.
/// </summary>
public static class AtomRules
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://www.w3.org/2005/Atom", Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "atom-1.0.xsd"));
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> Check(byte[] document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"xsd {e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using (var reader = XmlReader.Create(new MemoryStream(document), settings))
        {
            while (reader.Read())
            {
            }
        }

        var feed = XDocument.Load(new MemoryStream(document)).Root!;
        if (feed.Name != Atom + "feed")
        {
            return [.. problems, "the root is not atom:feed"];
        }

        Once(feed, "feed", problems, "id", "title", "updated");
        AtMostOnce(feed, "feed", problems, "generator", "icon", "logo", "rights", "subtitle");
        Alternates(feed, "feed", problems);
        var feedHasAuthor = feed.Elements(Atom + "author").Any();
        foreach (var (entry, index) in feed.Elements(Atom + "entry").Select((e, i) => (e, i)))
        {
            var where = $"entry {index + 1}";
            Once(entry, where, problems, "id", "title", "updated");
            AtMostOnce(entry, where, problems, "content", "published", "rights", "source", "summary");
            Alternates(entry, where, problems);
            if (!feedHasAuthor && !entry.Elements(Atom + "author").Any())
            {
                problems.Add($"{where}: no atom:author, and the feed has none (4.1.1)");
            }

            var content = entry.Element(Atom + "content");
            if (content is null && !entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"))
            {
                problems.Add($"{where}: neither atom:content nor an alternate link (4.1.2)");
            }

            if (content?.Attribute("src") is not null && entry.Element(Atom + "summary") is null)
            {
                problems.Add($"{where}: out-of-line content needs atom:summary (4.1.2)");
            }
        }

        return problems;
    }

    private static void Once(XElement element, string where, List<string> problems, params string[] names)
    {
        foreach (var name in names)
        {
            var count = element.Elements(Atom + name).Count();
            if (count != 1)
            {
                problems.Add($"{where}: {count} atom:{name}, exactly one required");
            }
        }
    }

    private static void AtMostOnce(XElement element, string where, List<string> problems, params string[] names)
    {
        foreach (var name in names.Where(n => element.Elements(Atom + n).Count() > 1))
        {
            problems.Add($"{where}: more than one atom:{name}");
        }
    }

    private static void Alternates(XElement element, string where, List<string> problems)
    {
        var duplicates = element.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang")))
            .Where(g => g.Count() > 1);
        if (duplicates.Any())
        {
            problems.Add($"{where}: two alternate links with the same type and hreflang");
        }
    }
}
