using System.Text;

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
                    current.Value.Rules.Add((field == "allow", value));
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
            var decoded = Uri.UnescapeDataString(pattern);
            if (Matches(path, decoded) && (decoded.Length > best || (decoded.Length == best && allow)))
            {
                best = decoded.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string path, string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = new StringBuilder("^");
        foreach (var c in body)
        {
            regex.Append(c == '*' ? ".*" : System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }

        if (anchored)
        {
            regex.Append('$');
        }

        return System.Text.RegularExpressions.Regex.IsMatch(path, regex.ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }
}
