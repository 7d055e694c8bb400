// Records from the microphone with MediaRecorder. The microphone is opened when recording starts and released when
// it stops, so the browser's "recording" indicator is only on while the user is talking. Whatever container the
// browser produces (WebM/Opus in Chromium and Firefox, MP4/AAC in Safari) is sent as is: the server reads it by its bytes.

export class MicrophoneError extends Error {
  constructor(kind, cause) {
    super(kind);
    this.kind = kind; // 'denied' | 'missing' | 'unsupported' | 'failed'
    this.cause = cause;
  }
}

export function recordingSupported() {
  return Boolean(navigator.mediaDevices?.getUserMedia && window.MediaRecorder);
}

export class Recorder {
  #stream = null;
  #recorder = null;
  #chunks = [];
  #startedAt = 0;
  #starting = null;

  get active() {
    return this.#starting !== null || this.#recorder !== null;
  }

  /** Opens the microphone and starts recording; rejects with a MicrophoneError. */
  start() {
    if (this.active) return this.#starting ?? Promise.resolve();
    this.#starting = this.#open().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  async #open() {
    if (!recordingSupported()) throw new MicrophoneError('unsupported');
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const kind = error.name === 'NotAllowedError' || error.name === 'SecurityError' ? 'denied'
        : error.name === 'NotFoundError' || error.name === 'OverconstrainedError' ? 'missing' : 'failed';
      throw new MicrophoneError(kind, error);
    }
    this.#chunks = [];
    try {
      this.#recorder = new MediaRecorder(this.#stream);
    } catch (error) {
      this.#release();
      throw new MicrophoneError('unsupported', error);
    }
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.#chunks.push(event.data);
    });
    this.#recorder.start(250);
    this.#startedAt = performance.now();
  }

  /** Stops recording; resolves to { blob, durationMs }, or null when nothing was being recorded. */
  async stop() {
    if (this.#starting) {
      try {
        await this.#starting;
      } catch {
        return null;
      }
    }
    const recorder = this.#recorder;
    if (!recorder) return null;
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    const durationMs = performance.now() - this.#startedAt;
    const type = recorder.mimeType || this.#chunks[0]?.type || 'application/octet-stream';
    const blob = new Blob(this.#chunks, { type });
    this.#recorder = null;
    this.#chunks = [];
    this.#release();
    return { blob, durationMs };
  }

  /** Stops and throws the recording away. */
  async cancel() {
    await this.stop();
  }

  #release() {
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
  }
}
