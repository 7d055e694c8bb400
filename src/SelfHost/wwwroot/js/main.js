// Wires the page: sign in, push to talk (or type), follow the turn, show the reply, memory and account panels.
import { ApiError, describeError, getJson, onUnauthorized, request } from './api.js';
import { Account } from './account.js';
import { Conversation, isCrisis } from './conversation.js';
import { CrisisPanel } from './crisis.js';
import { announce, byId } from './dom.js';
import { applyTranslations, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { MemoryPanel } from './memory.js';
import { Progress } from './progress.js';
import { Recorder, recordingSupported } from './recorder.js';
import { clearKey, getKey, setKey } from './session.js';
import { fetchReplyAudio, follow, submitAudio, submitText } from './turns.js';

// A press shorter than this is a tap: it starts listening until the next press (for people who cannot hold).
const tapMilliseconds = 300;
// Shorter recordings are almost always an accidental press; the server would answer "no speech".
const minRecordingMilliseconds = 400;

const views = { signIn: byId('sign-in-view'), app: byId('app-view') };
const signInForm = byId('sign-in-form');
const keyInput = byId('key');
const signInError = byId('sign-in-error');
const signOutButton = byId('sign-out');
const talkButton = byId('talk-button');
const talkLabel = byId('talk-label');
const talkStatus = byId('talk-status');
const typeForm = byId('type-form');
const typedInput = byId('typed');
const languageSelect = byId('language');

const conversation = new Conversation();
const progress = new Progress();
const crisis = new CrisisPanel();
const memory = new MemoryPanel();
const account = new Account({ onErased: (message) => signOut(message, { notice: true }) });
const recorder = new Recorder();

let busy = false;
let pressing = false;
let latched = false;
let pressStartedAt = 0;
let talkState = 'idle';
let turnController = null;

// ---- language ----
languageSelect.value = language();
languageSelect.addEventListener('change', () => setLanguage(languageSelect.value));
onLanguageChange(() => {
  setTalkState(talkState);
  progress.relabel();
  conversation.relabel();
  crisis.relabel();
  memory.relabel();
});
applyTranslations();

// ---- sign in / out ----
function showApp() {
  views.signIn.hidden = true;
  views.app.hidden = false;
  signOutButton.hidden = false;
  memory.load('');
  loadHistory();
  if (!recordingSupported()) setStatus(t(window.isSecureContext ? 'micUnsupported' : 'micInsecure'));
  talkButton.focus();
}

// The last few turns, so a returning user sees where the conversation was.
async function loadHistory() {
  try {
    const { body } = await getJson('/api/v1/turns?limit=10');
    conversation.showHistory(body.items.filter((turn) => turn.status === 'completed' || turn.status === 'failed'));
  } catch (error) {
    setStatus(describeError(error));
  }
}

/** Back to the sign-in form; message says why (an error, e.g. a revoked key, unless it is a notice). */
function signOut(message, { notice = false } = {}) {
  turnController?.abort();
  recorder.cancel();
  clearKey();
  conversation.clear();
  crisis.clear();
  memory.clear();
  byId('progress').hidden = true;
  byId('account-status').textContent = '';
  setStatus('');
  views.app.hidden = true;
  views.signIn.hidden = false;
  signOutButton.hidden = true;
  keyInput.value = '';
  signInError.textContent = notice ? '' : message ?? '';
  byId('sign-in-notice').textContent = notice ? message : '';
  announce(message ?? t('signedOut'));
  keyInput.focus();
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) {
    signInError.textContent = t('keyMissing');
    keyInput.focus();
    return;
  }
  signInError.textContent = '';
  byId('sign-in-notice').textContent = '';
  const submit = signInForm.querySelector('button[type="submit"]');
  submit.disabled = true;
  byId('sign-in-progress').textContent = t('signingIn');
  try {
    // The cheapest authenticated call: it answers 401 for a key the server does not know.
    await request('/api/v1/memories?limit=1', { key });
    setKey(key);
    keyInput.value = '';
    announce(t('signedIn'));
    showApp();
  } catch (error) {
    signInError.textContent = error instanceof ApiError && error.status === 401 ? t('keyWrong') : describeError(error);
    keyInput.select();
    keyInput.focus();
  } finally {
    submit.disabled = false;
    byId('sign-in-progress').textContent = '';
  }
});

signOutButton.addEventListener('click', () => signOut());
onUnauthorized(() => signOut(t('problem_unauthorized')));

// ---- push to talk ----
function setStatus(text, { alert = false } = {}) {
  talkStatus.textContent = text;
  if (text && alert) announce(text, { assertive: true });
}

function setTalkState(state) {
  talkState = state;
  talkButton.dataset.state = state;
  talkButton.setAttribute('aria-pressed', String(state === 'recording' || state === 'latched'));
  talkButton.setAttribute('aria-disabled', String(state === 'busy'));
  talkLabel.textContent = t({ recording: 'recording', latched: 'latched', starting: 'micStarting' }[state] ?? 'holdToTalk');
}

function micMessage(error) {
  if (error.kind === 'unsupported' && !window.isSecureContext) return t('micInsecure');
  return t({ denied: 'micDenied', missing: 'micMissing', unsupported: 'micUnsupported' }[error.kind] ?? 'micMissing');
}

async function pressStart() {
  if (busy) {
    setStatus(t('busy'));
    return;
  }
  if (latched) {
    latched = false;
    await finishRecording();
    return;
  }
  if (pressing || recorder.active) return;
  pressing = true;
  pressStartedAt = performance.now();
  setStatus('');
  setTalkState('starting');
  try {
    await recorder.start();
  } catch (error) {
    pressing = false;
    latched = false;
    setTalkState('idle');
    setStatus(micMessage(error), { alert: true });
    return;
  }
  if (pressing) setTalkState('recording');
  else if (latched) setTalkState('latched');
}

function pressEnd() {
  if (!pressing) return;
  pressing = false;
  if (performance.now() - pressStartedAt < tapMilliseconds) {
    latched = true;
    if (talkState !== 'starting') setTalkState('latched');
    return;
  }
  finishRecording();
}

// Enter on the button (and a tap) listens until the next press: talking without holding anything down.
async function toggleListening() {
  if (latched) {
    latched = false;
    await finishRecording();
    return;
  }
  if (busy) {
    setStatus(t('busy'));
    return;
  }
  if (pressing || recorder.active) return;
  latched = true;
  setStatus('');
  setTalkState('starting');
  try {
    await recorder.start();
  } catch (error) {
    latched = false;
    setTalkState('idle');
    setStatus(micMessage(error), { alert: true });
    return;
  }
  if (latched) setTalkState('latched');
}

async function finishRecording() {
  setTalkState('idle');
  const recording = await recorder.stop();
  if (!recording) return;
  if (recording.durationMs < minRecordingMilliseconds || recording.blob.size === 0) {
    setStatus(t('tooShort'), { alert: true });
    return;
  }
  await runTurn({ typed: false, blob: recording.blob });
}

talkButton.addEventListener('pointerdown', (event) => {
  if (event.button !== 0) return;
  event.preventDefault();
  talkButton.setPointerCapture(event.pointerId);
  talkButton.focus();
  pressStart();
});
talkButton.addEventListener('pointerup', pressEnd);
talkButton.addEventListener('pointercancel', pressEnd);
talkButton.addEventListener('contextmenu', (event) => event.preventDefault());

// Space held anywhere but a text field or another control talks; Enter on the button toggles listening.
const isSpaceTarget = (target) => target === talkButton || target === document.body || !target.closest('input, textarea, select, button, a, summary, dialog, [contenteditable]');
document.addEventListener('keydown', (event) => {
  if (views.app.hidden) return;
  if (event.code === 'Space' && isSpaceTarget(event.target)) {
    event.preventDefault();
    if (!event.repeat) pressStart();
  } else if (event.key === 'Enter' && event.target === talkButton) {
    event.preventDefault();
    if (!event.repeat) toggleListening();
  }
});
document.addEventListener('keyup', (event) => {
  if (event.code === 'Space' && isSpaceTarget(event.target)) {
    event.preventDefault();
    pressEnd();
  }
});
// A key or pointer released outside the window never reaches us: end the press rather than record forever.
window.addEventListener('blur', pressEnd);

// ---- typing ----
typeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = typedInput.value.trim();
  if (!text) {
    setStatus(t('problem_empty_text'));
    typedInput.focus();
    return;
  }
  if (busy) {
    setStatus(t('busy'));
    return;
  }
  typedInput.value = '';
  await runTurn({ typed: true, text });
  // Back to the text field for the next message, unless the crisis panel took focus.
  if (!byId('crisis').contains(document.activeElement)) typedInput.focus();
});

// ---- one turn ----
async function runTurn({ typed, text, blob }) {
  busy = true;
  turnController = new AbortController();
  const { signal } = turnController;
  setTalkState('busy');
  typeForm.querySelector('button').disabled = true;
  setStatus(t('sending'));
  const entry = conversation.add({ typed, text });
  progress.begin({ typed });
  const onRetry = () => progress.notice(t('connectionRetry'));
  try {
    const accepted = typed ? await submitText(text, { signal, onRetry }) : await submitAudio(blob, { signal, onRetry });
    setStatus('');
    progress.update({ status: accepted.status, stage: null, timingsMs: {} });
    const final = await follow(accepted.statusUrl, accepted.retryAfter, { signal, onRetry, onUpdate: (body) => progress.update(body) });
    conversation.finish(entry, final);
    // The reply carries the timings; the stage list stays only when something went wrong.
    if (final.status === 'completed') byId('progress').hidden = true;
    if (final.status === 'failed') {
      announce(t('announceFailed', { text: describeError(final.error) }), { assertive: true });
    } else if (isCrisis(final)) {
      crisis.show(final.reply.text);
    } else {
      announce(t('announceReply', { text: final.reply?.text || t('noSpeech') }));
    }
    if (final.replyAudio) {
      try {
        const url = await fetchReplyAudio(final.replyAudio.url, signal);
        if (isCrisis(final)) crisis.attachAudio(url);
        else conversation.attachAudio(entry, url, { autoplay: true });
      } catch (error) {
        if (error.name !== 'AbortError') conversation.audioFailed(entry);
      }
    }
    memory.load();
  } catch (error) {
    if (error.name === 'AbortError') return;
    conversation.fail(entry, error);
    progress.notice(describeError(error));
    setStatus(describeError(error), { alert: true });
  } finally {
    busy = false;
    typeForm.querySelector('button').disabled = false;
    if (talkState === 'busy') setTalkState('idle');
  }
}

// ---- start ----
setTalkState('idle');
if (getKey()) {
  request('/api/v1/memories?limit=1').then(showApp, (error) => {
    if (!(error instanceof ApiError && error.status === 401)) {
      showApp();
      setStatus(describeError(error));
    }
  });
} else {
  keyInput.focus();
}
