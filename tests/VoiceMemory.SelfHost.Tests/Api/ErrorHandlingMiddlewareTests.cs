using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceMemory.SelfHost.Api;

namespace VoiceMemory.SelfHost.Tests.Api;

/// <summary>
/// A full or read-only disk answers 507/503 problem+json, never 500. Found by the fault harness (diskfull): SQLite's
/// "database or disk is full" escaped as an unhandled error and a typed turn answered 500 internal_error.
/// </summary>
public sealed class ErrorHandlingMiddlewareTests
{
    [Theory]
    [InlineData(13, 507, "storage_full")]
    [InlineData(8, 503, "storage_unavailable")]
    [InlineData(14, 503, "storage_unavailable")]
    public async Task SqliteStorageFailure_AnswersStorageProblem(int sqliteCode, int status, string code)
    {
        var (actualStatus, mediaType, actualCode) = await InvokeAsync(new SqliteException("disk trouble", sqliteCode));

        Assert.Equal(status, actualStatus);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(code, actualCode);
    }

    [Fact]
    public async Task FileSystemFull_AnswersStorageFull()
    {
        // On Unix, .NET puts errno into HResult: 28 is ENOSPC.
        var (status, _, code) = await InvokeAsync(new IOException("No space left on device", 28));

        Assert.Equal(507, status);
        Assert.Equal("storage_full", code);
    }

    [Fact]
    public async Task AnyOtherFailure_IsStillInternalError()
    {
        var (status, _, code) = await InvokeAsync(new SqliteException("constraint", 19));

        Assert.Equal(500, status);
        Assert.Equal("internal_error", code);
    }

    private static async Task<(int Status, string? MediaType, string? Code)> InvokeAsync(Exception failure)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/v1/turns";
        context.Response.Body = new MemoryStream();
        var middleware = new ErrorHandlingMiddleware(_ => throw failure, NullLogger<ErrorHandlingMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        var mediaType = context.Response.ContentType?.Split(';')[0];
        return (context.Response.StatusCode, mediaType, document.RootElement.GetProperty("code").GetString());
    }
}
