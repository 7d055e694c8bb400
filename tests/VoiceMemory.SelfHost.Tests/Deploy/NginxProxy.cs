using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>
/// deploy/nginx/voicememory.conf as nginx runs it, with only what a test machine must change: loopback ports instead of
/// 80/443, the server's port as the upstream, and a self-signed certificate in place of the real one.
/// </summary>
internal sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process? process;

    private NginxProxy(string folder, int httpPort, int httpsPort, Process? process)
    {
        Folder = folder;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        this.process = process;
    }

    public string Folder { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public string MainConfig => Path.Combine(Folder, "nginx.conf");

    /// <summary>Writes the configuration (and a certificate) for an upstream on <paramref name="upstreamPort"/>.</summary>
    public static async Task<NginxProxy> PrepareAsync(int upstreamPort) => await CreateAsync(upstreamPort, run: false);

    /// <summary>Prepares and starts nginx in the foreground; it is stopped on dispose.</summary>
    public static async Task<NginxProxy> StartAsync(int upstreamPort) => await CreateAsync(upstreamPort, run: true);

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private static async Task<NginxProxy> CreateAsync(int upstreamPort, bool run)
    {
        var folder = Directory.CreateTempSubdirectory("vm-nginx-").FullName;
        var (certificate, key) = (Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"));
        var created = await Tool.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost"]);
        Assert.True(created.ExitCode == 0, created.Output);

        var (httpPort, httpsPort) = (FreePort(), FreePort());
        var site = (await File.ReadAllTextAsync(Tool.DeployFile("nginx", "voicememory.conf")))
            .Replace("server 127.0.0.1:7071;", $"server 127.0.0.1:{upstreamPort};", StringComparison.Ordinal)
            .Replace("    listen 80;\n", $"    listen 127.0.0.1:{httpPort};\n", StringComparison.Ordinal)
            .Replace("    listen [::]:80;\n", string.Empty, StringComparison.Ordinal)
            .Replace("    listen 443 ssl http2;\n", $"    listen 127.0.0.1:{httpsPort} ssl http2;\n", StringComparison.Ordinal)
            .Replace("    listen [::]:443 ssl http2;\n", string.Empty, StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/voicememory.example.org/fullchain.pem", certificate, StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/voicememory.example.org/privkey.pem", key, StringComparison.Ordinal);
        Assert.DoesNotContain(":7071", site, StringComparison.Ordinal);
        Assert.DoesNotContain("letsencrypt", site, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "voicememory.conf"), site);
        // The main file stands in for Debian's /etc/nginx/nginx.conf: a foreground master, files under the test folder.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            worker_processes 1;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              include {{folder}}/voicememory.conf;
            }
            """);
        if (!run)
        {
            return new NginxProxy(folder, httpPort, httpsPort, null);
        }

        var start = new ProcessStartInfo(Tool.Executable("nginx")) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", Path.Combine(folder, "nginx.conf"), "-p", folder })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        var proxy = new NginxProxy(folder, httpPort, httpsPort, process);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            Assert.False(process.HasExited, "nginx exited: " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, httpsPort);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
