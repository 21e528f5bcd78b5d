using MassCampaign.Host.Orleans;
using Microsoft.Extensions.Configuration;

namespace MassCampaign.Host.Tests.Clustering;

/// <summary>How the silo's TLS certificate is read, and how a host told to use TLS without one refuses to start.</summary>
public sealed class SiloTlsCertificateTests : IDisposable
{
    private readonly SiloCertificate _silo = SiloCertificate.Create();

    [Fact]
    public void Tls_off_needs_no_certificate() => Assert.Null(SiloTls.LoadCertificate(new SiloTlsOptions()));

    [Fact]
    public void One_pem_file_with_certificate_and_key_is_read() =>
        AssertLoadsTheSiloCertificate(new SiloTlsOptions { Enabled = true, CertificatePath = _silo.PemPath });

    [Fact]
    public void A_pem_certificate_with_its_key_apart_is_read() =>
        AssertLoadsTheSiloCertificate(
            new SiloTlsOptions { Enabled = true, CertificatePath = _silo.CertificateOnlyPemPath, KeyPath = _silo.KeyPemPath });

    [Fact]
    public void A_pfx_is_opened_with_its_password() =>
        AssertLoadsTheSiloCertificate(
            new SiloTlsOptions { Enabled = true, CertificatePath = _silo.PfxPath, CertificatePassword = SiloCertificate.PfxPassword });

    [Fact]
    public void A_pfx_with_the_wrong_password_names_the_setting_to_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloTls.LoadCertificate(
            new SiloTlsOptions { Enabled = true, CertificatePath = _silo.PfxPath, CertificatePassword = "wrong" }));

        Assert.Contains("Orleans:Tls:CertificatePassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloTls.LoadCertificate(
            new SiloTlsOptions { Enabled = true, CertificatePath = _silo.CertificateOnlyPemPath }));

        Assert.Contains("Orleans:Tls:KeyPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_file_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pem");

        var error = Assert.Throws<InvalidOperationException>(() => SiloTls.LoadCertificate(
            new SiloTlsOptions { Enabled = true, CertificatePath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_with_tls_on_and_no_certificate_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MassCampaignHost.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LocalSettingsPath"] = "/nonexistent/local.settings.json",
                ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
                ["ConnectionStrings:Redis"] = "127.0.0.1:1",
                ["Orleans:Tls:Enabled"] = "true",
            })));

        Assert.Contains("Orleans:Tls:Enabled is true but Orleans:Tls:CertificatePath is not set", error.Message, StringComparison.Ordinal);
    }

    private void AssertLoadsTheSiloCertificate(SiloTlsOptions options)
    {
        using var certificate = SiloTls.LoadCertificate(options);

        Assert.Equal(_silo.Certificate.Thumbprint, certificate!.Thumbprint);
        Assert.True(certificate.HasPrivateKey);
    }

    public void Dispose() => _silo.Dispose();
}
