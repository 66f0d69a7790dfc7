using System.Collections.Frozen;
using System.Globalization;
using Monitor.Worker.Classification;

namespace Monitor.Worker.Subscriptions;

/// <summary>English names of the country codes Monitor uses (ISO 3166-1 alpha-2, EU, INT).</summary>
public static class CountryNames
{
    private static readonly FrozenDictionary<string, string> Special = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CountryCodes.EuropeanUnion] = "European Union",
        [CountryCodes.International] = "International bodies",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every known code with its name, sorted by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = Build();

    /// <summary>The English name of <paramref name="code"/>, or the code itself.</summary>
    public static string Of(string code)
    {
        if (Special.TryGetValue(code, out var name))
        {
            return name;
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    private static List<(string Code, string Name)> Build()
    {
        var codes = new List<(string, string)>();
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                var code = $"{a}{b}";
                if (CountryCodes.IsKnown(code) && !Special.ContainsKey(code))
                {
                    codes.Add((code, Of(code)));
                }
            }
        }

        codes.Add((CountryCodes.EuropeanUnion, Of(CountryCodes.EuropeanUnion)));
        codes.Add((CountryCodes.International, Of(CountryCodes.International)));
        return codes.OrderBy(c => c.Item2, StringComparer.Ordinal).ToList();
    }
}
