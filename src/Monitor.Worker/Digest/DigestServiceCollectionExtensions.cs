namespace Monitor.Worker.Digest;

/// <summary>Registers digest composition and delivery.</summary>
public static class DigestServiceCollectionExtensions
{
    /// <summary>Adds the ledger, the sender and the runner.</summary>
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailTemplateProvider>();
        builder.Services.AddSingleton<DeliveryLedger>();
        builder.Services.AddSingleton<DigestSender>();
        builder.Services.AddSingleton<DigestRunner>();
        return builder;
    }
}
