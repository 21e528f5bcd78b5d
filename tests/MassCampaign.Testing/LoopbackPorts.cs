using System.Net;
using System.Net.Sockets;

namespace MassCampaign.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for hosts, silos and gateways started by tests.</summary>
public static class LoopbackPorts
{
    /// <summary>A port the OS just handed out and released; another process could take it first, but rarely does.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
