namespace Monitor.Worker.Web;

/// <summary>The worker's HTTP endpoints. Section <c>Monitor:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Monitor:Web";

    /// <summary>Addresses Kestrel listens on (semicolon-separated); loopback by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";
}
