using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MassCampaign.Host.Tests.Clustering;

/// <summary>
/// A self-signed silo certificate made for one test, written to a directory of its own as an operator would hand it
/// to the host: one PEM with certificate and key, the two PEM halves apart, and a password-protected PKCS#12.
/// </summary>
public sealed class SiloCertificate : IDisposable
{
    public const string PfxPassword = "silo-test-password";

    private readonly string _directory;

    private SiloCertificate(X509Certificate2 certificate, string directory)
    {
        Certificate = certificate;
        _directory = directory;
        PemPath = Write("silo.pem", certificate.ExportCertificatePem() + "\n" + PrivateKeyPem(certificate));
        CertificateOnlyPemPath = Write("silo.crt", certificate.ExportCertificatePem());
        KeyPemPath = Write("silo.key", PrivateKeyPem(certificate));
        PfxPath = Path.Combine(directory, "silo.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Certificate and private key in one PEM file.</summary>
    public string PemPath { get; }

    public string CertificateOnlyPemPath { get; }

    public string KeyPemPath { get; }

    public string PfxPath { get; }

    public static SiloCertificate Create(string subject = "masscampaign-silo")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        // Silos are TLS servers to the peers that dial them and clients to those they dial: both usages.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var directory = Directory.CreateTempSubdirectory("silo-tls-").FullName;
        return new SiloCertificate(certificate, directory);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string PrivateKeyPem(X509Certificate2 certificate) =>
        certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem();

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
