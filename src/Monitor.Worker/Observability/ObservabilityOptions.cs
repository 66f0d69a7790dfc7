namespace Monitor.Worker.Observability;

/// <summary>Metrics and traces. Section <c>Monitor:Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Monitor:Observability";

    /// <summary>Serve Prometheus metrics at <c>/metrics</c> on the worker's web address.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>OTLP collector address (e.g. <c>http://otel-collector:4317</c>); empty: no OTLP export. The standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables (headers, timeout) apply too.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>OTLP transport: <c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.Grpc;

    /// <summary>Export traces (crawl passes, each source's crawl, digest runs, HTTP in and out) by OTLP; off by default.</summary>
    public bool Tracing { get; set; }

    /// <summary>The service name on every metric and span.</summary>
    public string ServiceName { get; set; } = "monitor-worker";
}
