using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MassCampaign.Host.Tests.Lifecycle;
using MassCampaign.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Xunit.Abstractions;

namespace MassCampaign.Host.Tests.Clustering;

/// <summary>
/// TLS between silos, switched on in configuration: two hosts sharing the cluster's certificate form one cluster over
/// Redis and run a campaign between them; the silo port speaks TLS only to a peer presenting that certificate; and a
/// host with TLS on cannot join a cluster whose silo runs in the clear.
/// </summary>
public sealed class SiloTlsClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly SiloCertificate _silo = SiloCertificate.Create();

    [Fact]
    public async Task Two_hosts_with_tls_form_one_cluster_and_finish_a_campaign_between_them()
    {
        await using var pair = await ClusterPair.StartAsync(Clustered(tls: true));
        Assert.Equal(2, await pair.ActiveSilosAsync());

        await pair.RunCampaignAcrossAsync(recipients: 20);

        Assert.Equal(_silo.Certificate.Thumbprint, await HandshakeAsync(SiloEndpoint(pair.First), _silo.Certificate));
        Assert.Equal(_silo.Certificate.Thumbprint, await HandshakeAsync(SiloEndpoint(pair.Second), _silo.Certificate));
    }

    [Fact]
    public async Task The_silo_port_refuses_a_peer_without_the_cluster_certificate()
    {
        await using var host = await LifecycleHost.StartAsync(Clustered(tls: true));
        using var stranger = SiloCertificate.Create("stranger");

        Assert.Equal(_silo.Certificate.Thumbprint, await HandshakeAsync(SiloEndpoint(host), _silo.Certificate));
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(SiloEndpoint(host), stranger.Certificate));
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(SiloEndpoint(host), clientCertificate: null));
    }

    [Fact]
    public async Task A_host_with_tls_cannot_join_a_cluster_whose_silo_runs_in_the_clear()
    {
        var plain = Clustered(tls: false);
        await using var first = await LifecycleHost.StartAsync(plain);
        // A TLS silo speaks nothing a clear one understands: the plain silo's port does not answer a TLS handshake.
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync(SiloEndpoint(first), _silo.Certificate));

        var joining = new Dictionary<string, string?>(Clustered(tls: true))
        {
            ["Orleans:ClusterId"] = plain["Orleans:ClusterId"],
            ["Orleans:ServiceId"] = plain["Orleans:ServiceId"],
            ["Vonage:BaseUrl"] = first.Simulator.BaseAddress.AbsoluteUri,
            ["Vonage:ApiKey"] = first.Simulator.ApiKey,
            ["Vonage:ApiSecret"] = first.Simulator.ApiSecret,
        };
        // Orleans gives a joining silo five minutes to reach every active one by default; a few seconds prove the point.
        var failed = await Assert.ThrowsAsync<OrleansClusterConnectivityCheckFailedException>(() => RunningHost.StartAsync(
            joining, services => services.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(10))));

        output.WriteLine($"The joining host failed: {failed.Message}");
        Assert.Single(await ClusterPair.Grains(first).GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true));
    }

    private Dictionary<string, string?> Clustered(bool tls)
    {
        var cluster = "tls-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["Orleans:ClusterId"] = cluster,
            ["Orleans:ServiceId"] = cluster,
            ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        };
        if (tls)
        {
            settings["Orleans:Tls:Enabled"] = "true";
            settings["Orleans:Tls:CertificatePath"] = _silo.PemPath;
        }

        return settings;
    }

    /// <summary>
    /// Opens a TLS connection to the silo port as a peer silo would, presenting <paramref name="clientCertificate"/>;
    /// returns the thumbprint of the certificate the silo presented once the silo has kept the connection open for a
    /// moment. A silo that refuses the peer's certificate closes the connection right after the handshake, which the
    /// read then reports; one that accepts waits for the peer to speak.
    /// </summary>
    private static async Task<string> HandshakeAsync(IPEndPoint silo, X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(silo);
        await using var tls = new SslStream(tcp.GetStream());
        string? presented = null;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "masscampaign-silo",
                    ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        presented = certificate?.GetCertHashString();
                        return true;
                    },
                },
                timeout.Token);
        }

        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            if (await tls.ReadAsync(new byte[1], quiet.Token) == 0)
            {
                throw new AuthenticationException("The silo closed the connection after the handshake.");
            }
        }
        catch (OperationCanceledException) when (quiet.IsCancellationRequested)
        {
            // Still open and waiting for a peer's first message: accepted.
        }

        return presented ?? throw new AuthenticationException("The silo presented no certificate.");
    }

    private static IPEndPoint SiloEndpoint(LifecycleHost host) =>
        host.Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint;

    public void Dispose() => _silo.Dispose();
}
