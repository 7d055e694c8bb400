// Debian's chromium, headless, driven by playwright-core (no Playwright browser download). Its fake capture device
// plays a WAV (once: "%noloop") into getUserMedia, so MediaRecorder records real speech.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { artifact } from './paths.mjs';

export const chromiumPath = process.env.VOICEMEMORY_CHROMIUM ?? '/usr/bin/chromium';

export async function openBrowser({ origin, wav = null, viewport = { width: 1280, height: 860 }, locale = 'en-US', colorScheme = 'light' } = {}) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'vm-web-chromium-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  ];
  if (wav) args.push(`--use-file-for-fake-audio-capture=${wav}%noloop`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath, headless: true, args, viewport, locale, colorScheme, acceptDownloads: true,
  });
  const page = context.pages()[0] ?? await context.newPage();

  // Everything the page does is recorded so each test can assert: no console errors (a CSP violation is one), no
  // uncaught exceptions, no request to any other origin.
  const problems = [];
  const foreignRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpectedHttpError(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
  });

  return {
    context,
    page,
    problems,
    foreignRequests,
    async screenshot(name) {
      await page.screenshot({ path: artifact(`${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Chromium logs every non-2xx fetch as a console error ("Failed to load resource: … 401"); the tests provoke some
// on purpose (a wrong key), so those lines are not problems. Everything else (CSP, script errors) is.
function isExpectedHttpError(text) {
  return /^Failed to load resource: the server responded with a status of (401|404|429)/.test(text);
}

/** Signs in through the form, as a keyboard user would (type the key, press Enter). */
export async function signIn(page, key) {
  await page.locator('#key').fill(key);
  await page.locator('#key').press('Enter');
  await page.locator('#app-view').waitFor({ state: 'visible' });
}

/** Starts recording which stage states the progress list shows, as they happen. */
export async function watchStages(page) {
  await page.evaluate(() => {
    window.stagesSeen = new Set();
    const list = document.getElementById('stages');
    const record = () => {
      for (const item of list.querySelectorAll('[data-stage]')) window.stagesSeen.add(`${item.dataset.stage}:${item.dataset.state}`);
    };
    new MutationObserver(record).observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

export const stagesSeen = (page) => page.evaluate(() => [...window.stagesSeen]);

/** Waits for the newest turn of this visit (history excluded) to finish; returns its locator. */
export async function lastTurnFinished(page, timeout = 120_000) {
  const turn = page.locator('#conversation > li.turn:not(.history)').last();
  await turn.and(page.locator('[data-status="completed"], [data-status="failed"]')).waitFor({ timeout });
  return turn;
}
