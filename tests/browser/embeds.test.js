// Posts and videos (`::embed[URL]`) in a real browser: an editor embeds a YouTube video
// from the toolbar's dialog (after it refuses an address the site would not show) and a
// Bluesky post by pasting its address, and publishes. The reader's page asks no third
// party for anything until the reader presses play; then the video's facade becomes the
// privacy-friendly player. The card and the facade fit a phone and a right-to-left page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser } from './server.js';

const BIN = process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';
const POST = 'https://bsky.app/profile/harbour.example.com/post/3kgbz4ccwjm2s';

let server, browser;
before(async () => {
  server = await startServer({ articles: 20 });
  execFileSync(BIN, ['user', 'add', '--data', server.data, '--email', 'embeds@example.com', '--name', 'Ezra Embed', '--role', 'editor'], { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
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
  await page.fill('input[name="email"]', 'embeds@example.com');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.ok(!page.url().includes('/admin/login'), `logged in (at ${page.url()})`);
  return { context, page };
}

// Every request the page makes to a host other than the site's.
function thirdParty(page) {
  const own = new URL(server.base).host;
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.host !== own) seen.push(request.url());
  });
  return seen;
}

test('an editor embeds a video and a post; readers load nothing from the providers until they press play', async () => {
  const { context, page } = await login();
  const fromNewsroom = thirdParty(page);
  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  const headline = `Ferry crossings on video ${Date.now()}`;
  await page.fill('input[name="headline"]', headline);
  const editor = page.locator('.rich-editor-content');
  await editor.waitFor({ timeout: 10000 });
  await editor.click();
  await page.keyboard.type('The first crossing was filmed.');
  await page.keyboard.press('Enter');

  await page.click('.rich-toolbar button[aria-label="Embed a post or video"]');
  const dialog = page.locator('.rich-dialog[role="dialog"]');
  await dialog.waitFor();
  const address = dialog.locator('input[type="url"]');
  await address.fill('http://youtu.be/dQw4w9WgXcQ');
  await address.press('Enter');
  const problem = dialog.locator('.rich-dialog-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /^This address is not a supported social post or video: http:\/\/youtu\.be\/dQw4w9WgXcQ\./);
  assert.ok(page.url().includes('/admin/articles/new'), 'Enter in the dialog does not send the form');
  await address.fill('https://youtu.be/dQw4w9WgXcQ?si=tracking');
  await dialog.locator('input').nth(1).fill('The first crossing');
  await dialog.locator('button.primary').click();
  const video = editor.locator('.rich-embed[data-embed="embed"]').first();
  await video.waitFor();
  assert.equal(await video.locator('.rich-embed-name').textContent(), 'YouTube video');

  // A bare address pasted on an empty line becomes a block too.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.evaluate((url) => {
    const data = new DataTransfer();
    data.setData('text/plain', url);
    document.querySelector('.rich-editor-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, POST);
  await editor.locator('.rich-embed[data-embed="embed"]').nth(1).waitFor();
  const body = await page.inputValue('textarea[name="body"]');
  assert.match(body, /^::embed\[https:\/\/youtu\.be\/dQw4w9WgXcQ\?si=tracking\]\{caption="The first crossing"\}$/m);
  assert.match(body, new RegExp(`^::embed\\[${POST.replace(/[.?/]/g, '\\$&')}\\]$`, 'm'));
  assert.deepEqual(fromNewsroom, [], 'the newsroom asked no provider for anything');

  // A link to one of the site's articles dragged in from another tab lands as its card.
  const front = await (await fetch(`${server.base}/en`)).text();
  const href = front.match(/href="(\/en\/\d{4}\/\d{2}\/\d{2}\/[^"]+-(\d+))"/);
  assert.ok(href, 'an article link on the front page');
  const target = await editor.locator('p').first().boundingBox();
  await page.evaluate(({ url, x, y }) => {
    const data = new DataTransfer();
    data.setData('text/uri-list', url);
    data.setData('text/plain', url);
    const content = document.querySelector('.rich-editor-content');
    content.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    content.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    content.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  }, { url: `${server.base}${href[1]}`, x: target.x + 10, y: target.y + target.height / 2 });
  await editor.locator('.rich-embed[data-embed="related"]').first().waitFor({ timeout: 5000 });
  assert.match(await page.inputValue('textarea[name="body"]'), new RegExp(`^::related\\[${href[2]}\\]$`, 'm'), 'the dropped link is a related card in the body');

  const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
  await page.selectOption('select[name="section_id"]', section);
  const author = await page.locator('select[name="author_ids"] option').first().getAttribute('value');
  await page.selectOption('select[name="author_ids"]', [author]);
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
  assert.match(page.url(), /done=published/, `published (${page.url()})`);
  await context.close();

  const reader = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const fromReader = thirdParty(reader);
  // The sandbox has no internet: answer the player ourselves, it need not load.
  await reader.route(/youtube-nocookie\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>player</title>' }));
  await reader.goto(`${server.base}/en`);
  await reader.locator(`a:has-text("${headline}")`).first().click();
  const facade = reader.locator('.story__body figure.embed-video');
  await facade.waitFor();
  assert.equal(await reader.locator('iframe').count(), 0, 'no player before play');
  const card = reader.locator('.story__body figure.embed-social');
  assert.equal(await card.locator('.embed-account').textContent(), '@harbour.example.com');
  assert.equal(await card.locator('a.embed-link').getAttribute('href'), POST);
  assert.equal(await card.locator('a.embed-link').getAttribute('rel'), 'noopener nofollow');
  assert.ok(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing overflows a phone screen');
  const box = await facade.locator('.embed-play').boundingBox();
  assert.ok(Math.abs(box.width / box.height - 16 / 9) < 0.05, `the facade is 16:9 (${box.width}×${box.height})`);
  assert.deepEqual(fromReader, [], 'the page asked no third party for anything');
  await facade.scrollIntoViewIfNeeded();
  await reader.screenshot({ path: `${SHOTS}embed-facade-phone.png` });

  await facade.locator('.embed-play').click();
  const frame = facade.locator('iframe.embed-frame');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
  assert.equal(await frame.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
  assert.equal(await frame.getAttribute('loading'), 'lazy');
  assert.equal(await frame.getAttribute('title'), 'YouTube: The first crossing');
  assert.ok(fromReader.every((url) => url.startsWith('https://www.youtube-nocookie.com/')), `only the player after play: ${fromReader}`);
  await reader.close();

  // Right to left: the card's border and the play button's label sit on the reading side.
  const rtl = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await rtl.goto(`${server.base}/en`);
  await rtl.locator(`a:has-text("${headline}")`).first().click();
  await rtl.locator('.story__body figure.embed-social').waitFor();
  const sides = await rtl.evaluate(() => {
    // As an Arabic edition's page lays it out (the body takes the edition's direction).
    const body = document.querySelector('.story__body');
    body.dir = 'rtl';
    const card = getComputedStyle(body.querySelector('.embed-social'));
    return { right: card.borderRightWidth, left: card.borderLeftWidth, overflow: document.documentElement.scrollWidth <= window.innerWidth };
  });
  assert.equal(sides.right, '4px', 'the accent border is on the start side (right) in RTL');
  assert.equal(sides.left, '1px');
  assert.ok(sides.overflow, 'nothing overflows in RTL');
  await rtl.close();
});
