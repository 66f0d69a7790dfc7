using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Monitor.Worker.Observability;

/// <summary>Registers the instruments (every host) and, for the worker, the OpenTelemetry SDK: Prometheus at
/// <c>/metrics</c>, OTLP when an endpoint is set, traces only when <c>Tracing</c> is on.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The instruments and gauges; recording without an exporter costs next to nothing.</summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<MonitorMetrics>();
        builder.Services.AddSingleton<StateGauges>();
        builder.Services.AddHealthChecks()
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        builder.Services.AddSingleton<MigrationsHealthCheck>();
        return builder;
    }

    /// <summary>The OpenTelemetry SDK with ASP.NET Core and HttpClient instrumentation (the worker's web host).</summary>
    public static IHostApplicationBuilder AddTelemetryExport(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var otlp = settings.OtlpEndpoint.Length > 0 ? new Uri(settings.OtlpEndpoint) : null;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName, serviceVersion: typeof(MonitorMetrics).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonitorMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (settings.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, otlp, settings.OtlpProtocol, "v1/metrics"));
                }
            });
        if (settings.Tracing && otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(MonitorTracing.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => Otlp(o, otlp, settings.OtlpProtocol, "v1/traces")));
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when Prometheus is on, and starts the database gauges.</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.Services.GetRequiredService<StateGauges>();
        app.MapGet("/health/sources", SourceHealthEndpoint.GetAsync);
        if (app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }

    private static void Otlp(OtlpExporterOptions options, Uri endpoint, OtlpTransport transport, string signalPath)
    {
        // With HTTP the SDK uses the endpoint as given: append the signal's path unless the address already has one.
        options.Protocol = transport == OtlpTransport.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = transport == OtlpTransport.HttpProtobuf && endpoint.AbsolutePath == "/" ? new Uri(endpoint, signalPath) : endpoint;
    }
}
