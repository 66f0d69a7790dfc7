namespace Monitor.Worker.Extraction;

/// <summary>Chooses the page language: the declared tag unless the text plainly says otherwise.</summary>
internal static class LanguageResolver
{
    /// <summary>The primary subtag the page declares (JSON-LD, <c>&lt;html lang&gt;</c>, meta), lower case.</summary>
    public static string? Declared(PageMetadata meta)
        => Primary(meta.HtmlLang) ?? Primary(meta.JsonLd.Language) ?? Primary(meta.Get("content-language", "language", "dc.language", "og:locale"));

    /// <summary>Resolves the language from the declared tag and the extracted text.</summary>
    public static string? Resolve(string? declared, string text)
    {
        var detected = LanguageDetector.Detect(text);
        if (declared is null || detected is null)
        {
            return declared ?? detected;
        }

        if (LanguageDetector.Script(declared) != LanguageDetector.Script(detected))
        {
            return detected;
        }

        // Templates often keep the default "en" of a theme: trust a clear function-word verdict on a long text.
        return declared != detected && LanguageDetector.HasProfile(declared) && text.Length > 400 ? detected : declared;
    }

    private static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var s = tag.Trim();
        var end = s.IndexOfAny(['-', '_', ',', ';', ' ']);
        var primary = (end > 0 ? s[..end] : s).ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }
}
