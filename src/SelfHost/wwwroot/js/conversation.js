// The conversation: what the user said or typed, the reply with where it came from, stage timings and the spoken
// reply. Crisis replies are not shown as a chat bubble (the crisis panel shows them).
import { byId, el } from './dom.js';
import { describeError } from './api.js';
import { t } from './i18n.js';
import { stages } from './progress.js';
import { crisisLinkItems } from './crisis.js';
import { fetchReplyAudio } from './turns.js';

const timingKeys = [...stages.map(([, timing]) => timing), 'total'];

export function isCrisis(body) {
  return body?.safety?.action === 'crisis_reply';
}

export class Conversation {
  #list = byId('conversation');
  #empty = byId('conversation-empty');
  #entries = [];

  /** Adds a turn in flight; returns its entry, to be passed to finish(). */
  add({ typed, text = null }) {
    const entry = { typed, text, body: null, error: null, audio: null, audioFailed: false, element: el('li', { class: 'turn', 'data-status': 'running' }) };
    this.#entries.push(entry);
    this.#list.append(entry.element);
    this.#empty.hidden = true;
    this.#render(entry);
    entry.element.scrollIntoView({ block: 'nearest' });
    return entry;
  }

  /** Shows earlier turns (newest first, as the API lists them) above everything else, oldest at the top. */
  showHistory(bodies) {
    const entries = bodies.slice().reverse().map((body) => ({
      // Typed turns skip transcription; their transcript is the text as typed.
      typed: body.timingsMs?.transcribe === null || body.timingsMs?.transcribe === undefined,
      text: body.transcript?.text ?? null,
      body,
      error: null,
      audio: null,
      audioFailed: false,
      history: true,
      element: el('li', { class: 'turn history', 'data-status': body.status }),
    }));
    if (entries.length === 0) return;
    for (const entry of entries) this.#render(entry);
    this.#entries.unshift(...entries);
    this.#list.prepend(...entries.map((entry) => entry.element));
    this.#empty.hidden = true;
  }

  finish(entry, body) {
    entry.body = body;
    this.#render(entry);
    entry.element.scrollIntoView({ block: 'nearest' });
  }

  fail(entry, error) {
    entry.error = error;
    this.#render(entry);
  }

  /** Attaches the spoken reply (a blob: URL) and plays it. */
  attachAudio(entry, url, { autoplay }) {
    entry.audio = el('audio', { class: 'reply-audio', controls: true, preload: 'auto', src: url });
    this.#render(entry);
    if (autoplay) {
      // Autoplay can still be refused (no recent user gesture); the controls stay there to play it by hand.
      entry.audio.play().catch(() => {});
    }
  }

  audioFailed(entry) {
    entry.audioFailed = true;
    this.#render(entry);
  }

  relabel() {
    for (const entry of this.#entries) this.#render(entry);
  }

  clear() {
    for (const entry of this.#entries) {
      if (entry.audio) {
        entry.audio.pause();
        URL.revokeObjectURL(entry.audio.src);
      }
    }
    this.#entries = [];
    this.#list.replaceChildren();
    this.#empty.hidden = false;
  }

  #render(entry) {
    const { body } = entry;
    const said = entry.typed ? entry.text : body?.transcript?.text;
    const children = [];
    if (said !== null && said !== undefined) {
      children.push(el('div', { class: 'bubble user' },
        el('p', { class: 'who', text: t(entry.typed ? 'youTyped' : 'youSaid') }),
        el('p', { class: 'text transcript', text: said || '…' })));
    } else if (!body && !entry.error) {
      children.push(el('div', { class: 'bubble user pending' },
        el('p', { class: 'who', text: t('youSaid') }),
        el('p', { class: 'text', text: t('transcribingPlaceholder') })));
    }

    entry.element.dataset.status = entry.error ? 'failed' : body?.status ?? 'running';
    if (entry.error || body?.status === 'failed') {
      const message = entry.error ? describeError(entry.error) : describeError(body.error);
      children.push(el('div', { class: 'bubble error', text: message }));
    } else if (body?.status === 'completed' && isCrisis(body) && entry.history) {
      children.push(el('div', { class: 'bubble crisis-note' },
        el('p', { class: 'text reply-text', text: body.reply?.text ?? '' }),
        el('ul', { class: 'crisis-links' }, ...crisisLinkItems(body.reply?.text ?? ''))));
    } else if (body?.status === 'completed' && isCrisis(body)) {
      children.push(el('div', { class: 'bubble crisis-note', text: t('crisisInline') }));
    } else if (body?.status === 'completed') {
      children.push(this.#reply(entry));
    }
    entry.element.replaceChildren(...children);
  }

  // Earlier turns fetch their spoken reply only when asked: signing in does not download every old reply.
  #playButton(entry) {
    const button = el('button', { type: 'button', class: 'play', text: t('playReply') });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        this.attachAudio(entry, await fetchReplyAudio(entry.body.replyAudio.url), { autoplay: true });
        entry.audio.focus();
      } catch {
        this.audioFailed(entry);
      }
    });
    return button;
  }

  #reply(entry) {
    const { body } = entry;
    const source = body.reply?.source ?? 'none';
    const text = body.reply?.text || t('noSpeech');
    const bubble = el('div', { class: 'bubble reply', 'data-source': source },
      el('p', { class: 'who' }, t('companion'), ' · ', el('span', { class: 'source', text: t(`source_${source}`) })),
      el('p', { class: 'text reply-text', text }));
    if (body.safety?.action === 'replaced') bubble.append(el('p', { class: 'note', text: t('replaced') }));
    if (entry.audio) {
      entry.audio.setAttribute('aria-label', t('replyAudio'));
      bubble.append(entry.audio);
    }
    if (entry.audioFailed) bubble.append(el('p', { class: 'note', text: t('audioFailed') }));
    if (!entry.audio && !entry.audioFailed && entry.history && body.replyAudio) bubble.append(this.#playButton(entry));
    const rows = timingKeys
      .filter((key) => typeof body.timingsMs?.[key] === 'number')
      .map((key) => el('div', { class: 'timing', 'data-timing': key },
        el('dt', { text: t(`timing_${key}`) }),
        el('dd', { text: t('ms', { n: body.timingsMs[key] }) })));
    if (rows.length > 0) {
      bubble.append(el('details', { class: 'timings' }, el('summary', { text: t('timings') }), el('dl', {}, ...rows)));
    }
    return bubble;
  }
}
