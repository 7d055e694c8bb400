namespace VoiceMemory.Infrastructure.Tests.Tools;

/// <summary>The tests that share one compilation of main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledInfrastructureCollection : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "compiled infrastructure";
}
