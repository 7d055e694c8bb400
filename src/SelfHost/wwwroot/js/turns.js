// Submitting a turn and following it to the end, at the pace the server asks for (Retry-After).
import { ApiError, getJson, request, retryAfterSeconds } from './api.js';

const turnsPath = '/api/v1/turns';
const maxSubmitAttempts = 3;
const defaultPollSeconds = 1;
const maxWaitSeconds = 30;

const sleep = (seconds, signal) => new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, Math.min(seconds, maxWaitSeconds) * 1000);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(new DOMException('aborted', 'AbortError'));
  }, { once: true });
});

// The same Idempotency-Key on every attempt: a retry after a dropped connection never makes a second turn.
async function submit(body, contentType, { signal, onRetry } = {}) {
  const headers = { 'Content-Type': contentType, 'Idempotency-Key': crypto.randomUUID() };
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await request(turnsPath, { method: 'POST', body, headers, signal });
      const accepted = await response.json();
      return { ...accepted, retryAfter: retryAfterSeconds(response) ?? defaultPollSeconds };
    } catch (error) {
      const transient = error instanceof ApiError && (error.code === 'network' || error.status === 429 || error.status === 503);
      if (!transient || attempt >= maxSubmitAttempts) throw error;
      onRetry?.(error);
      await sleep(error.retryAfterSeconds ?? attempt, signal);
    }
  }
}

/** Sends a recording as is (its own Content-Type, e.g. audio/webm;codecs=opus). */
export function submitAudio(blob, options) {
  return submit(blob, blob.type || 'application/octet-stream', options);
}

export function submitText(text, options) {
  return submit(text, 'text/plain; charset=utf-8', options);
}

/**
 * Polls the status URL until the turn is completed or failed, waiting Retry-After seconds between polls (also after
 * a 429), and retrying a dropped connection. Calls onUpdate with every status body; resolves to the last one.
 */
export async function follow(statusUrl, firstWaitSeconds, { onUpdate, onRetry, signal } = {}) {
  let wait = firstWaitSeconds ?? defaultPollSeconds;
  for (let failures = 0; ;) {
    await sleep(wait, signal);
    try {
      const { body, response } = await getJson(statusUrl, { signal });
      failures = 0;
      onUpdate?.(body);
      if (body.status === 'completed' || body.status === 'failed') return body;
      wait = retryAfterSeconds(response) ?? defaultPollSeconds;
    } catch (error) {
      const transient = error instanceof ApiError && (error.code === 'network' || error.status === 429 || error.status >= 502);
      if (!transient || ++failures > 10) throw error;
      onRetry?.(error);
      wait = error.retryAfterSeconds ?? Math.min(2 ** failures, maxWaitSeconds);
    }
  }
}

/** The spoken reply as a blob: URL (the audio endpoint needs the key, which an <audio src> cannot send). */
export async function fetchReplyAudio(url, signal) {
  const response = await request(url, { signal });
  return URL.createObjectURL(await response.blob());
}
