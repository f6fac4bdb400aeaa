// Crops per aspect in the media library, in a real browser against the real binary: an
// editor moves the square crop of a demo photo with the arrow keys, drags it and resizes
// it by a corner (the rectangle keeps its aspect, the fields follow, a live preview shows
// the unsaved crop), saves it, sees the crop made from exactly that rectangle, and resets
// it to the focal point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, binary } from './server.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';
const EMAIL = 'crop-editor@example.com';
const WAIT_MS = 60_000;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function login(base) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.ok(!page.url().includes('/admin/login'), `logged in (at ${page.url()})`);
  return { context, page };
}

const rectOf = async (form) => {
  const value = async (name) => Number(await form.locator(`input[name="${name}"]`).inputValue());
  return { x: await value('x'), y: await value('y'), width: await value('width'), height: await value('height') };
};

test('an editor drags, resizes, saves and resets the square crop of a photo', { timeout: 180_000 }, async () => {
  const server = await startServer({ articles: 4 });
  const errors = [];
  try {
    execFileSync(binary(), ['user', 'add', '--data', server.data, '--email', EMAIL, '--name', 'Cora Crop', '--role', 'editor'],
      { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
    const { context, page } = await login(server.base);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

    // A demo photo whose renditions are made (the demo's worker makes them at start).
    await page.goto(`${server.base}/admin/media`);
    const href = await page.locator('a[href^="/admin/media/"]:not([href="/admin/media/new"])').first().getAttribute('href');
    assert.ok(href, 'the library lists a demo photo');
    const photoUrl = new URL(href, server.base).toString();
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await page.goto(photoUrl);
      if (await page.locator('#crop-1x1 .crop-preview > img').count()) break;
      assert.ok(Date.now() < deadline, `the square crop of ${photoUrl} is made in time`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const card = page.locator('#crop-1x1');
    const form = card.locator('form');
    const box = card.locator('.crop-editor__box');
    const editor = card.locator('[data-crop-editor]');
    await box.waitFor({ state: 'visible' });
    const photoWidth = Number(await editor.getAttribute('data-photo-width'));
    const photoHeight = Number(await editor.getAttribute('data-photo-height'));
    assert.equal(await card.locator('h3 .badge').innerText(), 'from the focal point');
    const start = await rectOf(form);
    assert.equal(start.width, start.height, `the focal point's square crop (${JSON.stringify(start)})`);

    // Keyboard: arrows move it by a hundredth of the photo; the rectangle follows.
    const step = Math.max(1, Math.round(photoWidth / 100));
    await box.focus();
    const roomLeft = start.x > 0;
    await page.keyboard.press(roomLeft ? 'ArrowLeft' : 'ArrowRight');
    const moved = await rectOf(form);
    assert.equal(moved.x, roomLeft ? Math.max(0, start.x - step) : Math.min(photoWidth - start.width, start.x + step), 'an arrow key moves it');
    assert.equal(moved.width, start.width, 'moving keeps its size');
    // − makes it smaller around its centre, still square.
    await page.keyboard.press('-');
    const smaller = await rectOf(form);
    assert.ok(smaller.width < moved.width, `− shrinks it (${moved.width} → ${smaller.width})`);
    assert.equal(smaller.width, smaller.height, 'still 1:1');

    // Drag the south-east corner up and left: smaller, still square, anchored top-left.
    const handle = card.locator('.crop-editor__handle[data-handle="se"]');
    const hb = await handle.boundingBox();
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    await page.mouse.move(hb.x - 40, hb.y - 25, { steps: 5 });
    await page.mouse.up();
    const resized = await rectOf(form);
    assert.ok(resized.width < smaller.width, `the corner resizes it (${smaller.width} → ${resized.width})`);
    assert.equal(resized.width, resized.height, 'resizing keeps 1:1');
    assert.deepEqual([resized.x, resized.y], [smaller.x, smaller.y], 'the opposite corner stays put');

    // Drag the body right and down.
    const bb = await box.boundingBox();
    await page.mouse.move(bb.x + bb.width / 2, bb.y + bb.height / 2);
    await page.mouse.down();
    await page.mouse.move(bb.x + bb.width / 2 + 30, bb.y + bb.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    const dragged = await rectOf(form);
    assert.equal(dragged.width, resized.width, 'dragging keeps its size');
    assert.ok(dragged.x !== resized.x || dragged.y !== resized.y, `dragging moves it (${JSON.stringify(resized)} → ${JSON.stringify(dragged)})`);
    assert.ok(dragged.x >= 0 && dragged.y >= 0 && dragged.x + dragged.width <= photoWidth && dragged.y + dragged.height <= photoHeight, 'it stays inside the photo');
    // The unsaved crop is previewed in place of the one on record.
    assert.ok(await card.locator('.crop-preview__live').isVisible(), 'a live preview of the unsaved crop');
    assert.equal((await card.locator('.crop-preview figcaption').innerText()).trim(), 'Preview: not saved yet');

    // Save: the server keeps exactly that rectangle.
    await Promise.all([page.waitForNavigation(), card.locator('button[value="save"]').click()]);
    assert.match(page.url(), /done=crop(&|#|$)/, `saved (at ${page.url()})`);
    assert.deepEqual(await rectOf(page.locator('#crop-1x1 form')), dragged, 'the fields show what was saved');
    assert.equal(await page.locator('#crop-1x1 h3 .badge').innerText(), 'drawn');
    await page.locator('#crop-1x1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}crop-editor.png` });

    // The worker cuts it: the crop on record is named by the rectangle and is square.
    const named = `-r${dragged.x}x${dragged.y}x${dragged.width}x${dragged.height}-`;
    for (;;) {
      await page.goto(photoUrl);
      const src = await page.locator('#crop-1x1 .crop-preview > img').getAttribute('src');
      if (src && src.includes(named)) {
        const size = await page.locator('#crop-1x1 .crop-preview > img').evaluate((i) => (i.complete ? [i.naturalWidth, i.naturalHeight]
          : new Promise((r) => i.addEventListener('load', () => r([i.naturalWidth, i.naturalHeight]), { once: true }))));
        assert.equal(size[0], size[1], `the made crop ${src} is square (${size})`);
        break;
      }
      assert.ok(Date.now() < deadline + WAIT_MS, `the crop is made from the drawn rectangle (preview ${src})`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // Reset to focal point.
    await Promise.all([page.waitForNavigation(), page.locator('#crop-1x1 button[value="reset"]').click()]);
    assert.match(page.url(), /done=crop-reset/, `reset (at ${page.url()})`);
    assert.equal(await page.locator('#crop-1x1 h3 .badge').innerText(), 'from the focal point');
    assert.deepEqual(errors, [], 'no script errors');
    await context.close();
  } finally {
    await server.stop();
  }
});
