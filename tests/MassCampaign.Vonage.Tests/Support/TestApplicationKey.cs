using System.Security.Cryptography;

namespace MassCampaign.Vonage.Tests.Support;

/// <summary>A throwaway Vonage application key: the private key in a PEM file, as Vonage:PrivateKeyPath names it.</summary>
public sealed class TestApplicationKey : IDisposable
{
    public TestApplicationKey()
    {
        Rsa = RSA.Create(2048);
        PrivateKeyPath = Path.Combine(Path.GetTempPath(), $"mc-voice-key-{Guid.NewGuid():N}.pem");
        File.WriteAllText(PrivateKeyPath, Rsa.ExportRSAPrivateKeyPem());
    }

    public string ApplicationId { get; } = Guid.NewGuid().ToString();

    public string PrivateKeyPath { get; }

    public RSA Rsa { get; }

    public void Dispose()
    {
        File.Delete(PrivateKeyPath);
        Rsa.Dispose();
    }
}
