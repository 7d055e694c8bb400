// Talking to the self-host by voice in a real Chromium: the fake microphone plays a sentence flite spoke,
// MediaRecorder records it (WebM/Opus), the server transcribes it with pocketsphinx, replies, speaks and remembers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lastTurnFinished, openBrowser, signIn, stagesSeen, watchStages } from './support/browser.mjs';
import { startServer } from './support/server.mjs';
import { speak, wordErrors } from './support/speech.mjs';

// Sentences pocketsphinx (en-US) recognises reliably from flite's voice: the ones the demo and the integration tests use.
const introduction = 'My name is Alice and I am allergic to peanuts.';
const question = 'What am I allergic to?';

let server;
let key;

before(async () => {
  server = await startServer('voice');
  key = await server.addUser('alice');
});

after(async () => {
  await server?.stop();
});

/** Holds the talk button (mouse) or the space bar for the length of the sentence plus a margin, then releases. */
async function hold(page, seconds, { withKeyboard }) {
  const button = page.locator('#talk-button');
  if (withKeyboard) {
    await page.locator('#talk').focus();
    await page.keyboard.down('Space');
  } else {
    await button.hover();
    await page.mouse.down();
  }
  await page.locator('#talk-button[data-state="recording"]').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(seconds * 1000 + 800);
  if (withKeyboard) await page.keyboard.up('Space');
  else await page.mouse.up();
}

async function expectPlayableAudio(page, turn) {
  const audio = turn.locator('audio.reply-audio');
  await audio.waitFor({ state: 'attached', timeout: 30_000 });
  const state = await audio.evaluate(async (element) => {
    if (element.readyState < 1) await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
    // Autoplay: playback has started (or already ended) without any further click.
    const deadline = Date.now() + 5000;
    while (element.paused && !element.ended && element.currentTime === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return { src: element.src, duration: element.duration, error: element.error?.code ?? null, played: !element.paused || element.ended || element.currentTime > 0 };
  });
  assert.match(state.src, /^blob:/);
  assert.equal(state.error, null, 'the reply audio failed to decode');
  assert.ok(state.duration > 0.3, `reply audio duration ${state.duration}`);
  assert.ok(state.played, 'the spoken reply did not start playing by itself');
}

test('sign in, hold to talk, release: stages, transcript, reply with its source, timings, spoken reply', { timeout: 240_000 }, async () => {
  const speech = await speak(introduction, 'introduction');
  const browser = await openBrowser({ origin: server.url, wav: speech.wav });
  try {
    const { page } = browser;
    const response = await page.goto(server.url);
    assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
    await browser.screenshot('01-sign-in');
    await signIn(page, key);
    await watchStages(page);

    await hold(page, speech.seconds, { withKeyboard: false });
    await page.locator('#progress').waitFor({ state: 'visible' });
    // A screenshot with a stage in progress, when the poll catches one (the assertion on what was seen is below).
    await page.locator('#stages [data-state="active"]').waitFor({ timeout: 20_000 }).catch(() => {});
    await browser.screenshot('02-turn-in-progress');
    const turn = await lastTurnFinished(page);
    assert.equal(await turn.getAttribute('data-status'), 'completed', await turn.innerText());

    const seen = await stagesSeen(page);
    assert.ok(seen.some((s) => s.endsWith(':active')), `no stage was ever shown in progress: ${seen}`);
    for (const stage of ['transcribing', 'screening', 'replying', 'speaking']) {
      assert.equal(await page.locator(`#stages [data-stage="${stage}"]`).getAttribute('data-state'), 'done', stage);
    }

    const transcript = await turn.locator('.transcript').innerText();
    assert.ok(wordErrors(introduction, transcript) <= 1, `transcript "${transcript}" is more than one word off "${introduction}"`);
    const reply = turn.locator('.bubble.reply');
    assert.equal(await reply.getAttribute('data-source'), 'fallback');
    assert.match(await reply.locator('.source').innerText(), /fallback/i);
    assert.ok((await reply.locator('.reply-text').innerText()).length > 0);
    assert.ok(await reply.locator('.timing[data-timing="transcribe"] dd').count() === 1);
    assert.match(await reply.locator('.timing[data-timing="total"] dd').textContent(), /^\d+ ms$/);
    await expectPlayableAudio(page, turn);
    assert.match(await page.locator('#announcer').textContent(), /VoiceMemory replied:/);

    // What was learned shows in the memory panel.
    await page.locator('#memory-list .fact-text', { hasText: /peanut/i }).waitFor({ timeout: 15_000 });
    await reply.locator('details.timings summary').click();
    await browser.screenshot('03-reply');
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('a memory question asked by voice (space bar held) is answered with the remembered fact', { timeout: 240_000 }, async () => {
  const speech = await speak(question, 'question');
  const browser = await openBrowser({ origin: server.url, wav: speech.wav });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, key);
    // The earlier turn is there as history; its spoken reply is fetched only when asked for.
    const earlier = page.locator('#conversation > li.history').first();
    await earlier.waitFor();
    assert.match(await earlier.locator('.transcript').innerText(), /allergic/);
    assert.equal(await earlier.locator('audio').count(), 0);
    await hold(page, speech.seconds, { withKeyboard: true });
    const turn = await lastTurnFinished(page);
    assert.equal(await turn.getAttribute('data-status'), 'completed', await turn.innerText());
    const transcript = await turn.locator('.transcript').innerText();
    assert.ok(wordErrors(question, transcript) <= 1, `transcript "${transcript}" is more than one word off "${question}"`);
    assert.match(await turn.locator('.reply-text').innerText(), /peanut/i);
    await expectPlayableAudio(page, turn);
    await browser.screenshot('04-memory-answer');
    await earlier.locator('button.play').click();
    await expectPlayableAudio(page, earlier);
    assert.deepEqual(browser.problems, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test('search the memory panel and forget a memory', { timeout: 120_000 }, async () => {
  const browser = await openBrowser({ origin: server.url });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, key);
    await page.locator('#memory-q').fill('peanuts');
    await page.locator('#memory-q').press('Enter');
    await page.locator('#memory-summary').filter({ hasText: /match(es)? “peanuts”/ }).waitFor();
    const fact = page.locator('#memory-list .fact', { hasText: /peanut/i });
    await fact.waitFor();
    const factId = await fact.getAttribute('data-fact-id');

    await fact.locator('button.forget').click();
    await fact.waitFor({ state: 'detached' });
    assert.match(await page.locator('#announcer').textContent(), /Forgotten/);
    const remaining = await (await server.api(key, '/api/v1/memories?limit=200')).json();
    assert.ok(!remaining.items.some((item) => item.id === factId), 'the memory is still stored');
    assert.ok(!remaining.items.some((item) => /peanut/i.test(item.text)), 'a peanut memory is still stored');
    await browser.screenshot('05-memory-forgotten');
    assert.deepEqual(browser.problems, []);
  } finally {
    await browser.close();
  }
});
