using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddVoiceMemoryCore(builder.Configuration);
builder.Services.AddVoiceMemoryAzureStorage(builder.Configuration);
builder.Services.AddVoiceMemoryFunctionsHost(builder.Configuration);
builder.Services.AddVoiceMemoryFunctionsTelemetry(builder.Configuration);
builder.Build().Run();
