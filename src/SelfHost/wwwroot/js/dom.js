// Small DOM helpers. Text is always set with textContent, never parsed as HTML.

/** el('p', { class: 'x', 'data-id': 1 }, 'text', child) */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export const byId = (id) => document.getElementById(id);

let announceSerial = 0;

/** Says text through a live region (polite by default; assertive for crisis and errors). */
export function announce(text, { assertive = false } = {}) {
  const region = byId(assertive ? 'alert-announcer' : 'announcer');
  // Clearing first and setting on the next frame makes screen readers announce a repeated text again.
  const serial = ++announceSerial;
  region.textContent = '';
  requestAnimationFrame(() => {
    if (serial === announceSerial || assertive) region.textContent = text;
  });
}

export function formatDate(iso, htmlLang) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(htmlLang, { dateStyle: 'medium', timeStyle: 'short' });
}
