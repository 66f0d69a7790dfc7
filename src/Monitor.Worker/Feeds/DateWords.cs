using System.Collections.Frozen;

namespace Monitor.Worker.Feeds;

/// <summary>Meridiem markers and zone abbreviations known to <see cref="FeedDateParser"/> (month names are
/// <see cref="Extraction.MonthNames"/>, shared with page dates).</summary>
internal static class DateWords
{
    /// <summary>AM/PM markers, including the Japanese, Chinese and Korean ones.</summary>
    public static readonly FrozenDictionary<string, char> Meridiems = new Dictionary<string, char>
    {
        ["am"] = 'a', ["pm"] = 'p', ["午前"] = 'a', ["午後"] = 'p', ["上午"] = 'a', ["下午"] = 'p', ["오전"] = 'a', ["오후"] = 'p',
    }.ToFrozenDictionary();

    /// <summary>Zone abbreviations to UTC offsets in minutes. Ambiguous ones take their RFC 822 or most common meaning (CST = US Central, IST = India).</summary>
    public static readonly FrozenDictionary<string, int> Zones = BuildZones();

    private static FrozenDictionary<string, int> BuildZones()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["ut"] = 0, ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["wet"] = 0,
            ["west"] = 60, ["bst"] = 60, ["cet"] = 60, ["met"] = 60, ["mez"] = 60, ["wat"] = 60,
            ["cest"] = 120, ["mest"] = 120, ["mesz"] = 120, ["eet"] = 120, ["sast"] = 120, ["cat"] = 120,
            ["eest"] = 180, ["msk"] = 180, ["eat"] = 180, ["ast"] = -240, ["adt"] = -180,
            ["gst"] = 240, ["pkt"] = 300, ["ist"] = 330, ["npt"] = 345, ["ict"] = 420, ["wib"] = 420,
            ["hkt"] = 480, ["sgt"] = 480, ["awst"] = 480, ["pht"] = 480, ["jst"] = 540, ["kst"] = 540,
            ["acst"] = 570, ["acdt"] = 630, ["aest"] = 600, ["aedt"] = 660, ["nzst"] = 720, ["nzdt"] = 780,
            ["est"] = -300, ["edt"] = -240, ["et"] = -300, ["cst"] = -360, ["cdt"] = -300, ["ct"] = -360,
            ["mst"] = -420, ["mdt"] = -360, ["mt"] = -420, ["pst"] = -480, ["pdt"] = -420, ["pt"] = -480,
            ["akst"] = -540, ["akdt"] = -480, ["hst"] = -600, ["nst"] = -210, ["ndt"] = -150, ["brt"] = -180, ["art"] = -180,
        };

        // RFC 822 military zones, with the signs as RFC 822 wrote them (A = -1 ... M = -12, N = +1 ... Y = +12), as feedparser does.
        for (var c = 'a'; c <= 'y'; c++)
        {
            if (c == 'j')
            {
                continue;
            }

            var hours = c < 'j' ? c - 'a' + 1 : c <= 'm' ? c - 'a' : 0;
            map.TryAdd(c.ToString(), c <= 'm' ? -hours * 60 : (c - 'n' + 1) * 60);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
