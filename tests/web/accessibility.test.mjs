// axe-core (WCAG 2.1 A and AA rules: contrast, names, roles, landmarks…) on the client's main states, in light and
// dark schemes, English and Chinese. axe is evaluated through the DevTools protocol, so the page's CSP stays on.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { lastTurnFinished, openBrowser, signIn } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;

before(async () => {
  server = await startServer('accessibility');
});

after(async () => {
  await server?.stop();
});

async function violations(page, state) {
  await page.evaluate(`${axeSource};0`);
  const found = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }).then((result) => result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  }))));
  return found.map((v) => ({ state, ...v }));
}

for (const colorScheme of ['light', 'dark']) {
  test(`no WCAG 2.1 AA violations (${colorScheme}): sign-in, wrong key, conversation, crisis, erase dialog, Chinese`, { timeout: 180_000 }, async () => {
    const key = await server.addUser(`a11y-${colorScheme}`);
    const browser = await openBrowser({ origin: server.url, colorScheme });
    try {
      const { page } = browser;
      const found = [];
      await page.goto(server.url);
      found.push(...await violations(page, 'sign-in'));

      await page.locator('#key').fill('not-a-key');
      await page.locator('#key').press('Enter');
      await page.locator('#sign-in-error').filter({ hasText: /\S/ }).waitFor();
      found.push(...await violations(page, 'wrong key'));

      await signIn(page, key);
      await page.locator('#typed').fill('My name is Alice and I am allergic to peanuts.');
      await page.locator('#typed').press('Enter');
      await lastTurnFinished(page);
      await page.locator('#memory-list .fact').first().waitFor({ timeout: 15_000 });
      await page.locator('details.timings summary').first().click();
      found.push(...await violations(page, 'conversation'));

      await page.locator('#typed').fill('I want to kill myself.');
      await page.locator('#typed').press('Enter');
      await page.locator('#crisis').waitFor({ state: 'visible', timeout: 60_000 });
      found.push(...await violations(page, 'crisis'));

      await page.locator('#erase').click();
      await page.locator('#erase-what li', { hasText: /turn/ }).waitFor();
      found.push(...await violations(page, 'erase dialog'));
      await page.keyboard.press('Escape');

      await page.locator('#language').selectOption('zh');
      found.push(...await violations(page, 'Chinese'));

      assert.deepEqual(found, [], JSON.stringify(found, null, 2));
      assert.deepEqual(browser.problems, []);
    } finally {
      await browser.close();
    }
  });
}
