// The rich editor in a real browser: an editor pastes what Word and Google Docs put on the
// clipboard, inserts a photo and a related card from the pickers, writes a paragraph in
// Arabic and publishes; readers see headings, bold, links and both embeds, and nothing of
// the paste that the sanitiser forbids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer, launchBrowser } from './server.js';

const BIN = process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
const PHOTO = new URL('../../fixtures/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg', import.meta.url).pathname;
const PASTES = new URL('../../crates/newsroom/editor/test/fixtures/', import.meta.url);
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';
const ARABIC = 'قال مدير الميناء إن عدد الرحلات سيتضاعف هذا الشتاء.';

let server, browser;
before(async () => {
  server = await startServer({ articles: 40 });
  execFileSync(BIN, ['user', 'add', '--data', server.data, '--email', 'rich@example.com', '--name', 'Rita Rich', '--role', 'editor'], { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function login() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin/login`);
  await page.fill('input[name="email"]', 'rich@example.com');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.ok(!page.url().includes('/admin/login'), `logged in (at ${page.url()})`);
  return { context, page };
}

// What the browser does on Ctrl+V, with the clipboard holding `html` as Word or Docs left it.
async function paste(page, html) {
  await page.evaluate((markup) => {
    const target = document.querySelector('.rich-editor-content');
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', markup.replace(/<[^>]+>/g, ''));
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('an editor pastes from Word and Google Docs, adds embeds from the pickers, writes Arabic and publishes', async () => {
  const { context, page } = await login();

  await page.goto(`${server.base}/admin/media/new`);
  await page.setInputFiles('input[name="file"]', PHOTO);
  await page.fill('textarea[name="alt_text"], input[name="alt_text"]', 'A test scene photographed for the IPTC reference image');
  await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
  const photoId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.ok(photoId > 0, `photo page after upload (${page.url()})`);

  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  const headline = `Ferry timetable doubles crossings ${Date.now()}`;
  await page.fill('input[name="headline"]', headline);
  await page.fill('textarea[name="lead"]', 'Passengers get a boat every twenty minutes from Monday.');
  const editor = page.locator('.rich-editor-content');
  await editor.waitFor({ timeout: 10000 });
  assert.equal(await page.locator('textarea[name="body"]').isHidden(), true, 'the rich editor replaces the textarea');

  await editor.click();
  await page.keyboard.type('The harbour authority opened the terminal on Monday.');
  await page.keyboard.press('Enter');
  await paste(page, readFileSync(new URL('paste-word.html', PASTES), 'utf8'));
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await paste(page, readFileSync(new URL('paste-gdocs.html', PASTES), 'utf8'));
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(ARABIC);
  const arabic = editor.locator('p', { hasText: 'مدير الميناء' });
  assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), 'rtl', 'the Arabic paragraph runs right to left in the editor');
  await page.keyboard.press('Enter');

  // The pickers put the embeds in as blocks with previews.
  await page.click('button[data-insert="related"]');
  await page.fill('#related-q', 'er');
  const related = page.locator('#related-dialog [data-results] button').first();
  await related.waitFor({ timeout: 5000 });
  await related.click();
  await page.click('button[data-insert="photo"]');
  const photo = page.locator(`#photo-dialog [data-results] button[data-id="${photoId}"], #photo-dialog [data-results] button`).first();
  await photo.waitFor({ timeout: 5000 });
  await photo.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.rich-embed img')].some((img) => img.complete && img.naturalWidth > 0), null, { timeout: 10000 });
  assert.ok(await editor.locator('.rich-embed').count() >= 2, 'both embeds are blocks in the editor');

  const body = await page.inputValue('textarea[name="body"]');
  assert.match(body, /^::related\[\d+\]$/m, 'the related card is in the stored body');
  assert.match(body, /^::photo\[\d+\]/m, 'the photo is in the stored body');
  assert.match(body, /\*\*twenty minutes\*\*/, 'bold from Google Docs is kept');
  assert.doesNotMatch(body, /Mso|docs-internal|style=|<span|javascript:/i, 'nothing of the clipboard markup reaches the body');
  await page.screenshot({ path: `${SHOTS}rich-editor.png`, fullPage: false });

  const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
  await page.selectOption('select[name="section_id"]', section);
  const author = await page.locator('select[name="author_ids"] option').first().getAttribute('value');
  await page.selectOption('select[name="author_ids"]', [author]);
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
  assert.match(page.url(), /done=published/, `published (${page.url()})`);

  const reader = await browser.newPage();
  await reader.goto(`${server.base}/en`);
  await reader.locator(`a:has-text("${headline}")`).first().click();
  const story = reader.locator('.story__body');
  await story.waitFor();
  assert.ok(await story.locator('h2', { hasText: 'Harbour terminal opens' }).count() === 1, 'the Word heading');
  assert.ok(await story.locator('h2', { hasText: 'What changes for passengers' }).count() === 1, 'the Google Docs heading');
  assert.ok(await story.locator('strong', { hasText: 'Monday' }).count() >= 1, 'bold from Word');
  assert.ok(await story.locator('strong', { hasText: 'twenty minutes' }).count() === 1, 'bold from Google Docs');
  assert.ok(await story.locator('a[href="https://example.com/ferries/timetable?season=winter&lang=en"]').count() === 1, 'the link from Word');
  assert.ok(await story.locator('aside.related a').count() === 1, 'the related card');
  await reader.waitForFunction(() => [...document.querySelectorAll('.story__body figure.photo img')].some((img) => img.complete && img.naturalWidth > 0), null, { timeout: 10000 });
  const arabicOnPage = story.locator('p', { hasText: 'مدير الميناء' });
  assert.equal(await arabicOnPage.count(), 1, 'the Arabic paragraph');
  const html = await story.innerHTML();
  assert.doesNotMatch(html, /Mso|docs-internal|<o:p|<span style|javascript:|<script/i, 'nothing the sanitiser forbids');
  assert.equal(await story.locator('[style]:not(th):not(td)').count(), 0, 'no inline styles from the paste');
  await reader.close();
  await context.close();
});

test('text typed just before the tab is closed comes back as an autosave', async () => {
  const { context, page } = await login();
  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  await page.fill('input[name="headline"]', `Autosave keeps the last words ${Date.now()}`);
  const editor = page.locator('.rich-editor-content');
  await editor.click();
  await page.keyboard.type('The first paragraph, saved by hand.');
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="save"]')]);
  const edit = page.url().split('?')[0];

  // Typed, then the tab is closed at once: no timer has run, only the page's way out.
  await page.locator('.rich-editor-content p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second paragraph nobody saved.');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(edit);
  const notice = again.locator('[data-autosave-notice]');
  await notice.waitFor({ timeout: 5000 });
  await Promise.all([again.waitForNavigation(), again.click('[data-autosave-restore]')]);
  assert.match(await again.inputValue('textarea[name="body"]'), /A second paragraph nobody saved\./, 'the autosave is back in the form');
  assert.ok(await again.locator('.rich-editor-content p', { hasText: 'A second paragraph nobody saved.' }).count() === 1, 'and in the editor');
  await context.close();
});
