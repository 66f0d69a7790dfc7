using Monitor.Worker.Crawling;
using Monitor.Worker.Observability;
using Monitor.Worker.Operations;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Configuration;

/// <summary>The operations sections: <c>Observability</c>, <c>Alerts</c>, <c>Retention</c>.</summary>
public static partial class SettingsValidator
{
    private static void CheckOperations(IConfiguration configuration, CrawlingOptions? crawling, Func<string, string> from, List<ConfigProblem> problems)
    {
        var observability = Bind<ObservabilityOptions>(configuration, ObservabilityOptions.SectionName, problems);
        var alerts = Bind<AlertOptions>(configuration, AlertOptions.SectionName, problems);
        var retention = Bind<RetentionOptions>(configuration, RetentionOptions.SectionName, problems);
        if (observability is not null)
        {
            var endpoint = observability.OtlpEndpoint;
            if (endpoint.Length > 0 && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                problems.Add(new ConfigProblem(from($"{ObservabilityOptions.SectionName}:OtlpEndpoint"), ObservabilityOptions.SectionName, "OtlpEndpoint",
                    $"'{endpoint}' is not an http(s) address such as http://otel-collector:4317"));
            }

            if (observability.Tracing && endpoint.Length == 0)
            {
                problems.Add(new ConfigProblem(from($"{ObservabilityOptions.SectionName}:Tracing"), ObservabilityOptions.SectionName, "Tracing",
                    "traces are exported by OTLP only: set OtlpEndpoint too"));
            }
        }

        if (alerts is not null)
        {
            for (var i = 0; i < alerts.Recipients.Count; i++)
            {
                if (SubscriberRules.CheckEmail(alerts.Recipients[i]) is { } problem)
                {
                    problems.Add(new ConfigProblem(from($"{AlertOptions.SectionName}:Recipients:{i}"), AlertOptions.SectionName, $"Recipients:{i}", problem));
                }
            }

            if (crawling is not null && alerts.AfterFailures > crawling.MaxConsecutiveFailures)
            {
                problems.Add(new ConfigProblem(from($"{AlertOptions.SectionName}:AfterFailures"), AlertOptions.SectionName, "AfterFailures",
                    $"{alerts.AfterFailures} is more than Crawling:MaxConsecutiveFailures ({crawling.MaxConsecutiveFailures}): the source would stop before anyone is told"));
            }
        }

        if (retention is not null)
        {
            CheckCron(retention.Schedule, RetentionOptions.SectionName, "Schedule", from, problems);
        }
    }
}
