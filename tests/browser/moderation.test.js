// Moderation in a real browser against the real binary: a demo reader comments in a
// pre-moderated section (Politics, in the demo) and is told it waits; a moderator logs in
// to the newsroom, lands on the queue, sees why it waits and approves it; a reader who
// had the article open sees it appear, and the cached page's count changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startServer, launchBrowser, binary } from './server.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

let server, browser;
before(async () => {
  server = await startServer({ articles: 40, env: { NEWSDESK_SECURE_COOKIES: 'false' } });
  browser = await launchBrowser();
  const made = spawnSync(binary(), [
    'user', 'add', '--data', server.data, '--email', 'moderator@example.com',
    '--name', 'Mo Derator', '--role', 'moderator',
  ], { input: 'moderator password\n', encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/// The count printed in the cached page's HTML (not the one the script keeps current).
async function cachedCount(page, path) {
  const html = await (await page.request.get(`${server.base}${path}`)).text();
  return html.match(/<p class="discussion__count"[^>]*>([^<]*)<\/p>/)?.[1];
}

test('a pre-moderated comment waits for a moderator, then appears for readers', async () => {
  // A politics story of the English edition.
  const reader = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await reader.goto(`${server.base}/en`);
  const politics = await reader.locator('nav.sections a', { hasText: 'Politics' }).first().getAttribute('href');
  await reader.goto(`${server.base}${politics}`);
  const article = await reader.$$eval('main .card__headline a', (as) => as.map((a) => a.getAttribute('href'))[0]);
  assert.ok(article, 'a politics story');
  const countBefore = await cachedCount(reader, article);

  // Someone else has the story open, logged out.
  const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await visitor.goto(`${server.base}${article}`);
  await visitor.locator('.discussion').first().scrollIntoViewIfNeeded();
  await visitor.locator('.discussion__list').first().waitFor({ state: 'attached' });

  // A demo reader logs in and comments; it waits.
  await reader.goto(`${server.base}/en/account/login?next=${encodeURIComponent(article)}`);
  await reader.fill('#f-email', 'reader1.en@example.com');
  await reader.fill('#f-password', 'demo reader password');
  await reader.click('.account__form button[type=submit]');
  await reader.waitForURL(`${server.base}${article}`);
  await reader.locator('.discussion').first().scrollIntoViewIfNeeded();
  const form = reader.locator('.discussion .comment-form').first();
  await form.waitFor();
  const text = `Pre-moderated view ${Date.now()}`;
  await form.locator('textarea').fill(text);
  await form.locator('button[type=submit]').click();
  await form.locator('.comment-form__status').getByText('once a moderator approves it').waitFor();
  assert.equal(await reader.locator('.discussion__list').first().getByText(text).count(), 0, 'not in the thread yet');

  // The moderator's newsroom is the queue.
  const mod = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await mod.goto(`${server.base}/admin/login`);
  await mod.fill('#email', 'moderator@example.com');
  await mod.fill('#password', 'moderator password');
  await mod.click('button[type=submit]');
  await mod.waitForURL(/\/admin\/comments/);
  assert.equal(await mod.locator('.mainnav a', { hasText: 'Articles' }).count(), 0, 'a moderator has no articles menu');
  const item = mod.locator('.queue-item', { hasText: text });
  await item.waitFor();
  assert.match(await item.locator('.reason').first().textContent(), /pre-moderated section/);
  await mod.screenshot({ path: `${SHOTS}moderation-queue-desktop.png`, fullPage: true });
  await item.locator('button', { hasText: 'Approve' }).click();
  await mod.locator('.notice').getByText('Approved').waitFor();
  assert.equal(await mod.locator('.queue-item', { hasText: text }).count(), 0, 'gone from the queue');
  const articles = await mod.goto(`${server.base}/admin/articles`);
  assert.equal(articles.status(), 403, 'and nothing else');

  // The open page shows it within a poll; the cached page's count follows the outbox.
  await visitor.locator('.discussion__list').first().getByText(text).waitFor({ timeout: 25000 });
  await visitor.locator('.discussion').first().screenshot({ path: `${SHOTS}moderation-approved-en-phone.png` });
  let countAfter = countBefore;
  for (let i = 0; i < 20 && countAfter === countBefore; i++) {
    await new Promise((r) => setTimeout(r, 500));
    countAfter = await cachedCount(reader, article);
  }
  assert.notEqual(countAfter, countBefore, `the cached page's count changed (${countBefore})`);
  await Promise.all([reader.close(), visitor.close(), mod.close()]);
});
