using System.Text;
using AngleSharp.Dom;

namespace Monitor.Worker.Listings;

/// <summary>The start of an element's text, read without building all of it: a block's date sits in its first lines.</summary>
internal static class ElementText
{
    /// <summary>How much of a block's text is searched for its date.</summary>
    public const int DateTextLength = 2000;

    /// <summary>The first <paramref name="maxChars"/> characters of <paramref name="element"/>'s text content, in document order.</summary>
    public static string Head(IElement element, int maxChars)
    {
        var text = new StringBuilder();
        var pending = new Stack<(INodeList Nodes, int Index)>();
        pending.Push((element.ChildNodes, 0));
        while (pending.Count > 0 && text.Length < maxChars)
        {
            var (nodes, index) = pending.Pop();
            if (index >= nodes.Length)
            {
                continue;
            }

            pending.Push((nodes, index + 1));
            var node = nodes[index];
            if (node is IText t)
            {
                text.Append(t.Data, 0, Math.Min(t.Data.Length, maxChars - text.Length));
            }
            else if (node.HasChildNodes)
            {
                pending.Push((node.ChildNodes, 0));
            }
        }

        return text.ToString();
    }
}
