using System.Net;
using System.Net.Sockets;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>A free loopback port (the Durable test host otherwise picks a random one that may be taken).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
