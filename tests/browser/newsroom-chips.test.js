// Tags and bylines as chips, and the warning before publishing without a section or a
// byline, in a real browser: one click adds or removes one item and never wipes the others;
// "Save and publish" with something missing opens a dialog instead of a refusal page, and
// nothing typed is lost either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser } from './server.js';

const BIN = process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';

let server, browser;
before(async () => {
  server = await startServer({ articles: 20 });
  execFileSync(BIN, ['user', 'add', '--data', server.data, '--email', 'chips@example.com', '--name', 'Chip Editor', '--role', 'editor'], { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const selected = (page, name) => page.$$eval(`select[name="${name}"] option:checked`, (os) => os.map((o) => o.textContent.trim()));

test('chips add and remove one tag or author at a time, and publishing without section or byline is warned first', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin/login`);
  await page.fill('input[name="email"]', 'chips@example.com');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);

  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  const headline = `Tram line reopens after repairs ${Date.now()}`;
  await page.fill('input[name="headline"]', headline);
  await page.fill('textarea[name="lead"]', 'Trams run again from Monday.');
  const editor = page.locator('.rich-editor-content');
  await editor.waitFor({ timeout: 10000 });
  await editor.click();
  await page.keyboard.type('The city finished the repairs a week early.');

  // The checklist says what is missing before anything is pressed.
  const check = page.locator('[data-publish-check]');
  assert.equal(await check.isVisible(), true, 'the checklist is shown');
  assert.equal(await check.locator('[data-needs="section"]').isVisible(), true);
  assert.equal(await check.locator('[data-needs="byline"]').isVisible(), true);

  // Save and publish with both missing: a dialog, no request, nothing lost.
  await page.click('button[name="then"][value="publish"]');
  const dialog = page.locator('#publish-warning');
  await dialog.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await dialog.locator('[data-missing] li').count(), 2, 'both needs listed');
  assert.match(page.url(), /\/admin\/articles\/new/, 'still on the form');
  await page.screenshot({ path: `${SHOTS}publish-warning.png` });
  await dialog.locator('button[value="draft"]').click();
  await page.waitForURL(/\/admin\/articles\/\d+/, { timeout: 10000 });
  assert.doesNotMatch(page.url(), /published/, `saved as a draft (${page.url()})`);
  assert.equal(await page.inputValue('input[name="headline"]'), headline, 'the headline was saved');

  // "Publish now" publishes the saved version, which lacks both: warned too.
  await page.click('form[data-publishes-saved] button[type="submit"].primary');
  await dialog.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await dialog.locator('[data-saved-only]').isVisible(), true, 'says it is about the saved version');
  await dialog.locator('button[value="edit"]').click();
  await dialog.waitFor({ state: 'hidden' });

  // Tags: the chip box replaces the list; add two, remove the first.
  const tags = page.locator('#tag_ids-chip-input');
  assert.equal(await tags.isVisible(), true, 'the chip input for tags');
  const tagNames = await page.$$eval('select[name="tag_ids"] option', (os) => os.map((o) => o.textContent.trim()));
  assert.ok(tagNames.length >= 2, `the demo edition has tags (${tagNames})`);
  await tags.click();
  await tags.fill(tagNames[0].slice(0, 4));
  await page.locator('#tag_ids-chip-options [role="option"]', { hasText: tagNames[0] }).first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const first = await page.locator('#tag_ids-chip-options [aria-selected="true"]').textContent();
  await page.keyboard.press('Enter');
  assert.match(page.url(), /\/admin\/articles\/\d+/, 'Enter picked a tag and did not submit');
  await tags.fill('');
  await tags.click();
  const second = page.locator('#tag_ids-chip-options [role="option"]').filter({ hasNotText: first.trim() }).first();
  const secondName = (await second.textContent()).trim();
  await second.click();
  assert.deepEqual((await selected(page, 'tag_ids')).sort(), [first.trim(), secondName].sort(), 'two tags, each added on its own');
  await page.locator(`.chip[data-value] button[aria-label="Remove ${first.trim()}"]`).click();
  assert.deepEqual(await selected(page, 'tag_ids'), [secondName], 'removing one keeps the other');

  // A section and a byline: the checklist empties.
  const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
  await page.selectOption('select[name="section_id"]', section);
  assert.equal(await check.locator('[data-needs="section"]').isVisible(), false, 'section no longer missing');
  const authors = page.locator('#author_ids-chip-input');
  await authors.click();
  const author = page.locator('#author_ids-chip-options [role="option"]').first();
  const authorName = (await author.textContent()).trim();
  await author.click();
  assert.deepEqual(await selected(page, 'author_ids'), [authorName]);
  assert.equal(await check.isVisible(), false, 'nothing missing any more');
  await page.screenshot({ path: `${SHOTS}chips.png` });

  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
  assert.match(page.url(), /done=published/, `published (${page.url()})`);
  assert.deepEqual(await page.$$eval('.chip span', (s) => s.map((x) => x.textContent.trim())).then((a) => a.sort()), [secondName, authorName].sort(), 'the saved tag and author come back as chips');

  const reader = await browser.newPage();
  await reader.goto(`${server.base}/en`);
  await reader.locator(`a:has-text("${headline}")`).first().click();
  await reader.locator('.story__body').first().waitFor();
  assert.ok((await reader.content()).includes(authorName), 'the byline on the public page');
  await reader.close();
  await context.close();
});
