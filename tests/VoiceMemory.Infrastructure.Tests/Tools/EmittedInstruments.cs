using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Configuration;
using VoiceMemory.Llm;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Infrastructure.Tests.Tools;

/// <summary>
/// The instruments the code publishes on the <c>VoiceMemory</c> meter, observed with a <see cref="MeterListener"/>:
/// the static instruments of <see cref="VoiceMemoryTelemetry"/>, and whatever the LLM chain creates when the shared
/// core builds it the way both hosts do (the GenAI token-usage histogram, once the chat client is instrumented).
/// </summary>
internal static class EmittedInstruments
{
    private static readonly Lazy<IReadOnlySet<string>> Discovered = new(Discover);

    public static IReadOnlySet<string> Names => Discovered.Value;

    private static HashSet<string> Discover()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VoiceMemoryTelemetry.Name)
                {
                    lock (names)
                    {
                        names.Add(instrument.Name);
                    }
                }
            },
        };
        RuntimeHelpers.RunClassConstructor(typeof(VoiceMemoryTelemetry).TypeHandle);
        listener.Start();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VoiceMemory:Llm:Endpoint"] = "https://oai-test.openai.azure.com/openai/v1/",
                ["VoiceMemory:Llm:Model"] = "chat",
                ["VoiceMemory:Llm:ApiKey"] = "not-a-key",
            })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddVoiceMemoryCore(configuration);
        using (var provider = services.BuildServiceProvider())
        {
            _ = provider.GetRequiredService<ChatModelChain>();
        }

        lock (names)
        {
            return [.. names];
        }
    }
}
