using System.Collections;

namespace Monitor.Worker.Configuration;

/// <summary>
/// Settings given as files, the Docker-secrets convention: <c>Monitor__Smtp__Password_FILE=/run/secrets/smtp</c> sets
/// <c>Monitor:Smtp:Password</c> to the file's content (trailing line breaks removed). Only variables under
/// <c>ConnectionStrings__</c> and <c>Monitor__</c> are read (so <c>SSL_CERT_FILE</c> and the like are left alone). A file
/// that cannot be read, or a variable also given directly, stops start-up with one line that names the variable and
/// the path, never the content.
/// </summary>
public sealed class SecretFilesConfigurationSource : IConfigurationSource
{
    /// <summary>The largest secret file read.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The environment to read (the process environment by default; tests pass their own).</summary>
    public IDictionary? Environment { get; init; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new SecretFilesConfigurationProvider(Environment ?? System.Environment.GetEnvironmentVariables());
}
