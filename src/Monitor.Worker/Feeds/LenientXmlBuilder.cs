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
    public static XElement? Build(string text, CancellationToken cancellationToken = default)
    {
        var open = new OpenElements();
        XElement? root = null;
        var i = 0;
        while (i < text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                open.AddText(text[i..]);
                break;
            }

            if (lt > i)
            {
                open.AddText(text[i..lt]);
            }

            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                i = Skip(text, lt, "-->");
            }
            else if (string.CompareOrdinal(text, lt, "<![CDATA[", 0, 9) == 0)
            {
                var end = text.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
                open.AddRawText(end < 0 ? text[(lt + 9)..] : text[(lt + 9)..end]);
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
                    open.AddText("<");
                    i = lt + 1;
                    continue;
                }

                i = lt + match.Length;
                var name = match.Groups["name"].Value;
                if (match.Groups["end"].Success)
                {
                    open.Close(name);
                }
                else
                {
                    Open(open, name, match.Groups["attrs"].Value, match.Groups["self"].Success, ref root);
                }
            }
        }

        // Still open at the end: the document was cut short. A half-read item is dropped, the rest closed.
        open.DropHalfReadItems();
        return root;
    }

    private static void Open(OpenElements open, string rawName, string rawAttributes, bool selfClosing, ref XElement? root)
    {
        if (open.Count >= FeedXmlLoader.MaxDepth)
        {
            // Deeper than any feed: flattened, its text goes to the deepest element kept.
            open.Flatten(rawName, selfClosing);
            return;
        }

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

        open.Declare(declared);
        XElement element;
        try
        {
            element = new XElement(open.Resolve(rawName, isAttribute: false));
            foreach (var (attrName, value) in attributes)
            {
                element.SetAttributeValue(open.Resolve(attrName, isAttribute: true), value);
            }
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException)
        {
            // A name that cannot be an XML name ("<3 items>"): keep it as text, as a reader would show it.
            open.Undeclare(declared);
            open.AddText("<" + rawName + rawAttributes + ">");
            return;
        }

        if (open.Count > 0)
        {
            open.Current!.Add(element);
        }
        else
        {
            root ??= element;
        }

        if (selfClosing)
        {
            open.Undeclare(declared);
        }
        else
        {
            open.Push(element, rawName, declared);
        }
    }

    /// <summary>
    /// The open elements, with what makes every step constant-time however deep the document: a count per name
    /// (so an end tag that matches nothing open is ignored without a scan) and the namespace prefixes in scope.
    /// </summary>
    private sealed class OpenElements
    {
        private readonly List<(XElement Element, string RawName, Dictionary<string, string>? Declared)> _stack = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _flattened = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stack<string>> _namespaces = new(StringComparer.Ordinal);

        public int Count => _stack.Count;

        public XElement? Current => _stack.Count == 0 ? null : _stack[^1].Element;

        public void AddText(string raw) => AddRawText(WebUtility.HtmlDecode(raw));

        public void AddRawText(string text) => Current?.Add(new XText(text));

        public void Push(XElement element, string rawName, Dictionary<string, string>? declared)
        {
            _stack.Add((element, rawName, declared));
            _counts[rawName] = _counts.GetValueOrDefault(rawName) + 1;
        }

        public void Flatten(string rawName, bool selfClosing)
        {
            if (!selfClosing)
            {
                _flattened[rawName] = _flattened.GetValueOrDefault(rawName) + 1;
            }
        }

        /// <summary>An end tag closes the nearest open element with its name and everything opened inside it.</summary>
        public void Close(string rawName)
        {
            if (_flattened.GetValueOrDefault(rawName) > 0)
            {
                _flattened[rawName]--;
                return;
            }

            if (_counts.GetValueOrDefault(rawName) == 0)
            {
                return;
            }

            while (true)
            {
                var (_, name, declared) = _stack[^1];
                _stack.RemoveAt(_stack.Count - 1);
                _counts[name]--;
                Undeclare(declared);
                if (name == rawName)
                {
                    return;
                }
            }
        }

        public void Declare(Dictionary<string, string>? declared)
        {
            foreach (var (prefix, uri) in declared ?? [])
            {
                if (!_namespaces.TryGetValue(prefix, out var uris))
                {
                    _namespaces[prefix] = uris = new Stack<string>();
                }

                uris.Push(uri);
            }
        }

        public void Undeclare(Dictionary<string, string>? declared)
        {
            foreach (var prefix in declared?.Keys ?? Enumerable.Empty<string>())
            {
                _namespaces[prefix].Pop();
            }
        }

        public XName Resolve(string rawName, bool isAttribute)
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

            if (_namespaces.TryGetValue(prefix, out var uris) && uris.Count > 0)
            {
                return XName.Get(local, uris.Peek());
            }

            if (prefix.Length == 0)
            {
                return XName.Get(local);
            }

            return XName.Get(local, FeedNamespaces.WellKnownPrefixes.TryGetValue(prefix, out var known) ? known : "urn:x-undeclared:" + prefix);
        }

        public void DropHalfReadItems()
        {
            foreach (var (element, _, _) in _stack)
            {
                if (element.Name.LocalName is "item" or "entry" && element.Parent is not null)
                {
                    element.Remove();
                }
            }
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
