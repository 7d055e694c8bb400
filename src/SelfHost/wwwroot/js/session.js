// The API key lives in sessionStorage only: it is gone when the tab closes and never appears in a URL.
const storageKey = 'voicememory.key';

export function getKey() {
  return sessionStorage.getItem(storageKey);
}

export function setKey(key) {
  sessionStorage.setItem(storageKey, key);
}

export function clearKey() {
  sessionStorage.removeItem(storageKey);
}
