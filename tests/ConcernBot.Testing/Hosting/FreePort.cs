using System.Net;
using System.Net.Sockets;

namespace ConcernBot.Testing;

public static class FreePort
{
    /// <summary>A loopback port nobody is using right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
