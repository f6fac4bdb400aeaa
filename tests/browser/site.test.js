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

test('infinite scroll opens the next article and updates the address and title', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  const path = await firstArticlePath(page, 'en');
  await page.goto(server.base + path);
  const firstTitle = await page.title();
  const before = await page.locator('main article.story').count();
  assert.equal(before, 1, 'one article on load');
  // Reach the end of the article: the loader appends the next one.
  for (let i = 0; i < 20 && (await page.locator('main article.story').count()) < 2; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(150);
  }
  const articles = page.locator('main article.story');
  assert.ok((await articles.count()) >= 2, 'the next article was appended');
  // Read the second article: its top at the top of the screen, then a little further.
  // (Where the loop above stopped depends on how long the first article and its
  // discussion are.)
  await articles.nth(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, 300);
  await page.waitForFunction((p) => location.pathname !== p, path, { timeout: 5000 });
  assert.notEqual(await page.title(), firstTitle, 'document title follows the article being read');
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, path, 'history goes back to the first article');
  await page.close();
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
