// The UI language: English or Chinese, chosen by the user (remembered in localStorage, which holds no secret) or
// taken from the browser. Elements carry data-i18n="key" (text) and data-i18n-attr="attr:key;attr:key".
import { languages, strings } from './strings.js';

const storageKey = 'voicememory.language';
const listeners = new Set();
let current = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem(storageKey);
  if (saved && saved in languages) return saved;
  return (navigator.languages ?? [navigator.language]).some((l) => /^zh\b/i.test(l)) ? 'zh' : 'en';
}

export function language() {
  return current;
}

/** The X-Locale sent with turns: en-US or zh-CN. */
export function apiLocale() {
  return languages[current].apiLocale;
}

export function has(key) {
  return key in strings[current];
}

/** The string for key in the current language, with {name} filled from values. */
export function t(key, values = {}) {
  // English singulars ("1 memory") are their own keys (key_one); Chinese has no plural forms.
  const chosen = values.n === 1 && `${key}_one` in strings[current] ? `${key}_one` : key;
  const template = strings[current][chosen] ?? strings.en[chosen] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

export function applyTranslations(root = document) {
  document.documentElement.lang = languages[current].htmlLang;
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute, t(key));
    }
  }
}

export function setLanguage(code) {
  if (!(code in languages) || code === current) return;
  current = code;
  localStorage.setItem(storageKey, code);
  applyTranslations();
  for (const listener of listeners) listener(code);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}
