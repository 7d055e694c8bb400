// The stages of the turn in flight, as the status endpoint reports them.
import { byId, el } from './dom.js';
import { t } from './i18n.js';

/** Stage (status.stage) → its timing (status.timingsMs), in pipeline order. */
export const stages = [
  ['transcribing', 'transcribe'],
  ['screening', 'screen'],
  ['recalling', 'recall'],
  ['replying', 'reply'],
  ['speaking', 'speak'],
  ['remembering', 'remember'],
];

const stateLabel = { done: 'stageDone', active: 'stageActive', pending: 'stagePending', skipped: 'stageSkipped' };

export class Progress {
  #section = byId('progress');
  #list = byId('stages');
  #status = byId('progress-status');
  #last = null;
  #typed = false;

  /** Shows the list for a new turn; a typed turn has no transcribing stage. */
  begin({ typed, status = 'queued' }) {
    this.#typed = typed;
    this.#list.replaceChildren(...stages.map(([stage]) => el('li', { 'data-stage': stage, 'data-state': 'pending' },
      el('span', { class: 'dot', 'aria-hidden': 'true' }),
      el('span', { class: 'name' }),
      el('span', { class: 'state' }),
      el('span', { class: 'ms' }))));
    this.#section.hidden = false;
    this.update({ status, stage: null, timingsMs: {} });
  }

  update(body) {
    this.#last = body;
    const finished = body.status === 'completed' || body.status === 'failed';
    const current = stages.findIndex(([stage]) => stage === body.stage);
    stages.forEach(([stage, timing], index) => {
      const item = this.#list.querySelector(`[data-stage="${stage}"]`);
      const ms = body.timingsMs?.[timing];
      let state;
      if (this.#typed && stage === 'transcribing') state = 'skipped';
      else if (typeof ms === 'number') state = 'done';
      else if (finished) state = 'skipped';
      else if (current === -1) state = 'pending';
      else state = index < current ? 'done' : index === current ? 'active' : 'pending';
      item.dataset.state = state;
      if (state === 'active') item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
      item.querySelector('.name').textContent = t(`stage_${stage}`);
      item.querySelector('.state').textContent = t(stateLabel[state]);
      item.querySelector('.ms').textContent = typeof ms === 'number' ? t('ms', { n: ms }) : '';
    });
    this.#status.textContent = t(`status_${body.status}`);
    this.#section.dataset.status = body.status;
  }

  relabel() {
    if (this.#last) this.update(this.#last);
  }

  notice(text) {
    this.#status.textContent = text;
  }
}
