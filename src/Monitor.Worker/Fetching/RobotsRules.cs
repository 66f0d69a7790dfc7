namespace Monitor.Worker.Fetching;

/// <summary>
/// The rules of a robots.txt file for one user agent (RFC 9309): the most specific group that names the agent (or
/// <c>*</c>), and within it the longest matching Allow/Disallow path, Allow winning ties; <c>*</c> and a final
/// <c>$</c> are understood. Pure.
/// </summary>
public sealed class RobotsRules
{
    /// <summary>Rules that allow everything (no robots.txt, or one that says nothing to us).</summary>
    public static readonly RobotsRules AllowAll = new([]);

    private readonly IReadOnlyList<(bool Allow, string Pattern)> _rules;

    private RobotsRules(IReadOnlyList<(bool Allow, string Pattern)> rules) => _rules = rules;

    /// <summary>Parses <paramref name="text"/> for the agent whose product token is <paramref name="agentToken"/>.</summary>
    public static RobotsRules Parse(string text, string agentToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else if (field is "allow" or "disallow" && current is not null)
            {
                lastWasAgent = false;
                if (value.Length > 0)
                {
                    // Decoded once here, so matching is plain character comparison.
                    current.Value.Rules.Add((field == "allow", Uri.UnescapeDataString(value)));
                }
            }
            else
            {
                lastWasAgent = false;
            }
        }

        var token = agentToken.ToLowerInvariant();
        var named = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        var chosen = named.Count > 0 ? named : groups.Where(g => g.Agents.Contains("*")).ToList();
        return chosen.Count == 0 ? AllowAll : new RobotsRules(chosen.SelectMany(g => g.Rules).ToList());
    }

    /// <summary>True when <paramref name="url"/>'s path and query may be fetched.</summary>
    public bool IsAllowed(Uri url)
    {
        var path = Uri.UnescapeDataString(url.PathAndQuery);
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (pattern.Length >= best && Matches(path, pattern) && (pattern.Length > best || allow))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    // Glob match without regular expressions: '*' is any run of characters, a final '$' anchors the end. Greedy with
    // backtracking to the last '*', so linear in practice and never exponential.
    internal static bool Matches(string path, string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        int p = 0, b = 0, star = -1, resume = 0;
        while (p < path.Length)
        {
            if (b < body.Length && body[b] == '*')
            {
                star = b++;
                resume = p;
            }
            else if (b < body.Length && body[b] == path[p])
            {
                b++;
                p++;
            }
            else if (b == body.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                b = star + 1;
                p = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (b < body.Length && body[b] == '*')
        {
            b++;
        }

        return b == body.Length;
    }
}
