namespace MassCampaign.Host.Orleans;

/// <summary>
/// TLS between silos (configuration section <c>Orleans:Tls</c>). Off by default; when on, every silo presents
/// <see cref="CertificatePath"/> and accepts only peers presenting the same certificate or one of
/// <see cref="TrustedThumbprints"/>, so a process without the cluster's certificate can neither join nor talk to a silo.
/// </summary>
public sealed class SiloTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// The silo certificate with its private key: a PEM file (certificate and key, or the certificate alone with
    /// <see cref="KeyPath"/>) or a PKCS#12 (.pfx) file, opened with <see cref="CertificatePassword"/>.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> holds the certificate alone.</summary>
    public string? KeyPath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Thumbprints (SHA-1, hex) of other certificates a peer may present besides this silo's own: while the cluster's
    /// certificate is rotated, list the other one here.
    /// </summary>
    public List<string> TrustedThumbprints { get; set; } = [];
}
