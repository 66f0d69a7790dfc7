using System.Text;

namespace Monitor.Worker.Documents;

/// <summary>The tree builder's stack of open elements, followed as the markup is read (see <see cref="NestingLimiter"/>).</summary>
internal static partial class NestingLimiter
{
    /// <summary>The open elements as the tree builder will have them, and the output when something was dropped.</summary>
    private sealed class State(string html, int maxDepth)
    {
        // Entries at index maxDepth and above were dropped (never written): they exist only to pair their end tags.
        private readonly List<string> _open = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private StringBuilder? _output;
        private readonly Stack<int> _markers = new();
        private int _copied;
        private int _foreign;
        private int _active;
        private int _reopened;

        // Formatting elements closed implicitly and left in the tree builder's list: it re-opens them in each new block.
        private readonly List<string> _leftOpen = [];

        public int StartTags { get; private set; }

        public void StartTag(string name, int start, int end, bool selfClosing)
        {
            if (VoidElements.Contains(name) || (selfClosing && _foreign > 0))
            {
                StartTags++;
                return;
            }

            if (_leftOpen.Count > 0 && ClosesParagraph.Contains(name))
            {
                _reopened += _leftOpen.Count;
                if (_reopened > ReopenBudget)
                {
                    // An end tag for an element that is no longer open takes it off the list: no more re-creations.
                    Insert(start, string.Concat(_leftOpen.Select(n => $"</{n}>")));
                    _active = Math.Max(0, _active - _leftOpen.Count);
                    _leftOpen.Clear();
                }
            }

            ImpliedEnd(name, start);
            if (_open.Count >= maxDepth)
            {
                Drop(start, end);
            }
            else
            {
                StartTags++;
                _active += Formatting.Contains(name) ? 1 : 0;
            }

            Push(name);
        }

        public void EndTag(string name, int start, int end)
        {
            if (_counts.GetValueOrDefault(name) == 0)
            {
                if (_leftOpen.Remove(name))
                {
                    _active = Math.Max(0, _active - 1);
                }

                // Nothing open by that name: the tree builder ignores it (or makes an empty element), so keep it.
                return;
            }

            var index = PopUntil(name, start);
            if (index >= maxDepth)
            {
                Drop(start, end);
            }
            else if (Formatting.Contains(name))
            {
                _active = Math.Max(0, _active - 1);
            }
        }

        /// <summary>Pops up to and including <paramref name="name"/>; returns its index. Formatting elements closed on
        /// the way get an explicit end tag (written at <paramref name="at"/>) once too many are left open.</summary>
        private int PopUntil(string name, int at)
        {
            while (true)
            {
                var index = _open.Count - 1;
                var popped = Pop();
                if (popped == name)
                {
                    return index;
                }

                if (index < maxDepth && Formatting.Contains(popped))
                {
                    if (_active > ActiveFormattingLimit || _reopened > ReopenBudget)
                    {
                        Insert(at, $"</{popped}>");
                        _active--;
                    }
                    else
                    {
                        _leftOpen.Add(popped);
                    }
                }
            }
        }

        public string Result()
        {
            if (_output is null)
            {
                return html;
            }

            _output.Append(html, _copied, html.Length - _copied);
            return _output.ToString();
        }

        private void ImpliedEnd(string name, int at)
        {
            if (_open.Count == 0)
            {
                return;
            }

            if (ClosesParagraph.Contains(name) && _counts.GetValueOrDefault("p") > 0 && OpenParagraph())
            {
                PopUntil("p", at);
                if (_open.Count == 0)
                {
                    return;
                }
            }

            var top = _open[^1];
            var closes = top switch
            {
                "li" => name == "li",
                "dd" or "dt" => name is "dd" or "dt",
                "option" => name is "option" or "optgroup",
                "td" or "th" => name is "td" or "th" or "tr",
                _ => false,
            };
            if (closes)
            {
                Pop();
                if (top is "td" or "th" && name == "tr" && _open.Count > 0 && _open[^1] == "tr")
                {
                    Pop();
                }
            }
        }

        /// <summary>True when a <c>p</c> is open near the top without a scope boundary above it (looked for in the
        /// top 64 entries only, so the check stays constant-time).</summary>
        private bool OpenParagraph()
        {
            for (var i = _open.Count - 1; i >= 0 && i >= _open.Count - 64; i--)
            {
                if (_open[i] == "p")
                {
                    return true;
                }

                if (ScopeBoundaries.Contains(_open[i]))
                {
                    return false;
                }
            }

            return false;
        }

        private void Push(string name)
        {
            if (Markers.Contains(name))
            {
                _markers.Push(_active);
                _active = 0;
            }

            _open.Add(name);
            _counts[name] = _counts.GetValueOrDefault(name) + 1;
            if (name is "svg" or "math")
            {
                _foreign++;
            }
        }

        private string Pop()
        {
            var name = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            _counts[name]--;
            if (name is "svg" or "math")
            {
                _foreign--;
            }

            if (Markers.Contains(name) && _markers.Count > 0)
            {
                _active = _markers.Pop();
            }

            return name;
        }

        private void Drop(int start, int end)
        {
            _output ??= new StringBuilder(html.Length);
            _output.Append(html, _copied, start - _copied);
            _copied = end;
        }

        private void Insert(int at, string text)
        {
            _output ??= new StringBuilder(html.Length);
            _output.Append(html, _copied, at - _copied).Append(text);
            _copied = at;
        }
    }
}
