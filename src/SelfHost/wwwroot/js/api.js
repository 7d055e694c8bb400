// The HTTP contract (README "The API"): bearer key, X-Locale, problem+json errors with a stable code.
import { apiLocale, has, t } from './i18n.js';
import { getKey } from './session.js';

/** A failed call: the problem's stable code ("network" when the server could not be reached). */
export class ApiError extends Error {
  constructor(status, code, detail, retryAfterSeconds) {
    super(detail || code);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let unauthorizedHandler = null;

/** Called when a signed-in call answers 401 (the key was erased or revoked). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); null when absent. */
export function retryAfterSeconds(response) {
  const value = response.headers.get('Retry-After');
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * fetch() with the caller's key and locale. Resolves to the Response when it is 2xx; otherwise throws an ApiError
 * carrying the problem's code. `key` overrides the stored key (used to check a key before keeping it).
 */
export async function request(path, { method = 'GET', body, headers = {}, key = getKey(), signal } = {}) {
  const all = { 'X-Locale': apiLocale(), ...headers };
  if (key) all.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(path, { method, body, headers: all, signal, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error.message, null);
  }
  if (response.ok) return response;
  let problem = {};
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    problem = await response.json().catch(() => ({}));
  }
  const error = new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? '', retryAfterSeconds(response));
  if (response.status === 401 && unauthorizedHandler && key === getKey()) unauthorizedHandler(error);
  throw error;
}

export async function getJson(path, options) {
  const response = await request(path, options);
  return { body: await response.json(), response };
}

/** A problem (or a failed turn's error code) in plain words of the current language. */
export function describeError(error) {
  if (error?.code === 'network') return t('errorNetwork');
  const code = error?.code ?? 'internal_error';
  if (has(`problem_${code}`)) {
    return t(`problem_${code}`, { seconds: error.retryAfterSeconds ?? 1 });
  }
  return t('errorGeneric', { code });
}
