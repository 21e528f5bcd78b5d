using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace MassCampaign.Host.Orleans;

/// <summary>Mutual TLS on the silo-to-silo and gateway connections, as <see cref="SiloTlsOptions"/> configures it.</summary>
public static class SiloTls
{
    /// <summary>
    /// The silo's certificate when TLS is on, null when off. Read at start-up so that a host told to use TLS without a
    /// usable certificate refuses to start, saying which setting to fix, instead of joining the cluster in the clear.
    /// </summary>
    public static X509Certificate2? LoadCertificate(SiloTlsOptions options)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var path = options.CertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                "Orleans:Tls:Enabled is true but Orleans:Tls:CertificatePath is not set: give the silo certificate with its "
                + "private key (a PEM file, or a .pfx with Orleans:Tls:CertificatePassword), or set Orleans:Tls:Enabled to false.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Orleans:Tls:CertificatePath names {path}, which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path)
                ? X509Certificate2.CreateFromPemFile(path, string.IsNullOrWhiteSpace(options.KeyPath) ? null : options.KeyPath)
                : X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Orleans:Tls:CertificatePath {path} could not be read as a certificate with its private key ({e.Message}): "
                + "check the file, Orleans:Tls:KeyPath for a separate PEM key, or Orleans:Tls:CertificatePassword for a .pfx.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"The certificate in {path} has no private key: add it to the PEM file or name it with Orleans:Tls:KeyPath.");
        }

        return certificate;
    }

    /// <summary>Every silo connection, in and out, runs TLS and requires the peer's certificate.</summary>
    public static ISiloBuilder UseSiloTls(this ISiloBuilder silo, X509Certificate2 certificate, SiloTlsOptions options)
    {
        var trusted = options.TrustedThumbprints
            .Select(thumbprint => thumbprint.Replace(":", "", StringComparison.Ordinal).Trim())
            .Append(certificate.Thumbprint)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            // Peers are dialled by IP address, so names cannot be checked; the certificate itself is the credential.
            tls.RemoteCertificateValidation = (remote, _, _) => trusted.Contains(remote.Thumbprint);
        });
    }

    // PEM is text with armour lines (perhaps after openssl's "Bag Attributes"); anything else is taken for PKCS#12.
    private static bool IsPem(string path) => File.ReadAllText(path).Contains("-----BEGIN ", StringComparison.Ordinal);
}
