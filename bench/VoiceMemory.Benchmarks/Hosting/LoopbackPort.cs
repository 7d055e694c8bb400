using System.Net;
using System.Net.Sockets;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>A free TCP port on 127.0.0.1 (benchmarks only ever talk to loopback).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
