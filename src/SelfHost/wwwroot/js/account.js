// Export everything held about the user as a file, and erase everything behind a confirmation that says what goes.
import { describeError, getJson, request } from './api.js';
import { announce, byId, el } from './dom.js';
import { t } from './i18n.js';

const exportPath = '/api/v1/me/export';
const mePath = '/api/v1/me';

function download(body) {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const file = `voicememory-export-${stamp}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  const link = el('a', { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}

export class Account {
  #status = byId('account-status');
  #dialog = byId('erase-dialog');
  #what = byId('erase-what');
  #confirm = byId('erase-confirm');
  #onErased;

  constructor({ onErased }) {
    this.#onErased = onErased;
    byId('export').addEventListener('click', () => this.export());
    byId('erase').addEventListener('click', () => this.openErase());
    byId('erase-cancel').addEventListener('click', () => this.#dialog.close());
    this.#confirm.addEventListener('click', () => this.erase());
  }

  async export() {
    this.#status.textContent = t('exporting');
    try {
      const { body } = await getJson(exportPath);
      const file = download(body);
      this.#status.textContent = t('exported', { file });
      announce(this.#status.textContent);
    } catch (error) {
      this.#status.textContent = describeError(error);
    }
  }

  async openErase() {
    this.#what.replaceChildren(el('li', { text: t('eraseCounting') }));
    this.#confirm.disabled = true;
    this.#dialog.showModal();
    // Cancel is focused first: the safe choice is the default for a keyboard user.
    byId('erase-cancel').focus();
    try {
      const { body } = await getJson(exportPath);
      this.#what.replaceChildren(
        el('li', { text: t('eraseTurns', { n: body.turns.length }) }),
        el('li', { text: t('eraseFacts', { n: body.facts.length }) }),
        el('li', { text: t('eraseJournal', { n: body.journal.length }) }),
        el('li', { text: t('eraseAudio') }),
        el('li', { text: t('eraseAccount') }));
    } catch (error) {
      // Erasure is still possible when counting fails; the list then says what kinds of data go.
      this.#what.replaceChildren(
        el('li', { class: 'error', text: describeError(error) }),
        el('li', { text: t('eraseAudio') }),
        el('li', { text: t('eraseAccount') }));
    }
    this.#confirm.disabled = false;
  }

  async erase() {
    this.#confirm.disabled = true;
    try {
      await request(mePath, { method: 'DELETE' });
      this.#dialog.close();
      this.#onErased(t('erased'));
    } catch (error) {
      this.#what.prepend(el('li', { class: 'error', text: describeError(error) }));
      this.#confirm.disabled = false;
    }
  }
}
