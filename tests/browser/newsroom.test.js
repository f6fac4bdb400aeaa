// The newsroom in a real browser: an editor logs in, uploads a photo, writes an article
// with that photo and a related-article card, previews it, publishes it, and finds it on
// the edition's front page and in its newsfeed; a contributor's attempt to publish is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, launchBrowser } from './server.js';

const BIN = process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
const PHOTO = new URL('../../fixtures/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg', import.meta.url).pathname;
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';

let server, browser;
before(async () => {
  server = await startServer({ articles: 40 });
  for (const [email, name, role] of [['editor@example.com', 'Eddie Editor', 'editor'], ['contrib@example.com', 'Connie Contributor', 'contributor']]) {
    execFileSync(BIN, ['user', 'add', '--data', server.data, '--email', email, '--name', name, '--role', role], { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function login(email) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.ok(!page.url().includes('/admin/login'), `logged in as ${email} (at ${page.url()})`);
  return { context, page };
}

test('an editor uploads a photo, writes, previews and publishes an article that readers then see', async () => {
  assert.ok(existsSync(PHOTO), `sample photo at ${PHOTO}`);
  const { context, page } = await login('editor@example.com');

  // Upload: metadata from the photo prefills caption and credit; staff add the alt text.
  await page.goto(`${server.base}/admin/media/new`);
  await page.setInputFiles('input[name="file"]', PHOTO);
  await page.fill('textarea[name="alt_text"], input[name="alt_text"]', 'A test scene photographed for the IPTC reference image');
  await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
  const photoId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(photoId > 0, `photo page after upload (${page.url()})`);
  const caption = await page.inputValue('textarea[name="caption"], input[name="caption"]');
  assert.match(caption, /The description aka caption \(ref2023\.2\)/, 'caption prefilled from IPTC metadata');

  // Write: headline, lead, body with a related-article card chosen through the picker.
  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  const headline = `Harbour authority opens new ferry terminal ${Date.now()}`;
  await page.fill('input[name="headline"]', headline);
  await page.fill('textarea[name="lead"], input[name="lead"]', 'The terminal doubles the number of daily crossings.');
  await page.click('[data-source-toggle]'); // the Markdown view: the textarea itself
  await page.fill('textarea[name="body"]', 'The harbour authority opened the terminal on Monday.\n\nOfficials said crossings would double.\n');
  await page.click('button[data-insert="related"]');
  await page.fill('#related-q', 'er');
  const pick = page.locator('#related-dialog [data-results] button').first();
  await pick.waitFor({ timeout: 5000 });
  await pick.click();
  const body = await page.inputValue('textarea[name="body"]');
  assert.match(body, /::related\[\d+\]/, 'the picker inserted a related-article card');
  await page.fill('textarea[name="body"]', `${body}\n\n::photo[${photoId}]\n`);
  const hero = page.locator('select[name="hero_photo_id"], input[name="hero_photo_id"]');
  if ((await hero.evaluate((el) => el.tagName)) === 'SELECT') await hero.selectOption(String(photoId));
  else await hero.fill(String(photoId));
  await page.locator('input[name="in_newsfeed"]').check();
  // Publishing needs a section and a byline (core::publishable).
  const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
  await page.selectOption('select[name="section_id"]', section);
  const author = await page.locator('select[name="author_ids"] option').first().getAttribute('value');
  await page.selectOption('select[name="author_ids"]', [author]);

  // Preview uses the public article template, in the frame beside the form.
  await page.click('button[data-preview]');
  const frame = page.frameLocator('iframe[name="preview-frame"]');
  await frame.locator('h1').filter({ hasText: 'Harbour authority' }).waitFor({ timeout: 10000 });
  assert.ok(await frame.locator('.related-card, aside a[href*="/en/20"], a[href*="/en/20"]').count() > 0, 'preview shows the related card');
  await page.screenshot({ path: `${SHOTS}newsroom-editor.png`, fullPage: false });

  // Save and publish.
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
  assert.match(page.url(), /done=published/, `published (${page.url()})`);

  // Readers: the front page and the newsfeed show it at once, despite the page cache.
  const reader = await browser.newPage();
  await reader.goto(`${server.base}/en`);
  const front = await reader.content();
  assert.ok(front.includes(headline), 'the new article is on the front page');
  const feedItem = reader.locator('.newsfeed a, [class*="newsfeed"] a').filter({ hasText: headline });
  assert.ok(await feedItem.count() > 0, 'the new article is in the newsfeed column');
  await reader.locator(`a:has-text("${headline}")`).first().click();
  assert.equal((await reader.locator('main article.story').first().locator('h1').innerText()).trim(), headline);
  assert.ok(await reader.locator('figure img').count() > 0, 'the photo is on the article page');
  await reader.close();
  await context.close();
});

test('a contributor can write a draft but cannot publish it', async () => {
  const { context, page } = await login('contrib@example.com');
  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  const headline = `Contributor draft ${Date.now()}`;
  await page.fill('input[name="headline"]', headline);
  await page.click('[data-source-toggle]'); // the Markdown view: the textarea itself
  await page.fill('textarea[name="body"]', 'A draft paragraph.');
  assert.equal(await page.locator('button[name="then"][value="publish"]').count(), 0, 'no publish button for contributors');
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="save"]')]);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(id > 0, `draft saved (${page.url()})`);

  // Forging the publish request anyway is refused by the server.
  const csrf = await page.inputValue('input[name="csrf"]');
  const res = await page.request.post(`${server.base}/admin/articles/${id}/publish`, { form: { csrf }, maxRedirects: 0 });
  assert.equal(res.status(), 403, 'the server refuses a contributor publishing');
  const reader = await browser.newPage();
  await reader.goto(`${server.base}/en`);
  assert.ok(!(await reader.content()).includes(headline), 'the draft is not on the front page');
  await reader.close();
  await context.close();
});
