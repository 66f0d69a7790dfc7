using System.Collections;
using Microsoft.Extensions.Configuration;
using Monitor.Worker.Configuration;

namespace Monitor.Tests.Config;

/// <summary>Which <c>*_FILE</c> variables become which settings (the four secrets the README names, and any other
/// setting), and the refusals.</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("monitor-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ConnectionStrings__Monitor_FILE", "ConnectionStrings:Monitor")]
    [InlineData("Monitor__Smtp__Password_FILE", "Monitor:Smtp:Password")]
    [InlineData("Monitor__Web__AdminToken_FILE", "Monitor:Web:AdminToken")]
    [InlineData("Monitor__Classification__Llm__ApiKey_FILE", "Monitor:Classification:Llm:ApiKey")]
    public void AFileVariableSetsItsSetting(string variable, string key)
    {
        var file = Write("s3cret\r\n");

        var configuration = Build(new Hashtable { [variable] = file });

        Assert.Equal("s3cret", configuration[key]);
        Assert.Equal($"file {variable} ({file})", SettingSources.Describe(configuration, key));
    }

    [Fact]
    public void OtherFileVariablesAreLeftAlone()
    {
        var configuration = Build(new Hashtable { ["SSL_CERT_FILE"] = "/etc/ssl/none.pem", ["DOTNET_GCHeapHardLimit_FILE"] = "/nope" });

        Assert.Empty(configuration.AsEnumerable());
    }

    [Theory]
    [InlineData(true, "Monitor__Smtp__Password_FILE: Monitor__Smtp__Password is set too: give the value one way")]
    [InlineData(false, "Monitor__Smtp__Password_FILE: cannot read '/no/such/file': file not found")]
    public void RefusesAmbiguousOrMissingFiles(bool alsoDirect, string message)
    {
        var environment = new Hashtable { ["Monitor__Smtp__Password_FILE"] = alsoDirect ? Write("x") : "/no/such/file" };
        if (alsoDirect)
        {
            environment["Monitor__Smtp__Password"] = "y";
        }

        var error = Assert.Throws<ConfigurationException>(() => Build(environment));

        Assert.Equal($"configuration problem: environment: {message}", error.Message);
    }

    [Fact]
    public void RefusesAFileTooLargeToBeASecret()
    {
        var file = Write(new string('x', SecretFilesConfigurationSource.MaxBytes + 1));

        var error = Assert.Throws<ConfigurationException>(() => Build(new Hashtable { ["Monitor__Smtp__Password_FILE"] = file }));

        Assert.Contains("is larger than 64 KB", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("n"));
        File.WriteAllText(path, content);
        return path;
    }

    private static IConfigurationRoot Build(IDictionary environment) =>
        new ConfigurationBuilder().Add(new SecretFilesConfigurationSource { Environment = environment }).Build();
}
