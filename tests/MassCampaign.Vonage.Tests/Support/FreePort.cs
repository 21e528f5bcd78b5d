using System.Net;
using System.Net.Sockets;

namespace MassCampaign.Vonage.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
