namespace VoiceMemory.Testing;

/// <summary>A readable stream that yields some bytes and then throws, like an upload cut off (or a disk giving up) midway.</summary>
public sealed class FailingStream(int bytesBeforeFailure, Exception failure) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= bytesBeforeFailure)
        {
            throw failure;
        }

        var n = Math.Min(count, bytesBeforeFailure - position);
        Array.Fill(buffer, (byte)'x', offset, n);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
