namespace VoiceMemory.Tests.Audio;

/// <summary>Makes the test classes that use real audio share one set of generated samples.</summary>
[CollectionDefinition(Name)]
public sealed class AudioSamplesCollection : ICollectionFixture<AudioSamples>
{
    public const string Name = "Audio samples";
}
