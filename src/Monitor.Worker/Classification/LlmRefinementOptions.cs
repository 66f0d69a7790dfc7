using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Classification;

/// <summary>Optional second opinion from an OpenAI-compatible chat endpoint for items near the digest threshold.
/// Off by default; the local classifier's verdict stands whenever the endpoint is off, slow, over budget or unclear.</summary>
public sealed class LlmRefinementOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Monitor:Classification:Llm";

    /// <summary>Turns refinement on. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base address of the OpenAI-compatible API, e.g. <c>https://api.openai.com/v1</c> or a local server.</summary>
    [Url]
    public string? Endpoint { get; set; }

    /// <summary>Model name sent with each request.</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>API key; set it only through the environment (<c>Classification__Llm__ApiKey</c>), never in files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Only items whose local score is within this distance of the digest threshold are sent. Default 0.15.</summary>
    [Range(0.0, 1.0)]
    public double Band { get; set; } = 0.15;

    /// <summary>Maximum requests per UTC day; further items keep the local verdict. Default 500.</summary>
    [Range(0, 1_000_000)]
    public int DailyBudget { get; set; } = 500;

    /// <summary>Per-request timeout. Default 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Number of verdicts kept in memory, keyed by the item's text, so a re-crawl costs nothing. Default 5000.</summary>
    [Range(0, 1_000_000)]
    public int CacheSize { get; set; } = 5000;

    /// <summary>Characters of text sent per item. Default 4000.</summary>
    [Range(200, 50_000)]
    public int MaxTextChars { get; set; } = 4000;
}
