// The crisis panel: the crisis reply, set apart from the chat, with every phone number in it as a tel: link (and an
// sms: link where the resource says it can be texted). The numbers come from the server's configured resource for
// the locale (VoiceMemory__Safety__CrisisResources__<locale>), so an operator's own resources work unchanged.
import { announce, byId, el } from './dom.js';
import { t } from './i18n.js';

// 3 to 15 digits, optionally grouped by spaces or dashes; not part of a longer word or number.
const phonePattern = /(?<![\w+])(\+?\d[\d -]{1,18}\d)(?![\w])/g;
const textWords = /\btext\b|\bsms\b|短信/i;

/** The numbers in a crisis message, each with whether its sentence says it can be texted. */
export function crisisNumbers(message) {
  const found = new Map();
  for (const sentence of message.split(/(?<=[.!?。！？；;])\s*/)) {
    for (const match of sentence.matchAll(phonePattern)) {
      const dial = match[1].replace(/[ -]/g, '');
      if (dial.replace('+', '').length < 3 || dial.length > 16) continue;
      const entry = found.get(dial) ?? { display: match[1].trim(), dial, text: false };
      entry.text ||= textWords.test(sentence);
      found.set(dial, entry);
    }
  }
  return [...found.values()];
}

/** tel: (and sms:) links for the numbers in a crisis message, as list items. */
export function crisisLinkItems(message) {
  const items = crisisNumbers(message).flatMap(({ display, dial, text }) => [
    el('li', {}, el('a', { class: 'call', href: `tel:${dial}`, text: t('crisisCall', { number: display }) })),
    text ? el('li', {}, el('a', { class: 'sms', href: `sms:${dial}`, text: t('crisisText', { number: display }) })) : null,
  ]).filter(Boolean);
  return items.length > 0 ? items : [el('li', { class: 'no-number', text: t('crisisNoNumber') })];
}

export class CrisisPanel {
  #panel = byId('crisis');
  #message = byId('crisis-message');
  #links = byId('crisis-links');
  #audio = byId('crisis-audio');
  #last = null;

  constructor() {
    byId('crisis-hide').addEventListener('click', () => this.hide());
  }

  show(replyText) {
    this.#last = replyText;
    this.#setAudio(null);
    this.#render();
    this.#panel.hidden = false;
    this.#panel.focus();
    this.#panel.scrollIntoView({ block: 'start' });
    announce(`${t('crisisTitle')} ${replyText}`, { assertive: true });
  }

  /** The spoken crisis reply (a blob: URL), played at once. */
  attachAudio(url) {
    this.#setAudio(url);
    this.#audio.play().catch(() => {});
  }

  hide() {
    this.#audio.pause();
    this.#panel.hidden = true;
    byId('talk-button').focus();
  }

  relabel() {
    if (this.#last !== null) this.#render();
  }

  clear() {
    this.#last = null;
    this.#setAudio(null);
    this.#panel.hidden = true;
  }

  #setAudio(url) {
    this.#audio.pause();
    if (this.#audio.src.startsWith('blob:')) URL.revokeObjectURL(this.#audio.src);
    if (url) this.#audio.src = url;
    else this.#audio.removeAttribute('src');
    this.#audio.hidden = !url;
  }

  #render() {
    this.#message.textContent = this.#last;
    this.#links.replaceChildren(...crisisLinkItems(this.#last));
  }
}
