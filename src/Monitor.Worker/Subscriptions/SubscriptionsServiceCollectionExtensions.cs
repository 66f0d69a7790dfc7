using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Subscriptions;

/// <summary>Registers subscribers, link tokens and the subscription mails.</summary>
public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Adds the store, Data Protection (keys in the database, one application name for every replica), the
    /// tokens, links, mailer, service and the import of configured subscribers (after the migrator).</summary>
    public static IHostApplicationBuilder AddSubscriptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Data Protection resolves the context from a scope: each scope gets a short-lived context on the configured provider.
        builder.Services.AddScoped(sp => sp.GetRequiredService<MonitorDbContextFactory>().CreateDbContext());
        builder.Services.AddDataProtection().SetApplicationName("Monitor").PersistKeysToDbContext<MonitorDbContext>();

        builder.Services.AddSingleton<SubscriberStore>();
        builder.Services.TryAddSingleton<RequestCounter>();
        builder.Services.AddSingleton<SubscriptionTokens>();
        builder.Services.AddSingleton<SubscriptionLinks>();
        builder.Services.AddSingleton<SubscriptionMailer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubscriptionMailer>());
        builder.Services.AddSingleton<SubscriptionService>();
        builder.Services.AddSingleton<ConfiguredSubscriberImporter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConfiguredSubscriberImporter>());
        return builder;
    }
}
