using VoiceMemory.Api;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Api;

/// <summary><c>/api/health</c>: anonymous; the latest probe (or a fresh one); 503 when unhealthy. No secrets, no user data.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(TurnRoutes.Health, async (HealthProbe probe, CancellationToken cancellationToken) =>
        {
            var report = probe.Latest ?? await probe.RunAsync(cancellationToken);
            var body = new HealthBody(report.Status, report.CheckedAt, report.Checks);
            return Results.Json(body, ApiJson.Options, statusCode: report.Status == HealthState.Unhealthy ? 503 : 200);
        })
        .AllowAnonymous()
        .Produces<HealthBody>()
        .Produces<HealthBody>(StatusCodes.Status503ServiceUnavailable)
        .WithName("getHealth")
        .WithSummary("Health of the service and its dependencies (anonymous)")
        .WithDescription("healthy or degraded: 200; unhealthy: 503. No secrets and no user data.");
        return app;
    }
}

/// <summary>The health answer.</summary>
public sealed record HealthBody(HealthState Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, DependencyHealth> Checks);
