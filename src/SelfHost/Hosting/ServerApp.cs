using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Api.OpenApi;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Telemetry;

namespace VoiceMemory.SelfHost.Hosting;

/// <summary>Builds the HTTP server (default http://127.0.0.1:7071; <c>--urls</c> or ASPNETCORE_URLS override).</summary>
public static class ServerApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Exit code when the data root cannot be written at start-up (read-only, full, missing permissions).</summary>
    public const int StorageExitCode = 3;

    /// <summary>
    /// Runs the server until it is stopped. A data root that cannot be written at start-up (the database cannot be
    /// opened or migrated) ends the process with one clear line on stderr and <see cref="StorageExitCode"/>, rather
    /// than an unhandled-exception abort.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (OptionsValidationException invalid)
        {
            return await ConfigurationErrorAsync(invalid);
        }

        var dataRoot = Path.GetFullPath(app.Configuration[$"{SelfHostOptions.Section}:{nameof(SelfHostOptions.DataRoot)}"] ?? new SelfHostOptions().DataRoot);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException invalid)
        {
            return await ConfigurationErrorAsync(invalid);
        }
        catch (Exception error) when (StorageFailures.Translate(error, "the data root") is { } storage)
        {
            await Console.Error.WriteLineAsync($"error: {storage.Code}: {storage.Message} Data root: {dataRoot}");
            return StorageExitCode;
        }
    }

    /// <summary>
    /// Exit code of invalid settings: a restart cannot fix them, so the systemd unit does not restart on it
    /// (<c>RestartPreventExitStatus=2</c>).
    /// </summary>
    public const int ConfigurationExitCode = 2;

    private static async Task<int> ConfigurationErrorAsync(OptionsValidationException invalid)
    {
        await Console.Error.WriteLineAsync("error: invalid settings: " + string.Join(" ", invalid.Failures));
        return ConfigurationExitCode;
    }

    /// <summary>
    /// Log levels used unless configuration says otherwise (lowest precedence): ASP.NET Core's per-request
    /// Information lines (five per request: a status poll included) are Warning, as in the ASP.NET Core templates'
    /// production settings, so the log shows the server's own events. <c>Logging__LogLevel__Microsoft.AspNetCore</c>
    /// brings them back.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultLogLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Polly (Microsoft.Extensions.Http.Resilience) logs every attempt with a stack trace; the provider adapters and
        // the reply chain already log each failed call with its stable code, and the metrics count the retries.
        ["Logging:LogLevel:Polly"] = "Error",
    };

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultLogLevels });
        var apiUrls = builder.Configuration["urls"] is { Length: > 0 } urls ? urls
            : builder.Configuration["ASPNETCORE_URLS"] is { Length: > 0 } environmentUrls ? environmentUrls
            : DefaultUrl;
        var metrics = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.WebHost.UseUrls(MetricsEndpoint.ListenUrls(apiUrls, metrics));

        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.AddVoiceMemoryServer(builder.Configuration);
        builder.Services.Configure<HostOptions>(options =>
        {
            var runner = builder.Configuration.GetSection(RunnerOptions.Section).Get<RunnerOptions>() ?? new RunnerOptions();
            options.ShutdownTimeout = runner.ShutdownTimeout + TimeSpan.FromSeconds(10);
        });
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // The upload limit is enforced (with a clear problem) while reading; Kestrel's cap sits just above it.
            var limits = context.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
            kestrel.Limits.MaxRequestBodySize = limits.MaxAudioBytes + 1;
            kestrel.AddServerHeader = false;
        });

        var app = builder.Build();
        app.UseVoiceMemoryMetrics();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors();
        }

        app.UseBrowserClient();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapTurnEndpoints();
        app.MapMemoryEndpoints();
        app.MapVoiceMemoryOpenApi();
        return app;
    }
}
