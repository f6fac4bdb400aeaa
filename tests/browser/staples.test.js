// The reading site's staples in every edition, in a real browser: the share bar (links, the
// device's share sheet, copy link), the most read list and its beacon, the breaking label,
// dark mode, the print style, and the icons and web app manifest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, binary } from './server.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const EDITIONS = ['en', 'ru', 'ar'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

let server, browser;
before(async () => {
  server = await startServer({ articles: 60 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function articlePath(page, edition) {
  await page.goto(`${server.base}/${edition}`);
  const href = await page.$$eval(`main a[href^="/${edition}/20"]`, (as) => as.map((a) => a.getAttribute('href'))[0]);
  assert.ok(href, `the ${edition} front page links an article`);
  return href;
}

let token;
function editorToken() {
  if (token) return token;
  const out = execFileSync(binary(), ['token', 'create', '--data', server.data, '--name', 'staples test', '--role', 'editor'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  token = out.trim().split(/\s+/).pop();
  assert.ok(token && token.length >= 20, `a token in: ${out}`);
  return token;
}

/** Relative luminance of a CSS rgb() colour. */
function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const edition of EDITIONS) {
  test(`${edition}: the share bar shares the article's address`, async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const page = await context.newPage();
    const path = await articlePath(page, edition);
    await page.goto(server.base + path);
    const bar = page.locator('main article.story').first().locator('.share');
    assert.equal(await bar.count(), 1, 'one share bar in the article');
    const url = await bar.getAttribute('data-share-url');
    assert.equal(url, server.base + path, 'it shares the canonical address');
    const links = await bar.locator('a.share__link').evaluateAll((as) => as.map((a) => ({ href: a.href, text: a.textContent.trim(), rel: a.rel })));
    assert.ok(links.length >= 4, `several networks (${links.length})`);
    for (const l of links) {
      assert.ok(l.text.length > 0, 'each link is labelled');
      assert.ok(l.href.includes(encodeURIComponent(url)), `${l.href} carries the address`);
      assert.ok(l.href.startsWith('https://') || l.href.startsWith('mailto:'), l.href);
      if (l.href.startsWith('https://')) assert.match(l.rel, /noopener/);
    }
    if (edition === 'ru') assert.ok(links.some((l) => l.href.startsWith('https://vk.com/')), 'VK in the Russian edition');
    if (edition === 'ar') assert.ok(links[0].href.startsWith('https://wa.me/'), 'WhatsApp first in the Arabic edition');
    // No third-party script or frame on the page.
    const foreign = await page.evaluate(() => [...document.querySelectorAll('script[src], iframe')].map((e) => e.src).filter((s) => !s.startsWith(location.origin)));
    assert.deepEqual(foreign, []);
    // The device's share sheet is offered exactly when the browser has one.
    const native = await page.evaluate(() => ({ has: typeof navigator.share === 'function', hidden: document.querySelector('.share__native').hidden }));
    assert.equal(native.hidden, !native.has);
    // Copy link puts the address on the clipboard and says so.
    const copy = bar.locator('.share__copy');
    assert.ok(await copy.isVisible(), 'copy link is offered (127.0.0.1 is a secure context)');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('.share__status')?.textContent.length > 0);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await page.screenshot({ path: `${SHOTS}staples-share-${edition}-phone.png` });
    await context.close();
  });

  test(`${edition}: reading an article sends one view beacon, and most read lists stories`, async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const path = await articlePath(page, edition);
    // The browser does not expose a beacon's body to the test: record what the page sends.
    await page.addInitScript(() => {
      const send = navigator.sendBeacon.bind(navigator);
      window.__beacons = [];
      navigator.sendBeacon = (url, body) => {
        body.text().then((text) => window.__beacons.push({ url, type: body.type, text }));
        return send(url, body);
      };
    });
    const beacon = page.waitForResponse((r) => r.url().endsWith('/api/v1/reads') && r.request().method() === 'POST');
    await page.goto(server.base + path);
    assert.equal((await beacon).status(), 204, 'the server takes the view');
    const id = Number(path.split('-').pop());
    await page.waitForFunction(() => window.__beacons.length > 0);
    await page.waitForTimeout(300);
    const sent = await page.evaluate(() => window.__beacons);
    assert.equal(new Set(sent.map((b) => b.text)).size, sent.length, 'one beacon per story, never twice');
    assert.equal(sent[0].type, 'application/json');
    assert.deepEqual(JSON.parse(sent[0].text), { article_id: id });
    // The demo's readers have read for a day: the list is on the front page, in order, and
    // each entry opens a published story of the edition.
    await page.goto(`${server.base}/${edition}`);
    const entries = await page.locator('.most-read .most-read__item a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(entries.length, 5, 'five most read stories');
    assert.equal(new Set(entries).size, 5, 'no story twice');
    for (const href of entries) {
      assert.ok(href.startsWith(`/${edition}/20`), href);
      const r = await page.request.get(server.base + href);
      assert.equal(r.status(), 200, href);
    }
    const heading = await page.locator('.most-read h2').textContent();
    assert.ok(heading.trim().length > 0);
    await page.locator('.most-read').screenshot({ path: `${SHOTS}staples-most-read-${edition}.png` });
    await page.close();
  });

  test(`${edition}: breaking stories are labelled in words`, async () => {
    const headline = `Breaking ${edition} ${Date.now()}`;
    const res = await fetch(`${server.base}/api/v1/admin/newsfeed`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editorToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ edition, headline, text: 'The short item.', publish: true, breaking: true }),
    });
    assert.ok(res.ok, `publishing a breaking item answered ${res.status}: ${await res.text()}`);
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.base}/${edition}`);
    const item = page.locator('.newsfeed__item--breaking', { hasText: headline });
    await item.waitFor();
    const badge = await item.locator('.badge--breaking').evaluate((b) => {
      const s = getComputedStyle(b);
      return { text: b.textContent.trim(), bg: s.backgroundColor, color: s.color, width: b.offsetWidth };
    });
    const word = { en: 'Breaking', ru: 'Срочно', ar: 'عاجل' }[edition];
    assert.equal(badge.text, word, 'the column says "breaking" in words, not only in colour');
    assert.ok(badge.width > 0);
    assert.notEqual(badge.bg, badge.color);
    await page.locator('.newsfeed').screenshot({ path: `${SHOTS}staples-breaking-${edition}.png` });
    await page.close();
  });

  test(`${edition}: dark mode follows the system setting`, async () => {
    const page = await browser.newPage({ viewport: PHONE, colorScheme: 'dark' });
    const path = await articlePath(page, edition);
    await page.goto(server.base + path);
    const look = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const text = getComputedStyle(document.querySelector('.story__body p') || document.body);
      return { bg: body.backgroundColor, ink: text.color, scheme: document.querySelector('meta[name="color-scheme"]')?.content };
    });
    assert.ok(luminance(look.bg) < 0.05, `a dark page (${look.bg})`);
    assert.ok(luminance(look.ink) > 0.6, `light text (${look.ink})`);
    assert.equal(look.scheme, 'light dark');
    await page.screenshot({ path: `${SHOTS}staples-dark-${edition}-phone.png` });
    const light = await browser.newPage({ viewport: PHONE, colorScheme: 'light' });
    await light.goto(server.base + path);
    const bg = await light.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(luminance(bg) > 0.9, `light by default (${bg})`);
    await light.close();
    await page.close();
  });

  test(`${edition}: the print style prints the story with the site's name and its address`, async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const path = await articlePath(page, edition);
    await page.goto(server.base + path);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const story = document.querySelector('main article.story');
      const hidden = (sel) => [...document.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === 'none');
      return {
        before: getComputedStyle(story, '::before').content,
        after: getComputedStyle(story, '::after').content,
        chromeHidden: hidden('.masthead') && hidden('.site-footer') && hidden('.share') && hidden('.newsfeed') && hidden('.discussion'),
        headline: getComputedStyle(story.querySelector('h1')).display !== 'none',
      };
    });
    assert.equal(printed.after, JSON.stringify(server.base + path), 'the address under the story');
    assert.ok(printed.before.length > 2 && printed.before !== 'none', `the site's name above it (${printed.before})`);
    assert.ok(printed.chromeHidden, 'masthead, footer, share bar, newsfeed and discussion are not printed');
    assert.ok(printed.headline);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000, 'a PDF is printed');
    await page.close();
  });

  test(`${edition}: icons and the web app manifest load`, async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.base}/${edition}`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    assert.equal(href, `/${edition}/manifest.webmanifest`);
    const res = await page.request.get(server.base + href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /application\/manifest\+json/);
    const manifest = await res.json();
    assert.equal(manifest.lang, edition);
    assert.equal(manifest.dir, edition === 'ar' ? 'rtl' : 'ltr');
    assert.equal(manifest.start_url, `/${edition}`);
    assert.ok(manifest.name.length > 0 && manifest.short_name.length > 0);
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join());
    // Every icon the page and the manifest name is an image of the size it claims.
    const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const icons = [...manifest.icons.filter((i) => i.type === 'image/png').map((i) => [i.src, Number(i.sizes.split('x')[0])]), [touch, 180]];
    for (const [src, size] of icons) {
      const got = await page.evaluate(async (u) => {
        const img = new Image();
        img.src = u;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, src);
      assert.deepEqual(got, [size, size], src);
    }
    const ico = await page.request.get(`${server.base}/favicon.ico`);
    assert.equal(ico.status(), 200);
    assert.equal(ico.headers()['content-type'], 'image/x-icon');
    assert.equal((await ico.body()).readUInt16LE(2), 1, 'an ICO file');
    const svg = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.equal((await page.request.get(server.base + svg)).status(), 200);
    await page.close();
  });
}
