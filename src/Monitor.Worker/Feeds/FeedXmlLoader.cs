using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Worker.Feeds;

/// <summary>
/// Reads feed XML into a tree with <see cref="XmlReader"/>: DTDs ignored (never processed), no resolver, so no
/// external entity is ever fetched or expanded. A broken document is repaired once (<see cref="XmlRepair"/>);
/// if it still breaks, everything read before the break is kept and the result is marked recovered.
/// </summary>
internal static partial class FeedXmlLoader
{
    /// <summary>Deepest element nesting kept; feeds use a handful of levels, XHTML content a few dozen.</summary>
    public const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>Loads <paramref name="text"/>; <paramref name="recovered"/> is set when repairs were needed.</summary>
    /// <exception cref="FeedParseException">Nothing usable could be read.</exception>
    public static XElement Load(string text, out bool recovered, CancellationToken cancellationToken = default)
    {
        text = StripDeclaration(text, out recovered);
        var context = CreateContext(text, ref recovered);

        if (TryBuild(text, context, out var root, out var error, cancellationToken))
        {
            return root!;
        }

        recovered = true;
        var repairedText = XmlRepair.Repair(text);
        if (TryBuild(repairedText, context, out var repaired, out var repairError, cancellationToken))
        {
            return repaired!;
        }

        // Still broken (unescaped HTML, mismatched tags): read it as tag soup, which never stops early.
        var lenient = LenientXmlBuilder.Build(repairedText, cancellationToken);
        if (lenient is not null)
        {
            return lenient;
        }

        throw new FeedParseException($"feed: not well-formed XML: {(repairError ?? error)?.Message}", (Exception?)repairError ?? error!);
    }

    /// <summary>Drops leading junk and the XML declaration: the text is already decoded, so its encoding label no longer applies.</summary>
    private static string StripDeclaration(string text, out bool recovered)
    {
        recovered = false;
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        var match = XmlDeclaration().Match(text, start, Math.Min(text.Length - start, 4096));
        if (!match.Success)
        {
            return start == 0 ? text : text[start..];
        }

        // A declaration anywhere but at the very start is an error a reader forgives (whitespace or a comment before it).
        recovered = match.Index != 0;
        return string.Concat(text.AsSpan(start, match.Index - start), text.AsSpan(match.Index + match.Length));
    }

    private static XmlParserContext CreateContext(string text, ref bool recovered)
    {
        var names = new NameTable();
        var manager = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in FeedNamespaces.WellKnownPrefixes)
        {
            manager.AddNamespace(prefix, uri);
        }

        var probe = text.Length > 200_000 ? text[..200_000] : text;
        foreach (Match m in UsedPrefix().Matches(probe))
        {
            var prefix = m.Groups[1].Value;
            if (prefix is "xml" or "xmlns" || probe.Contains("xmlns:" + prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Used without a declaration: readers accept it, so do we, with a placeholder namespace for unknown prefixes.
            recovered = true;
            if (manager.LookupNamespace(prefix) is null)
            {
                manager.AddNamespace(prefix, "urn:x-undeclared:" + prefix);
            }
        }

        return new XmlParserContext(names, manager, null, XmlSpace.None);
    }

    private static bool TryBuild(string text, XmlParserContext context, out XElement? root, out XmlException? error, CancellationToken cancellationToken)
    {
        root = null;
        error = null;
        var stack = new Stack<XElement>();

        // Elements nested deeper than MaxDepth are flattened: their text goes to the deepest element kept.
        var flattened = 0;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings, context);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when stack.Count >= MaxDepth:
                        flattened += reader.IsEmptyElement ? 0 : 1;
                        break;
                    case XmlNodeType.Element:
                        cancellationToken.ThrowIfCancellationRequested();
                        var element = ReadElement(reader);
                        if (stack.Count > 0)
                        {
                            stack.Peek().Add(element);
                        }
                        else
                        {
                            root ??= element;
                        }

                        if (!reader.IsEmptyElement)
                        {
                            stack.Push(element);
                        }

                        break;
                    case XmlNodeType.EndElement when flattened > 0:
                        flattened--;
                        break;
                    case XmlNodeType.EndElement:
                        stack.TryPop(out _);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (stack.Count > 0)
                        {
                            stack.Peek().Add(new XText(reader.Value));
                        }

                        break;
                }
            }

            return root is not null;
        }
        catch (XmlException ex)
        {
            // Keep what was read before the break, but not an item cut in the middle: its fields may be half-written.
            foreach (var open in stack)
            {
                if (open.Name.LocalName is "item" or "entry" && open.Parent is not null)
                {
                    open.Remove();
                }
            }

            error = ex;
            return false;
        }
    }

    private static XElement ReadElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }

    [GeneratedRegex(@"<\?xml\s[^>]*?\?>", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"</?([A-Za-z_][\w.\-]*):[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex UsedPrefix();
}
