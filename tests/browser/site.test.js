// The reading site in a real browser: screenshots of the English and Arabic front and
// article pages on a phone and a desktop, layout checks, and the infinite-scroll loader.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser } from './server.js';
import { freshPostgresUrl } from './pg.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

let server, browser;
before(async () => {
  server = await startServer({ articles: 80 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function firstArticlePath(page, edition) {
  await page.goto(`${server.base}/${edition}`);
  const href = await page.$$eval(`main a[href^="/${edition}/20"]`, (as) => as.map((a) => a.getAttribute('href'))[0]);
  assert.ok(href, `the ${edition} front page links an article`);
  return href;
}

for (const edition of ['en', 'ar']) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`${edition} front page and article on a ${device}`, async () => {
      const page = await browser.newPage({ viewport });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const res = await page.goto(`${server.base}/${edition}`);
      assert.equal(res.status(), 200);
      const html = await page.$eval('html', (h) => ({ lang: h.lang, dir: h.dir }));
      assert.equal(html.lang, edition);
      assert.equal(html.dir, edition === 'ar' ? 'rtl' : 'ltr');
      await page.screenshot({ path: `${SHOTS}${edition}-front-${device}.png`, fullPage: false });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling on the front page (${overflow}px)`);

      const path = await firstArticlePath(page, edition);
      await page.goto(server.base + path);
      // The infinite-scroll loader may already have appended the next article (with its own
      // h1) on a short page; the article the reader opened has exactly one.
      assert.equal(await page.locator('main article.story').first().locator('h1').count(), 1, 'one h1: the headline');
      const hero = page.locator('article figure img').first();
      if (await hero.count()) {
        const attrs = await hero.evaluate((img) => ({ alt: img.alt, w: img.getAttribute('width'), h: img.getAttribute('height'), complete: img.complete && img.naturalWidth > 0 }));
        assert.ok(attrs.alt.trim().length > 0, 'hero photo has alt text');
        assert.ok(Number(attrs.w) > 0 && Number(attrs.h) > 0, 'hero photo has explicit width and height');
        assert.ok(attrs.complete, 'hero photo loads');
      }
      assert.ok(await page.locator('time[datetime]').count() > 0, 'times are <time datetime>');
      await page.screenshot({ path: `${SHOTS}${edition}-article-${device}.png`, fullPage: false });
      const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow2 <= 1, `no horizontal scrolling on the article page (${overflow2}px)`);
      assert.deepEqual(errors, [], 'no script errors');
      await page.close();
    });
  }
}

/** Scrolls until `done()` holds or `tries` wheel turns have passed. */
async function scrollUntil(page, done, tries = 120) {
  for (let i = 0; i < tries && !(await done()); i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(150);
  }
}

/** Scrolls the story's top to the top of the screen, then a little into it. */
async function read(page, story) {
  await story.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, 300);
}

test('infinite scroll follows the reader without history entries, stops after five articles, and Back leaves at once', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  const path = await firstArticlePath(page, 'en');
  await page.goto(server.base + path);
  const entries = await page.evaluate(() => history.length);
  const firstTitle = await page.title();
  const articles = page.locator('main article.story');
  assert.equal(await articles.count(), 1, 'one article on load');
  await scrollUntil(page, async () => (await page.locator('main .infinite-scroll__end').count()) > 0);
  assert.equal(await articles.count(), 5, 'the loader stops after five articles');
  // Ways on instead of a sixth article: the first story's section and the front page.
  const onward = await page.$$eval('main .infinite-scroll__end a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(onward.some((h) => /^\/en\/section\/[^/]+$/.test(h)), `a section link (${onward})`);
  assert.ok(onward.includes('/en'), `a front page link (${onward})`);
  await page.mouse.wheel(0, 20000);
  await page.waitForTimeout(1000);
  assert.equal(await articles.count(), 5, 'no sixth article after the end');

  // Read the second article, then the fifth (four down): address and title follow…
  await read(page, articles.nth(1));
  await page.waitForFunction((p) => location.pathname !== p, path, { timeout: 5000 });
  assert.notEqual(await page.title(), firstTitle, 'document title follows the article being read');
  const fifth = await articles.nth(4).getAttribute('data-url');
  await read(page, articles.nth(4));
  await page.waitForFunction((p) => location.pathname === p, fifth, { timeout: 5000 });
  // …without a history entry per article: one Back press leaves the stream.
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entries added');
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/en', 'Back returns to the front page in one press');
  await page.close();
});

test('on a phone the newsfeed is one tap from the top and follows the ended stream', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.phone });
  const path = await firstArticlePath(page, 'ar');
  await page.goto(server.base + path);
  const link = page.locator('nav.sections a[href="/ar/newsfeed"]');
  assert.equal(await link.count(), 1, 'the section bar links the newsfeed');
  const box = await link.boundingBox();
  assert.ok(box && box.y + box.height <= VIEWPORTS.phone.height && box.x >= 0 && box.x + box.width <= VIEWPORTS.phone.width,
    `the newsfeed link is on the first screen (${JSON.stringify(box)})`);
  await scrollUntil(page, async () => (await page.locator('main .infinite-scroll__end').count()) > 0);
  const gap = await page.evaluate(() => {
    const end = document.querySelector('main .infinite-scroll__end').getBoundingClientRect();
    const feed = document.querySelector('.article-layout__rail .newsfeed').getBoundingClientRect();
    return feed.top - end.bottom;
  });
  assert.ok(gap >= 0 && gap < 400, `the newsfeed column follows the ended stream (${gap}px)`);
  await link.click();
  assert.equal(new URL(page.url()).pathname, '/ar/newsfeed');
  await page.close();
});

/** The first article of the edition's front page that has a version in `other`. */
async function translatedArticle(edition, other) {
  const front = await (await fetch(`${server.base}/${edition}`)).text();
  const paths = [...new Set([...front.matchAll(new RegExp(`href="(/${edition}/20[^"?#]+)"`, 'g'))].map((m) => m[1]))];
  for (const path of paths) {
    const html = await (await fetch(server.base + path)).text();
    const m = html.match(new RegExp(`<link rel="alternate" href="([^"]+)" hreflang="${other}">`));
    if (m) return { path, translation: new URL(m[1]).pathname };
  }
  return null;
}

test('the edition switcher leads to the translation of the story being read', async () => {
  const found = await translatedArticle('en', 'ar');
  assert.ok(found, 'the demo front page has a story translated into Arabic');
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  await page.goto(server.base + found.path);
  const ar = page.locator('.editions a[hreflang="ar"]');
  assert.equal(await ar.getAttribute('href'), found.translation);
  // Scrolled into the next article, the switcher follows it.
  const articles = page.locator('main article.story');
  await scrollUntil(page, async () => (await articles.count()) >= 2);
  await read(page, articles.nth(1));
  const second = await articles.nth(1).getAttribute('data-url');
  await page.waitForFunction((p) => location.pathname === p, second, { timeout: 5000 });
  const versions = Object.fromEntries(((await articles.nth(1).getAttribute('data-translations')) || '')
    .split(' ').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  assert.equal(await ar.getAttribute('href'), versions.ar || '/ar');
  // Back on the first story, the link leads to its Arabic version.
  await read(page, articles.nth(0));
  await page.waitForFunction((p) => location.pathname === p, found.path, { timeout: 5000 });
  await ar.click();
  await page.waitForURL((u) => u.pathname === found.translation);
  assert.equal(await page.$eval('html', (h) => h.lang), 'ar');
  await page.close();
});

/** Headline line-height ratios under 1.35 and elements set in italics, on the page. */
async function arabicTypography(page) {
  return page.evaluate(() => {
    const tight = [];
    for (const el of document.querySelectorAll('h1, h2, h3, h4, .card__headline, .story__headline, .next-article__headline')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || el.closest('.visually-hidden, template')) continue;
      const ratio = parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      if (!(ratio >= 1.35)) tight.push(`${el.tagName}.${el.className}: ${style.lineHeight} / ${style.fontSize}`);
    }
    const italic = [...document.querySelectorAll('body *')]
      .filter((el) => getComputedStyle(el).fontStyle !== 'normal')
      .map((el) => `${el.tagName}.${el.className}`);
    return { tight, italic };
  });
}

test('Arabic pages keep dots clear of the next line, set nothing in italics, and quote with guillemets', async () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 2 });
    await page.goto(`${server.base}/ar`);
    const lead = await page.$eval('.card--lead .card__headline', (h) => {
      const s = getComputedStyle(h);
      return parseFloat(s.lineHeight) / parseFloat(s.fontSize);
    });
    assert.ok(lead >= 1.35, `the lead headline's line height is ${lead.toFixed(2)} × its size`);
    let found = await arabicTypography(page);
    assert.deepEqual(found.tight, [], 'front page headlines at ≥ 1.35');
    assert.deepEqual(found.italic, [], 'nothing italic on the Arabic front page');
    await page.screenshot({ path: `${SHOTS}ar-front-${device}@2x.png` });

    const path = await firstArticlePath(page, 'ar');
    await page.goto(server.base + path);
    found = await arabicTypography(page);
    assert.deepEqual(found.tight, [], 'article headlines at ≥ 1.35');
    assert.deepEqual(found.italic, [], 'nothing italic on the Arabic article page');
    await page.screenshot({ path: `${SHOTS}ar-article-${device}@2x.png` });
    await page.close();
  }
  // Pull quotes open with the language's own mark (guillemets, mirrored in Arabic text).
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  const marks = {};
  for (const edition of ['en', 'ru', 'ar']) {
    await page.goto(`${server.base}/${edition}`);
    const paths = [...new Set(await page.$$eval(`main a[href^="/${edition}/20"]`, (as) => as.map((a) => a.getAttribute('href'))))];
    for (const path of paths.slice(0, 25)) {
      await page.goto(server.base + path);
      const quote = page.locator('.pullquote blockquote').first();
      if (await quote.count()) {
        marks[edition] = await quote.evaluate((q) => ({ quotes: getComputedStyle(q).quotes, before: getComputedStyle(q, '::before').content }));
        if (edition === 'ar') {
          const styles = await quote.evaluate((q) => [...q.closest('figure').querySelectorAll('*')].map((el) => getComputedStyle(el).fontStyle));
          assert.ok(styles.every((s) => s === 'normal'), 'the Arabic pull quote and its citation stand upright');
          await quote.screenshot({ path: `${SHOTS}ar-pullquote.png` });
        }
        break;
      }
    }
  }
  assert.match(marks.en?.quotes ?? '', /^"“" "”"/, `English pull quotes (${JSON.stringify(marks.en)})`);
  assert.match(marks.ru?.quotes ?? '', /^"«" "»"/, `Russian pull quotes (${JSON.stringify(marks.ru)})`);
  assert.match(marks.ar?.quotes ?? '', /^"«" "»"/, `Arabic pull quotes (${JSON.stringify(marks.ar)})`);
  assert.equal(marks.ar.before, 'open-quote');
  await page.close();
});

test('section labels and other lone links are at least 24 × 24 px in Arabic and Russian', async () => {
  for (const viewport of Object.values(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    for (const edition of ['ar', 'ru']) {
      await page.goto(`${server.base}/${edition}`);
      const small = await page.$$eval('a.kicker, .card__comments, .site-footer__links a', (as) => as
        .map((a) => ({ text: a.textContent.trim(), box: a.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 24 || box.width < 24))
        .map(({ text, box }) => `${text}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`));
      assert.ok((await page.locator('a.kicker').count()) > 5, `${edition}: the front page has section labels`);
      assert.deepEqual(small, [], `${edition}: targets under 24 px`);
      // Nor may the headline link below (whose glyph box reaches above its line) cover
      // part of a label: axe counts an obscured target as too small.
      const covered = await page.$$eval('a.kicker', (ks) => ks.map((k) => {
        const label = k.getBoundingClientRect();
        const link = k.parentElement.querySelector('.card__headline a');
        if (!link || label.width === 0) return null;
        const top = Math.min(...[...link.getClientRects()].map((r) => r.top));
        return top < label.bottom - 0.5 ? `${k.textContent.trim()}: ${(label.bottom - top).toFixed(1)} px` : null;
      }).filter(Boolean));
      assert.deepEqual(covered, [], `${edition}: section labels covered by the headline link`);
    }
    await page.close();
  }
});

test('without JavaScript a plain next-article link leads on', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const path = await firstArticlePath(page, 'en');
  await page.goto(server.base + path);
  const next = page.locator('a[rel="next"]').first();
  assert.equal(await next.count(), 1, 'a rel=next link exists');
  await next.click();
  assert.notEqual(new URL(page.url()).pathname, path);
  assert.equal(await page.locator('h1').count(), 1);
  await ctx.close();
});

test('the site runs on PostgreSQL too', { skip: !process.env.NEWSDESK_TEST_DATABASE_URL && process.env.CI !== 'true' }, async () => {
  const url = freshPostgresUrl();
  const pg = await startServer({ articles: 30, databaseUrl: url });
  try {
    const page = await browser.newPage();
    const res = await page.goto(`${pg.base}/en`);
    assert.equal(res.status(), 200);
    const links = await page.$$eval('main a[href^="/en/20"]', (as) => as.length);
    assert.ok(links > 5, 'front page links the demo articles');
    await page.close();
  } finally {
    await pg.stop();
  }
});

test('in each edition the footer\'s About link opens the About page', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.phone });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const [edition, dir] of [['en', 'ltr'], ['ru', 'ltr'], ['ar', 'rtl']]) {
    await page.goto(`${server.base}/${edition}`);
    const link = page.locator(`footer nav.site-footer__pages a[href="/${edition}/pages/about"]`);
    assert.equal(await link.count(), 1, `${edition}: the footer links the About page`);
    const label = (await link.textContent()).trim();
    assert.ok(label.length > 0, `${edition}: the link has the page's title`);
    await link.click();
    await page.waitForURL(`${server.base}/${edition}/pages/about`);
    assert.equal((await page.locator('main h1').textContent()).trim(), label, `${edition}: the page's heading is the link's text`);
    const html = await page.$eval('html', (h) => ({ lang: h.lang, dir: h.dir }));
    assert.deepEqual(html, { lang: edition, dir }, `${edition}: language and direction`);
    assert.equal(await page.locator(`footer a[href="/${edition}/pages/about"][aria-current="page"]`).count(), 1,
      `${edition}: the footer marks the page being read`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${edition}: no horizontal scrolling on the About page (${overflow}px)`);
    await page.screenshot({ path: `${SHOTS}${edition}-about-phone.png`, fullPage: false });
  }
  assert.deepEqual(errors, [], 'no script errors');
  await page.close();
});
