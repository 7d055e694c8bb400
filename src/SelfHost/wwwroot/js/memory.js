// The memory panel: what the companion remembers (newest first, or ranked by a search), and forgetting one fact.
import { describeError, getJson, request } from './api.js';
import { announce, byId, el, formatDate } from './dom.js';
import { languages } from './strings.js';
import { language, t } from './i18n.js';

const memoriesPath = '/api/v1/memories';

export class MemoryPanel {
  #list = byId('memory-list');
  #summary = byId('memory-summary');
  #error = byId('memory-error');
  #input = byId('memory-q');
  #clear = byId('memory-clear');
  #items = [];
  #query = '';
  #loading = null;

  constructor() {
    byId('memory-search').addEventListener('submit', (event) => {
      event.preventDefault();
      this.load(this.#input.value.trim());
    });
    this.#clear.addEventListener('click', () => {
      this.#input.value = '';
      this.load('');
      this.#input.focus();
    });
  }

  /** Loads the list (the current search when query is omitted). */
  async load(query = this.#query) {
    this.#query = query;
    const controller = new AbortController();
    this.#loading?.abort();
    this.#loading = controller;
    const path = query ? `${memoriesPath}?q=${encodeURIComponent(query)}&limit=50` : `${memoriesPath}?limit=200`;
    try {
      const { body } = await getJson(path, { signal: controller.signal });
      this.#items = body.items;
      this.#error.textContent = '';
      this.#render();
    } catch (error) {
      if (error.name !== 'AbortError') this.#error.textContent = describeError(error);
    }
  }

  relabel() {
    this.#render();
  }

  clear() {
    this.#items = [];
    this.#query = '';
    this.#input.value = '';
    this.#list.replaceChildren();
    this.#summary.textContent = '';
    this.#error.textContent = '';
  }

  #render() {
    const htmlLang = languages[language()].htmlLang;
    this.#clear.hidden = !this.#query;
    this.#list.replaceChildren(...this.#items.map((fact) => el('li', { class: 'fact', 'data-fact-id': fact.id },
      el('p', { class: 'fact-text', text: fact.text }),
      el('p', { class: 'fact-meta' },
        el('span', { class: 'kind', 'data-kind': fact.kind, text: t(`kind_${fact.kind}`) }),
        ' · ',
        el('time', { datetime: fact.createdAt, text: formatDate(fact.createdAt, htmlLang) })),
      this.#forgetButton(fact))));
    const n = this.#items.length;
    if (this.#query) {
      this.#summary.textContent = n === 0 ? t('memoryNoMatch', { q: this.#query }) : t('memoryResults', { n, q: this.#query });
    } else {
      this.#summary.textContent = n === 0 ? t('memoryEmpty') : t('memoryCount', { n });
    }
  }

  #forgetButton(fact) {
    const button = el('button', { type: 'button', class: 'forget', 'aria-label': t('forgetLabel', { text: fact.text }), text: t('forget') });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await request(`${memoriesPath}/${encodeURIComponent(fact.id)}`, { method: 'DELETE' });
        const index = this.#items.findIndex((item) => item.id === fact.id);
        this.#items = this.#items.filter((item) => item.id !== fact.id);
        this.#render();
        announce(t('forgotten', { text: fact.text }));
        // Keep keyboard focus in the list: on the next fact's button, or on the search box when the list is empty.
        const buttons = this.#list.querySelectorAll('button.forget');
        (buttons[Math.min(index, buttons.length - 1)] ?? this.#input).focus();
      } catch (error) {
        button.disabled = false;
        this.#error.textContent = describeError(error);
      }
    });
    return button;
  }
}
