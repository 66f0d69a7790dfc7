using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Removes what is never article text before scoring: scripts and media, navigation and sidebars, hidden elements,
/// and blocks whose class or id names them as furniture (comments, share bars, cookie banners, related links).
/// </summary>
internal static class DomCleaner
{
    /// <summary>Inline tags: their class names describe a word, not a block, so hints are not applied to them.</summary>
    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "time", "font", "mark", "cite", "q",
        "code", "s", "strike", "del", "ins", "var", "kbd", "bdi", "bdo", "wbr", "br",
    };

    /// <summary>Cleans <paramref name="root"/> in place.</summary>
    public static void Clean(IElement root)
    {
        var total = Math.Max(1, CountText(root));
        CleanChildren(root, total);
    }

    private static void CleanChildren(IElement parent, int total)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextElementSibling;
            if (ShouldRemove(child, total))
            {
                child.Remove();
            }
            else
            {
                CleanChildren(child, total);
            }

            child = next;
        }
    }

    private static bool ShouldRemove(IElement element, int total)
    {
        var name = element.LocalName;
        if (BoilerplateHints.JunkTags.Contains(name))
        {
            // A page that wraps everything in one <aside>/<footer> would lose its text: keep such giants.
            return !(name is "aside" or "footer" or "menu") || CountText(element) < total / 2;
        }

        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && BoilerplateHints.HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is not null && BoilerplateHints.JunkRoles.Contains(role))
        {
            return CountText(element) < total / 2;
        }

        if (name == "header")
        {
            return CountText(element) < total / 3;
        }

        if (InlineTags.Contains(name) || name is "body" or "html")
        {
            return false;
        }

        var hint = Hint(element);
        if (hint.Length == 0 || element.GetAttribute("itemprop") == "articleBody")
        {
            return false;
        }

        if (BoilerplateHints.StrongNegative().IsMatch(hint))
        {
            return CountText(element) < total * 7 / 10;
        }

        if (BoilerplateHints.WeakNegative().IsMatch(hint) && !BoilerplateHints.Positive().IsMatch(hint))
        {
            return CountText(element) < total * 3 / 10;
        }

        return false;
    }

    /// <summary>The class and id of an element, the words that hint at its role.</summary>
    internal static string Hint(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return cls ?? string.Empty;
        }

        return string.IsNullOrEmpty(cls) ? id : cls + " " + id;
    }

    /// <summary>Counts non-whitespace characters of the text below <paramref name="node"/>.</summary>
    internal static int CountText(INode node)
    {
        var count = 0;
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                count += TextStats.CountNonSpace(text.Data);
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style"))
            {
                count += CountText(element);
            }
        }

        return count;
    }
}
