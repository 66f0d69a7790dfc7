using Monitor.Worker.Configuration;

namespace Monitor.Worker.Digest;

/// <summary>
/// The current mail templates. An edit to <c>config/templates/*.liquid</c> is picked up without a restart (checked at most
/// every few seconds when a mail is composed); an edit with problems is logged with file and line, and the last good
/// templates stay in use.
/// </summary>
public sealed class MailTemplateProvider
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly string _directory;
    private readonly ILogger<MailTemplateProvider> _logger;
    private readonly Lock _lock = new();
    private MailTemplates _current;
    private string _stamp;
    private DateTime _checkedAt;

    public MailTemplateProvider(ConfigPaths paths, ILogger<MailTemplateProvider> logger)
    {
        _directory = paths.Directory;
        _logger = logger;
        var (templates, problems) = MailTemplates.Load(_directory);
        _current = templates ?? throw new ConfigurationException(problems);
        _stamp = Stamp();
        _checkedAt = DateTime.UtcNow;
    }

    /// <summary>The templates to render with now.</summary>
    public MailTemplates Current
    {
        get
        {
            lock (_lock)
            {
                if (DateTime.UtcNow - _checkedAt < CheckEvery)
                {
                    return _current;
                }

                _checkedAt = DateTime.UtcNow;
                var stamp = Stamp();
                if (stamp == _stamp)
                {
                    return _current;
                }

                _stamp = stamp;
                var (templates, problems) = MailTemplates.Load(_directory);
                if (templates is null)
                {
                    _logger.LogError("Mail template edit rejected, the previous templates stay in use: {Problems}", string.Join("; ", problems));
                    return _current;
                }

                _logger.LogInformation("Mail templates reloaded from {Directory}", Path.Combine(_directory, MailTemplates.Folder));
                _current = templates;
                return _current;
            }
        }
    }

    private string Stamp()
    {
        var folder = Path.Combine(_directory, MailTemplates.Folder);
        return Directory.Exists(folder)
            ? string.Join('|', Directory.GetFiles(folder, "*.liquid").Order(StringComparer.Ordinal)
                .Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"))
            : "";
    }
}
