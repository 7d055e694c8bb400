using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace VoiceMemory.SelfHost.Hosting;

/// <summary>
/// Serves the browser client (<c>wwwroot</c> beside the executable: plain HTML, CSS and ES modules) at <c>/</c>.
/// Every file carries a strict Content-Security-Policy: scripts, styles and requests only from this origin, no
/// inline script, media from this origin or from <c>blob:</c> URLs (the reply audio is fetched with the caller's key
/// and played from a blob), no framing.
/// </summary>
public static partial class BrowserClient
{
    /// <summary>The folder (under the executable's folder) the client is served from.</summary>
    public const string Folder = "wwwroot";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the static files of the client; without them (a trimmed deployment) it logs once and serves nothing.</summary>
    public static WebApplication UseBrowserClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, Folder);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            LogClientMissing(app.Logger, root);
            return app;
        }

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        var options = new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            EnableDefaultFiles = true,
            EnableDirectoryBrowsing = false,
        };
        options.StaticFileOptions.ContentTypeProvider = types;
        options.StaticFileOptions.OnPrepareResponse = context => AddHeaders(context.Context.Response.Headers);
        app.UseFileServer(options);
        return app;
    }

    private static void AddHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "microphone=(self), camera=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Revalidate every time (ETag / Last-Modified make that cheap) so an upgraded server never runs an old client.
        headers.CacheControl = "no-cache";
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "The browser client is not served: {Folder} holds no index.html")]
    private static partial void LogClientMissing(ILogger logger, string folder);
}
