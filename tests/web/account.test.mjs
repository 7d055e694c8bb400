// Signing in, a wrong key, a crisis typed, the Chinese UI, export and erasure, keyboard use and a phone-sized
// screen, in a real Chromium against a real self-host.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { lastTurnFinished, openBrowser, signIn } from './support/browser.mjs';
import { artifact } from './support/paths.mjs';
import { startServer } from './support/server.mjs';

let server;

before(async () => {
  server = await startServer('account');
});

after(async () => {
  await server?.stop();
});

async function type(page, text) {
  await page.locator('#typed').fill(text);
  await page.locator('#typed').press('Enter');
  return lastTurnFinished(page);
}

test('a wrong key gets a clear message; the right key is kept in sessionStorage only, never in the URL', { timeout: 120_000 }, async () => {
  const key = await server.addUser('carol');
  const browser = await openBrowser({ origin: server.url });
  try {
    const { page } = browser;
    const response = await page.goto(server.url);
    const headers = response.headers();
    assert.match(headers['content-security-policy'], /default-src 'none'/);
    assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline|unsafe-eval/);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'inline script in the page');

    await page.locator('#key').fill('vm_this_is_not_a_key');
    await page.locator('#key').press('Enter');
    await page.locator('#sign-in-error').filter({ hasText: /not accepted/ }).waitFor();
    assert.ok(await page.locator('#app-view').isHidden());
    assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.getItem('voicememory.key')?.length || 0), 0);
    await browser.screenshot('06-wrong-key');

    await signIn(page, key);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('voicememory.key')), key);
    assert.ok(!(await page.evaluate(() => JSON.stringify(localStorage))).includes(key), 'the key leaked into localStorage');
    assert.ok(!page.url().includes(key), 'the key is in the URL');
    // A reload keeps the session (same tab); signing out forgets the key.
    await page.reload();
    await page.locator('#app-view').waitFor({ state: 'visible' });
    await page.locator('#sign-out').click();
    await page.locator('#sign-in-view').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => sessionStorage.getItem('voicememory.key')), null);
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('a crisis sentence typed on a phone-sized screen shows the crisis panel with tel: links, not a chat bubble', { timeout: 120_000 }, async () => {
  const key = await server.addUser('dana');
  const browser = await openBrowser({ origin: server.url, viewport: { width: 390, height: 844 } });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, key);
    const turn = await type(page, 'I want to end my life.');
    assert.equal(await turn.getAttribute('data-status'), 'completed');
    const panel = page.locator('#crisis');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'crisis', 'the crisis panel did not take focus');
    assert.match(await panel.locator('#crisis-message').innerText(), /988/);
    assert.equal(await panel.locator('a[href="tel:988"]').count(), 1);
    assert.equal(await panel.locator('a[href="sms:988"]').count(), 1);
    assert.equal(await turn.locator('.bubble.reply').count(), 0, 'the crisis reply was shown as a chat bubble');
    assert.equal(await turn.locator('.bubble.crisis-note').count(), 1);
    await page.waitForFunction(() => document.getElementById('alert-announcer').textContent.includes('not alone'));
    await page.waitForFunction(() => {
      const audio = document.getElementById('crisis-audio');
      return !audio.hidden && audio.src.startsWith('blob:') && audio.readyState >= 1 && audio.duration > 0 && !audio.error;
    }, null, { timeout: 30_000 });
    // Nothing is wider than the phone's screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'horizontal scrolling on a phone');
    await browser.screenshot('07-crisis-phone');
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('Chinese: the UI, X-Locale zh-CN on turns, a Chinese crisis resource, and API problems in plain Chinese', { timeout: 120_000 }, async () => {
  const key = await server.addUser('xiaoming');
  const browser = await openBrowser({ origin: server.url });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator('#language').selectOption('zh');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal(await page.locator('#sign-in-title').innerText(), '登录');
    await page.locator('#key').fill('wrong');
    await page.locator('#key').press('Enter');
    await page.locator('#sign-in-error').filter({ hasText: '密钥未被接受' }).waitFor();
    await signIn(page, key);
    assert.equal(await page.locator('#talk-label').innerText(), '按住说话');

    const turn = await type(page, '我叫小明，我喜欢喝茶。');
    assert.equal(await turn.getAttribute('data-status'), 'completed');
    assert.match(await turn.locator('.reply-text').innerText(), /\p{Script=Han}/u);
    assert.match(await turn.locator('.source').innerText(), /备用/);
    const list = await (await server.api(key, '/api/v1/turns?limit=1')).json();
    assert.equal(list.items[0].locale, 'zh-CN');
    await page.locator('#memory-list .fact-text', { hasText: '小明' }).waitFor({ timeout: 15_000 });
    await browser.screenshot('08-chinese');

    const crisis = await type(page, '我不想活了');
    assert.equal(await crisis.getAttribute('data-status'), 'completed');
    await page.locator('#crisis').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#crisis-title').innerText(), '你不是一个人。现在就可以得到帮助。');
    for (const number of ['12356', '110', '120']) {
      assert.equal(await page.locator(`#crisis a[href="tel:${number}"]`).count(), 1, number);
    }

    // The key is erased behind the page's back: the next call's 401 problem is said in Chinese and signs out.
    assert.equal((await server.api(key, '/api/v1/me', { method: 'DELETE' })).status, 204);
    await page.locator('#memory-q').fill('茶');
    await page.locator('#memory-q').press('Enter');
    await page.locator('#sign-in-error').filter({ hasText: '你的密钥已不再有效' }).waitFor();
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('export everything as a file; erase me says what will be deleted, cancels safely, then erases', { timeout: 120_000 }, async () => {
  const key = await server.addUser('bob');
  const browser = await openBrowser({ origin: server.url });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, key);
    await type(page, 'My name is Bob and I love gardening.');
    await page.locator('#memory-list .fact').first().waitFor({ timeout: 15_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    assert.match(download.suggestedFilename(), /^voicememory-export-.*\.json$/);
    await download.saveAs(artifact('export.json'));
    const exported = JSON.parse(await readFile(artifact('export.json'), 'utf8'));
    assert.equal(exported.turns.length, 1);
    assert.ok(exported.facts.some((fact) => /Bob/.test(fact.text)), JSON.stringify(exported.facts));
    await page.locator('#account-status').filter({ hasText: 'saved as' }).waitFor();

    await page.locator('#erase').click();
    const dialog = page.locator('#erase-dialog');
    await dialog.locator('li', { hasText: '1 conversation turn (' }).waitFor();
    const what = await dialog.locator('#erase-what').innerText();
    assert.match(what, /\d+ memor(y|ies)/);
    assert.match(what, /recording/);
    assert.match(what, /key stops working/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'erase-cancel', 'Cancel is not the default');
    await browser.screenshot('09-erase-confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await server.api(key, '/api/v1/memories')).status, 200, 'cancelling erased something');

    await page.locator('#erase').click();
    await dialog.locator('li', { hasText: '1 conversation turn (' }).waitFor();
    await page.locator('#erase-confirm').click();
    await page.locator('#sign-in-notice').filter({ hasText: 'erased' }).waitFor();
    assert.equal((await server.api(key, '/api/v1/memories')).status, 401, 'the key still works after erasure');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('voicememory.key')), null);
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('keyboard only (dark scheme): sign in, Enter on the talk button starts and stops listening, visible focus', { timeout: 120_000 }, async () => {
  const key = await server.addUser('erin');
  const browser = await openBrowser({ origin: server.url, colorScheme: 'dark' });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await page.keyboard.type(key); // the key field has focus on arrival
    await page.keyboard.press('Enter');
    await page.locator('#app-view').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'talk-button');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'no visible focus on the talk button');

    await page.keyboard.press('Enter');
    await page.locator('#talk-button[data-state="latched"]').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('#talk-button').getAttribute('aria-pressed'), 'true');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Enter');
    // The fake device's tone is sent as a real recording; the turn runs to the end either way.
    await lastTurnFinished(page);

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'typed');
    await page.keyboard.type('I like tea.');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#conversation > li[data-status="completed"]').length >= 2, null, { timeout: 60_000 });
    assert.match(await page.locator('#announcer').textContent(), /VoiceMemory replied:/);
    await browser.screenshot('10-keyboard-dark');
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
  }
});

test('the client waits as long as Retry-After says (also on 429), retries a dropped connection, and resubmits with the same Idempotency-Key', { timeout: 120_000 }, async () => {
  const browser = await openBrowser({ origin: server.url });
  try {
    const { page } = browser;
    await page.goto(server.url);
    // The real modules, in the real page, with fetch scripted: the server cannot be made to answer 429 on cue.
    const result = await page.evaluate(async () => {
      const { follow, submitText } = await import('/js/turns.js');
      const json = (body, status, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
      const realFetch = window.fetch;
      try {
        const pollTimes = [];
        const polls = [
          () => json({ status: 'running', stage: 'transcribing', timingsMs: {} }, 200, { 'Retry-After': '2' }),
          () => json({ code: 'rate_limited', detail: 'slow down' }, 429, { 'Content-Type': 'application/problem+json', 'Retry-After': '3' }),
          () => { throw new TypeError('Failed to fetch'); },
          () => json({ status: 'completed', stage: null, timingsMs: { total: 5 } }, 200),
        ];
        window.fetch = async () => {
          pollTimes.push(performance.now());
          return polls[pollTimes.length - 1]();
        };
        const started = performance.now();
        const updates = [];
        let retries = 0;
        const final = await follow('/api/v1/turns/x', 1, { onUpdate: (body) => updates.push(body.status), onRetry: () => retries++ });
        const gaps = [pollTimes[0] - started, ...pollTimes.slice(1).map((time, i) => time - pollTimes[i])];

        const keys = [];
        window.fetch = async (url, init) => {
          keys.push(init.headers['Idempotency-Key']);
          if (keys.length === 1) throw new TypeError('Failed to fetch');
          return json({ turnId: 't', status: 'queued', statusUrl: '/api/v1/turns/t' }, 202, { 'Retry-After': '1' });
        };
        const accepted = await submitText('hello');
        return { final: final.status, updates, retries, gaps, keys, accepted: accepted.turnId, retryAfter: accepted.retryAfter };
      } finally {
        window.fetch = realFetch;
      }
    });
    assert.equal(result.final, 'completed');
    assert.deepEqual(result.updates, ['running', 'completed']);
    assert.equal(result.retries, 2);
    // Waits: 1 s (the 202's Retry-After), 2 s (the status's), 3 s (the 429's), 2 s (backoff after a dropped connection).
    [1000, 2000, 3000, 2000].forEach((expected, i) => assert.ok(result.gaps[i] >= expected - 50, `wait ${i}: ${result.gaps[i]} ms < ${expected} ms`));
    assert.equal(result.keys.length, 2);
    assert.equal(result.keys[0], result.keys[1], 'the retry used another Idempotency-Key');
    assert.equal(result.accepted, 't');
    assert.equal(result.retryAfter, 1);
  } finally {
    await browser.close();
  }
});
