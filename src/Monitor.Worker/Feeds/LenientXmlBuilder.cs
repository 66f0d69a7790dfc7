using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Worker.Feeds;

/// <summary>
/// Last-resort reader for feed markup that is still not well-formed after <see cref="XmlRepair"/>: HTML left unescaped
/// in descriptions (<c>&lt;br&gt;</c>, unclosed <c>&lt;p&gt;</c>), mismatched or stray end tags, a document cut short.
/// An end tag closes the nearest open element with its name (and everything opened inside it); an end tag that matches
/// nothing open is ignored; elements still open at the end are closed, except a half-read item or entry, which is
/// dropped. Namespaces are resolved from the declarations in scope, then the well-known prefixes.
/// </summary>
internal static partial class LenientXmlBuilder
{
    public static XElement? Build(string text)
    {
        var stack = new List<(XElement Element, string RawName, Dictionary<string, string>? Namespaces)>();
        XElement? root = null;
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                AddText(stack, text[i..]);
                break;
            }

            if (lt > i)
            {
                AddText(stack, text[i..lt]);
            }

            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                i = Skip(text, lt, "-->");
            }
            else if (string.CompareOrdinal(text, lt, "<![CDATA[", 0, 9) == 0)
            {
                var end = text.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
                var content = end < 0 ? text[(lt + 9)..] : text[(lt + 9)..end];
                if (stack.Count > 0)
                {
                    stack[^1].Element.Add(new XText(content));
                }

                i = end < 0 ? text.Length : end + 3;
            }
            else if (string.CompareOrdinal(text, lt, "<!", 0, 2) == 0 || string.CompareOrdinal(text, lt, "<?", 0, 2) == 0)
            {
                i = SkipDeclaration(text, lt);
            }
            else
            {
                var match = Tag().Match(text, lt);
                if (!match.Success || match.Index != lt)
                {
                    AddText(stack, "<");
                    i = lt + 1;
                    continue;
                }

                i = lt + match.Length;
                var name = match.Groups["name"].Value;
                if (match.Groups["end"].Success)
                {
                    Close(stack, name);
                }
                else
                {
                    Open(stack, name, match.Groups["attrs"].Value, match.Groups["self"].Success, ref root);
                }
            }
        }

        // Still open at the end: the document was cut short. A half-read item is dropped, the rest closed.
        foreach (var (element, _, _) in stack)
        {
            if (element.Name.LocalName is "item" or "entry" && element.Parent is not null)
            {
                element.Remove();
            }
        }

        return root;
    }

    private static void Open(List<(XElement, string, Dictionary<string, string>?)> stack, string rawName, string rawAttributes, bool selfClosing, ref XElement? root)
    {
        Dictionary<string, string>? declared = null;
        var attributes = new List<(string Name, string Value)>();
        foreach (Match a in Attribute().Matches(rawAttributes))
        {
            var attrName = a.Groups["name"].Value;
            var value = WebUtility.HtmlDecode(a.Groups["dq"].Success ? a.Groups["dq"].Value : a.Groups["sq"].Success ? a.Groups["sq"].Value : a.Groups["bare"].Value);
            if (attrName == "xmlns" || attrName.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                declared ??= new Dictionary<string, string>(StringComparer.Ordinal);
                declared[attrName == "xmlns" ? string.Empty : attrName[6..]] = value;
            }
            else
            {
                attributes.Add((attrName, value));
            }
        }

        stack.Add((null!, rawName, declared));
        XElement element;
        try
        {
            element = new XElement(Resolve(stack, rawName, isAttribute: false));
            foreach (var (attrName, value) in attributes)
            {
                element.SetAttributeValue(Resolve(stack, attrName, isAttribute: true), value);
            }
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException)
        {
            // A name that cannot be an XML name ("<3 items>"): keep it as text, as a reader would show it.
            stack.RemoveAt(stack.Count - 1);
            AddText(stack, "<" + rawName + rawAttributes + ">");
            return;
        }

        if (stack.Count > 1)
        {
            stack[^2].Item1.Add(element);
        }
        else
        {
            root ??= element;
        }

        if (selfClosing)
        {
            stack.RemoveAt(stack.Count - 1);
        }
        else
        {
            stack[^1] = (element, rawName, declared);
        }
    }

    private static void Close(List<(XElement, string RawName, Dictionary<string, string>?)> stack, string rawName)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].RawName == rawName)
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }
        }
    }

    private static XName Resolve(List<(XElement, string, Dictionary<string, string>? Namespaces)> stack, string rawName, bool isAttribute)
    {
        var colon = rawName.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : rawName[..colon];
        var local = XmlConvert.VerifyNCName(colon < 0 ? rawName : rawName[(colon + 1)..]);
        if (prefix.Length == 0 && isAttribute)
        {
            return XName.Get(local);
        }

        if (prefix == "xml")
        {
            return XName.Get(local, FeedNamespaces.Xml);
        }

        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Namespaces?.TryGetValue(prefix, out var uri) == true)
            {
                return XName.Get(local, uri);
            }
        }

        if (prefix.Length == 0)
        {
            return XName.Get(local);
        }

        return XName.Get(local, FeedNamespaces.WellKnownPrefixes.TryGetValue(prefix, out var known) ? known : "urn:x-undeclared:" + prefix);
    }

    private static void AddText(List<(XElement Element, string, Dictionary<string, string>?)> stack, string raw)
    {
        if (stack.Count > 0)
        {
            stack[^1].Element.Add(new XText(WebUtility.HtmlDecode(raw)));
        }
    }

    private static int Skip(string text, int start, string terminator)
    {
        var end = text.IndexOf(terminator, start + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    private static int SkipDeclaration(string text, int start)
    {
        // A DOCTYPE may carry an internal subset in brackets, which can itself contain '>'.
        var bracket = text.IndexOf('[', start);
        var close = text.IndexOf('>', start);
        if (bracket >= 0 && close >= 0 && bracket < close && text.AsSpan(start).StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            var subsetEnd = text.IndexOf("]>", bracket, StringComparison.Ordinal);
            return subsetEnd < 0 ? text.Length : subsetEnd + 2;
        }

        return close < 0 ? text.Length : close + 1;
    }

    [GeneratedRegex(@"<(?:(?<end>/)\s*(?<name>[^\s/>]+)\s*>|(?<name>[A-Za-z_][^\s/>]*)(?<attrs>(?:\s+[^>]*?)?)\s*(?<self>/)?>)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
