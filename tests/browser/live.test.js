// The live parts across two instances: two `newsdesk serve` processes on one PostgreSQL
// database and the NATS bus. A reader writes in an article's chat on one instance and an
// anonymous reader on the other sees it; a newsfeed item published through the Admin API
// on one reaches an open page on the other; the second instance goes away for ten seconds
// and the page catches up with what it missed once it is back. Screenshots of the chat
// panel on a phone and a desktop, in English and Arabic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, binary } from './server.js';
import { freshPostgresUrl } from './pg.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const NATS = process.env.NEWSDESK_TEST_NATS_URL;
const PG = process.env.NEWSDESK_TEST_DATABASE_URL;
const skip = (!PG || !NATS) && process.env.CI !== 'true';
const READER = { email: 'reader1.en@example.com', password: 'demo reader password' };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/// One `newsdesk serve` on the shared database and bus. server.js's startServer always
/// seeds (--demo) and always listens on a free port; the second instance must do neither
/// (it comes back on the port the open pages know), so it is started here.
async function startInstance({ databaseUrl, data, listen = '127.0.0.1:0', demo = false }) {
  const args = ['serve', '--listen', listen, '--data', data, '--database-url', databaseUrl, '--bus-url', NATS];
  if (demo) args.push('--demo');
  const child = spawn(binary(), args, {
    env: {
      ...process.env, NEWSDESK_DEMO_ARTICLES: '40', NEWSDESK_LOG: 'warn', NEWSDESK_SECURE_COOKIES: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`newsdesk exited with ${code}: ${stderr}`)));
  });
  return {
    base,
    port: Number(new URL(base).port),
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

let databaseUrl, data, one, two, browser, article, arArticle;
const pageErrors = [];

function watch(page, label) {
  page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) pageErrors.push(`${label}: ${m.text()}`);
  });
  return page;
}

async function firstArticle(page, base, edition) {
  await page.goto(`${base}/${edition}`);
  const href = await page.$$eval(`main a[href^="/${edition}/20"]`, (as) => as.map((a) => a.getAttribute('href'))[0]);
  assert.ok(href, `the ${edition} front page links an article`);
  return href;
}

async function openChat(page) {
  await page.locator('a.chat-link').first().click();
  const panel = page.locator('.chat-panel');
  await panel.waitFor();
  // Connected: the presence line is filled by the welcome frame.
  await panel.locator('.chat__presence').filter({ hasText: /\d/ }).waitFor({ timeout: 10000 });
  return panel;
}

async function say(panel, text) {
  const input = panel.locator('.chat__input');
  await input.fill(text);
  await input.press('Enter');
  // Stored (acked): the composer empties and the message is in the list.
  await panel.locator('.chat__text', { hasText: text }).waitFor({ timeout: 10000 });
  await panel.page().waitForFunction(() => document.querySelector('.chat-panel .chat__input')?.value === '');
}

async function login(context, base, next) {
  const page = watch(await context.newPage(), 'reader A');
  await page.goto(`${base}/en/account/login?next=${encodeURIComponent(next)}`);
  await page.fill('#f-email', READER.email);
  await page.fill('#f-password', READER.password);
  await page.click('.account__form button[type=submit]');
  await page.waitForURL(`${base}${next}`);
  return page;
}

function editorToken() {
  const out = execFileSync(binary(), ['token', 'create', '--data', data, '--database-url', databaseUrl, '--name', 'live test', '--role', 'editor'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  const token = out.trim().split(/\s+/).pop();
  assert.ok(token && token.length >= 20, `a token in: ${out}`);
  return token;
}

async function publishItem(base, token, headline, marks = {}) {
  const res = await fetch(`${base}/api/v1/admin/newsfeed`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ edition: 'en', headline, text: `${headline}: the short item's paragraph.`, publish: true, ...marks }),
  });
  const body = await res.text();
  assert.ok(res.ok, `POST /api/v1/admin/newsfeed answered ${res.status}: ${body}`);
  return JSON.parse(body || '{}');
}

before(async () => {
  if (skip) return;
  databaseUrl = freshPostgresUrl();
  data = mkdtempSync(join(tmpdir(), 'newsdesk-live-'));
  one = await startInstance({ databaseUrl, data, demo: true });
  // The second shares the database, the bus and the media folder; it does not seed.
  two = await startInstance({ databaseUrl, data });
  browser = await launchBrowser();
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await one?.stop();
  await two?.stop();
  if (data) rmSync(data, { recursive: true, force: true });
  if (databaseUrl) {
    const name = new URL(databaseUrl).pathname.slice(1);
    const admin = new URL(databaseUrl);
    admin.pathname = '/postgres';
    try {
      execFileSync('psql', [admin.toString(), '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
    } catch { /* best effort: the CI run's own database is dropped anyway */ }
  }
});

let contextA, contextB, pageA, pageB, panelA, panelB, token;

test('a message written on one instance reaches a reader on the other', { skip, timeout: 90_000 }, async () => {
  contextA = await browser.newContext({ viewport: DESKTOP });
  contextB = await browser.newContext({ viewport: DESKTOP });
  const probe = await contextB.newPage();
  article = await firstArticle(probe, one.base, 'en');
  await probe.close();

  pageA = await login(contextA, one.base, article);
  panelA = await openChat(pageA);
  assert.equal(await panelA.getAttribute('role'), 'dialog');
  await panelA.locator('.chat__form').waitFor();
  assert.equal(await panelA.locator('.chat__notice').isHidden(), true, 'a confirmed reader may write');

  pageB = watch(await contextB.newPage(), 'reader B');
  await pageB.goto(`${two.base}${article}`);
  panelB = await openChat(pageB);
  // Anonymous: no composer, a line saying why with a link to log in.
  assert.equal(await panelB.locator('.chat__form').isHidden(), true, 'no composer for a visitor');
  const notice = panelB.locator('.chat__notice');
  await notice.waitFor();
  assert.match(await notice.locator('a').getAttribute('href'), /\/en\/account\/login/);
  assert.equal(await panelB.locator('.chat__messages').getAttribute('role'), 'log');

  // The composer: the button waits for text, a counter appears near the limit.
  const input = panelA.locator('.chat__input');
  assert.equal(await panelA.locator('.chat__send').isDisabled(), true, 'nothing to send yet');
  await input.fill('x'.repeat(450));
  assert.equal((await panelA.locator('.chat__counter').textContent()).trim(), '50');
  await input.fill('x'.repeat(501));
  assert.equal(await panelA.locator('.chat__send').isDisabled(), true, 'too long to send');
  await input.fill('');

  const text = `Hello from instance one <b>not bold</b> ${Date.now()}`;
  const sent = Date.now();
  await input.fill(text);
  await input.press('Enter');
  await panelB.locator('.chat__text', { hasText: text }).waitFor({ timeout: 5000 });
  const seenAfter = Date.now() - sent;
  assert.ok(seenAfter < 5000, `seen on the other instance after ${seenAfter} ms`);
  await pageA.waitForFunction(() => document.querySelector('.chat-panel .chat__input').value === '');
  const message = panelB.locator('.chat__message', { hasText: text });
  assert.equal(await message.locator('.chat__text b').count(), 0, 'the markup stays text');
  assert.match(await message.locator('.chat__author').textContent(), /\S/, 'the author is named');
  assert.match(await message.locator('time').textContent(), /^\d{2}:\d{2}$/);
  // Both readers are counted, across the two instances.
  await pageB.waitForFunction(() => /[2-9]|\d\d/.test(document.querySelector('.chat-panel .chat__presence').textContent), null, { timeout: 10000 });
});

test('a newsfeed item published on one instance appears on an open page of the other', { skip, timeout: 60_000 }, async () => {
  assert.ok(pageB, 'the first test ran');
  token = editorToken();
  const list = pageB.locator('.newsfeed .newsfeed__list').first();
  await list.waitFor({ state: 'attached' });
  const before = await list.locator('li').count();
  const headline = `Live item from instance one ${Date.now()}`;
  await publishItem(one.base, token, headline);
  const item = list.locator('li', { hasText: headline });
  await item.waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(await list.locator('li').first().textContent().then((t) => t.includes(headline)), true, 'newest first');
  assert.equal(await list.locator('li').count(), Math.max(before, 1), 'the column keeps its length');
  assert.match(await item.getAttribute('data-key'), /^n\d+$/);
  assert.equal(await item.locator('a').count(), 1);

  // A breaking item: marked in the column and shown in the banner at the foot of the window.
  const breaking = `Breaking from instance one ${Date.now()}`;
  await publishItem(one.base, token, breaking, { breaking: true });
  const banner = pageB.locator('#breaking');
  await banner.locator('.breaking__link', { hasText: breaking }).waitFor({ timeout: 10000 });
  await list.locator('li.newsfeed__item--breaking', { hasText: breaking }).waitFor({ state: 'attached' });
  assert.equal(await banner.locator('.breaking__dismiss').getAttribute('aria-label'), 'Dismiss');
  // The banner and the marked column on a phone's front page of the other instance.
  const phone = watch(await contextB.newPage(), 'reader B, phone');
  await phone.setViewportSize(PHONE);
  await phone.goto(`${two.base}/en`);
  await phone.locator('#breaking .breaking__link', { hasText: breaking }).waitFor({ timeout: 10000 });
  await phone.screenshot({ path: `${SHOTS}live-breaking-en-phone.png` });
  await phone.locator('.newsfeed').first().scrollIntoViewIfNeeded();
  await phone.locator('.newsfeed').first().screenshot({ path: `${SHOTS}live-newsfeed-en-phone.png` });
  await phone.close();
  // Dismissed, it stays away on the reader's next page. (The chat panel covers the end of
  // the band on a desktop: the keyboard reaches the button.)
  await banner.locator('.breaking__dismiss').focus();
  await pageB.keyboard.press('Enter');
  assert.equal(await banner.isHidden(), true);
  const next = watch(await contextB.newPage(), 'reader B, next page');
  const stream = next.waitForResponse((r) => r.url().includes('/api/v1/live/en'));
  await next.goto(`${two.base}/en`);
  await stream;
  await next.waitForTimeout(1000); // the hello event, with the breaking items, follows the headers
  assert.equal(await next.locator('#breaking').isHidden(), true, 'a dismissed item stays dismissed');
  await next.close();
});

test('a page on an instance that went away catches up once it is back', { skip, timeout: 120_000 }, async () => {
  assert.ok(panelB, 'the first test ran');
  const port = two.port;
  await two.stop();
  const down = Date.now();
  await panelB.locator('.chat__status', { hasText: /\S/ }).waitFor({ timeout: 10000 });
  const first = `Written while instance two was down, one ${Date.now()}`;
  const second = `Written while instance two was down, two ${Date.now()}`;
  await say(panelA, first);
  await say(panelA, second);
  const headline = `Item while instance two was down ${Date.now()}`;
  await publishItem(one.base, token, headline);
  await new Promise((r) => setTimeout(r, Math.max(0, 10000 - (Date.now() - down))));
  two = await startInstance({ databaseUrl, data, listen: `127.0.0.1:${port}` });

  await panelB.locator('.chat__text', { hasText: first }).waitFor({ timeout: 45000 });
  await panelB.locator('.chat__text', { hasText: second }).waitFor({ timeout: 5000 });
  const ids = await panelB.locator('.chat__message').evaluateAll((lis) => lis.map((li) => Number(li.dataset.id)));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'in id order');
  assert.equal(new Set(ids).size, ids.length, 'no message twice');
  assert.equal(await panelB.locator('.chat__status').textContent(), '', 'connected again');
  // The newsfeed stream resumed from where it was (Last-Event-ID) and got the item too.
  await pageB.locator('.newsfeed__list li', { hasText: headline }).first().waitFor({ state: 'attached', timeout: 30000 });

  // Escape closes the panel and gives the focus back to the link.
  await pageB.keyboard.press('Escape');
  await pageB.locator('.chat-panel').waitFor({ state: 'detached' });
  assert.equal(await pageB.evaluate(() => document.activeElement?.classList.contains('chat-link')), true);
});

test('the chat panel on a phone and a desktop, in English and Arabic', { skip, timeout: 90_000 }, async () => {
  assert.ok(contextA, 'the first test ran');
  const probe = await contextA.newPage();
  arArticle = await firstArticle(probe, one.base, 'ar');
  await probe.close();
  const boxes = {};
  for (const [edition, path] of [['en', article], ['ar', arArticle]]) {
    for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
      const page = watch(await contextA.newPage(), `${edition} ${device}`);
      await page.setViewportSize(viewport);
      await page.goto(`${one.base}${path}`);
      assert.equal(await page.$eval('html', (h) => h.dir), edition === 'ar' ? 'rtl' : 'ltr');
      const panel = await openChat(page);
      if (edition === 'ar' && device === 'phone') {
        await say(panel, 'مرحبا من القرّاء، هل من جديد؟ https://example.com/ar');
        await say(panel, 'متابعة مباشرة للخبر');
      }
      await panel.locator('.chat__message').first().waitFor();
      boxes[`${edition}-${device}`] = await panel.boundingBox();
      await page.screenshot({ path: `${SHOTS}live-chat-${edition}-${device}.png` });
      await page.close();
    }
  }
  // A full-screen sheet on a phone; a 400px column at the inline end on a desktop.
  assert.equal(Math.round(boxes['en-phone'].width), PHONE.width);
  assert.equal(Math.round(boxes['en-desktop'].width), 400);
  assert.equal(Math.round(boxes['en-desktop'].x), DESKTOP.width - 400, 'on the right in English');
  assert.equal(Math.round(boxes['ar-desktop'].x), 0, 'on the left in Arabic');
  await pageB.screenshot({ path: `${SHOTS}live-article-en-desktop.png` });
  assert.deepEqual(pageErrors, []);
  await contextA.close();
  await contextB.close();
});
