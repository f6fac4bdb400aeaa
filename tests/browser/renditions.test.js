// Photo renditions end to end, against the real binary: an editor uploads the IPTC
// reference photo in the media library, publishes an article with it as hero and in the
// body, and once the rendition worker has run, every image URL the public page offers
// (<picture> sources, <img> src/srcset, og:image) answers 200 with an image whose real
// width is the one its srcset descriptor promises, and the browser actually shows them.
// On SQLite always; on PostgreSQL when NEWSDESK_TEST_DATABASE_URL is set (or in CI).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser } from './server.js';
import { freshPostgresUrl } from './pg.js';

const BIN = process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
const PHOTO = new URL('../../fixtures/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg', import.meta.url).pathname;
const PASSWORD = 'a long test password 42';
const EMAIL = 'renditions-editor@example.com';
const ALT = 'A test scene photographed for the IPTC reference image';
const RENDITION_WAIT_MS = 60_000;
const SHOTS = mkdtempSync(join(tmpdir(), 'newsdesk-renditions-shots-'));

let browser;
before(async () => {
  assert.ok(existsSync(PHOTO), `sample photo at ${PHOTO}`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// --- Image headers: the decoded size of a JPEG or WebP, from its bytes -------------------

/** Width and height from a JPEG's SOFn segment. */
function jpegSize(buf) {
  if (buf[0] !== 0xff || buf[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) throw new Error(`JPEG: expected a marker at byte ${i}`);
    let marker = buf[i + 1];
    while (marker === 0xff && i + 2 < buf.length) { i += 1; marker = buf[i + 1]; } // fill bytes
    i += 2;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before any SOF
    const len = buf.readUInt16BE(i);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { width: buf.readUInt16BE(i + 5), height: buf.readUInt16BE(i + 3) };
    i += len;
  }
  throw new Error('JPEG: no SOF marker before the scan');
}

/** Width and height from a WebP's VP8 (lossy), VP8L (lossless) or VP8X (extended) header. */
function webpSize(buf) {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WEBP') throw new Error('not a WebP (no RIFF/WEBP header)');
  const chunk = buf.toString('ascii', 12, 16);
  const d = 20; // chunk payload
  if (chunk === 'VP8 ') {
    if (buf[d + 3] !== 0x9d || buf[d + 4] !== 0x01 || buf[d + 5] !== 0x2a) throw new Error('WebP VP8: bad start code');
    return { width: buf.readUInt16LE(d + 6) & 0x3fff, height: buf.readUInt16LE(d + 8) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (buf[d] !== 0x2f) throw new Error('WebP VP8L: bad signature');
    const bits = buf.readUInt32LE(d + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: buf.readUIntLE(d + 4, 3) + 1, height: buf.readUIntLE(d + 7, 3) + 1 };
  }
  throw new Error(`WebP: unknown first chunk ${JSON.stringify(chunk)}`);
}

/** Fetches an image URL and returns its status, content type and decoded size. */
async function fetchImage(url) {
  const res = await fetch(url, { redirect: 'manual' });
  const type = (res.headers.get('content-type') || '').split(';')[0].trim();
  const buf = Buffer.from(await res.arrayBuffer());
  let size = null;
  let error = null;
  if (res.status === 200) {
    try {
      size = type === 'image/webp' ? webpSize(buf) : type === 'image/jpeg' ? jpegSize(buf) : null;
    } catch (e) {
      error = e.message;
    }
  }
  return { url, status: res.status, type, bytes: buf.length, size, error };
}

/** `a.jpg 640w, b.jpg 1280w` → [{ url, width }]; descriptors other than `w` keep width null. */
function parseSrcset(srcset) {
  return srcset.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [url, descriptor = ''] = entry.split(/\s+/);
    const m = descriptor.match(/^(\d+)w$/);
    return { url, width: m ? Number(m[1]) : null };
  });
}

// --- The scenario ---------------------------------------------------------------------------

async function login(base) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.ok(!page.url().includes('/admin/login'), `logged in as ${EMAIL} (at ${page.url()})`);
  return { context, page };
}

/** The alert/field errors a newsroom form shows, for assertion messages. */
async function formErrors(page) {
  return (await page.locator('.errors, .error, [role="alert"], .field-error').allInnerTexts()).join(' | ');
}

async function renditionsScenario(t, { label, databaseUrl }) {
  const server = await startServer({ articles: 12, databaseUrl });
  try {
    const dbArgs = databaseUrl ? ['--database-url', databaseUrl] : [];
    execFileSync(BIN, ['user', 'add', '--data', server.data, ...dbArgs, '--email', EMAIL, '--name', 'Rena Renditions', '--role', 'editor'],
      { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
    const { context, page } = await login(server.base);

    // 1. Upload the photo through the media library, with its alt text.
    await page.goto(`${server.base}/admin/media/new`);
    await page.setInputFiles('input[name="file"]', PHOTO);
    await page.fill('textarea[name="alt_text"]', ALT);
    await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    const photoPath = new URL(page.url()).pathname;
    const photoId = Number(photoPath.split('/').pop());
    assert.ok(photoId > 0, `the photo page after upload (${page.url()}; ${await formErrors(page)})`);
    assert.equal(await page.inputValue('textarea[name="alt_text"]'), ALT, 'the alt text was kept');

    // 2. Write the article: photo as hero and in the body, a section and a byline.
    await page.goto(`${server.base}/admin/articles/new?edition=en`);
    const headline = `Renditions reach readers ${label} ${Date.now()}`;
    await page.fill('input[name="headline"]', headline);
    await page.fill('textarea[name="lead"]', 'Every size of the photo is made and served.');
    await page.click('[data-source-toggle]'); // the Markdown view: the textarea itself
    await page.fill('textarea[name="body"]', `The first paragraph.\n\n::photo[${photoId}]\n\nThe last paragraph.\n`);
    await page.fill('input[name="hero_photo_id"]', String(photoId));
    const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
    assert.ok(section, 'the edition has a section to choose');
    await page.selectOption('select[name="section_id"]', section);
    const author = await page.locator('select[name="author_ids"] option').first().getAttribute('value');
    assert.ok(author, 'the edition has an author for the byline');
    await page.selectOption('select[name="author_ids"]', [author]);
    await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
    assert.match(page.url(), /done=published/, `published (at ${page.url()}; ${await formErrors(page)})`);
    const live = await page.locator('a', { hasText: 'view live' }).first().getAttribute('href');
    assert.ok(live, 'the editor links the live article');
    const articleUrl = new URL(live, server.base).toString();

    // 3. Wait (bounded) for the worker: the library stops saying "being made…", then the
    //    public page (cached, invalidated when the photo changes) prints the <img>.
    const deadline = Date.now() + RENDITION_WAIT_MS;
    let renditionsText = '';
    for (;;) {
      await page.goto(`${server.base}${photoPath}`);
      renditionsText = (await page.locator('dt:has-text("Renditions") + dd').innerText()).trim();
      if (!renditionsText.includes('being made')) break;
      assert.ok(Date.now() < deadline, `renditions made within ${RENDITION_WAIT_MS / 1000} s (photo ${photoId} still says "${renditionsText}")`);
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(Number(renditionsText) > 0, `the photo has renditions (library says "${renditionsText}")`);
    let html = '';
    for (;;) {
      html = await (await fetch(articleUrl)).text();
      const figures = html.match(/<figure class="(?:story__hero|photo)">[\s\S]*?<\/figure>/g) || [];
      const srcs = figures.map((f) => f.match(/<img src="([^"]*)"/)?.[1] ?? '');
      if (srcs.length >= 2 && srcs.every(Boolean)) break;
      assert.ok(Date.now() < deadline, `the public page prints the hero and body photos once renditions exist (library says ${renditionsText} renditions; ${articleUrl} has: ${figures.join('\n') || 'no figures'})`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // 4. The public page in the browser: every hero/body image URL, fetched from node.
    const reader = await context.newPage();
    const res = await reader.goto(articleUrl);
    assert.equal(res.status(), 200, `article page ${articleUrl}`);
    const story = reader.locator('main article.story').first();
    assert.equal((await story.locator('h1').innerText()).trim(), headline);
    const figures = { hero: story.locator('figure.story__hero'), body: story.locator('.story__body figure.photo') };
    const checked = [];
    for (const [where, figure] of Object.entries(figures)) {
      assert.equal(await figure.count(), 1, `one ${where} figure`);
      assert.equal(await figure.locator('picture').count(), 1, `the ${where} figure has a <picture>`);
      const pic = await figure.locator('picture').evaluate((p) => ({
        sources: [...p.querySelectorAll('source')].map((s) => ({ type: s.getAttribute('type'), srcset: s.getAttribute('srcset') || '' })),
        img: (() => { const i = p.querySelector('img'); return { src: i.getAttribute('src') || '', srcset: i.getAttribute('srcset') || '', width: Number(i.getAttribute('width')), height: Number(i.getAttribute('height')), alt: i.alt }; })(),
      }));
      assert.equal(pic.img.alt, ALT, `${where} img alt text`);
      assert.ok(pic.img.src, `${where} img has a src`);
      const types = pic.sources.map((s) => s.type);
      assert.ok(types.includes('image/webp') && types.includes('image/jpeg'), `${where} <picture> offers WebP and JPEG (${types.join(', ')})`);

      // [url, expected width or null, expected content type or null, what it is]
      const wanted = [];
      for (const s of pic.sources) {
        const entries = parseSrcset(s.srcset);
        assert.ok(entries.length > 0, `${where} <source type=${s.type}> lists images`);
        for (const e of entries) wanted.push([e.url, e.width, s.type, `${where} <source type=${s.type}> ${e.url} ${e.width}w`]);
      }
      for (const e of parseSrcset(pic.img.srcset)) wanted.push([e.url, e.width, null, `${where} <img srcset> ${e.url} ${e.width}w`]);
      wanted.push([pic.img.src, pic.img.width || null, null, `${where} <img src> ${pic.img.src} (width attribute ${pic.img.width})`]);

      for (const [url, width, type, what] of wanted) {
        const got = await fetchImage(new URL(url, articleUrl).toString());
        checked.push({ what, ...got });
        assert.equal(got.status, 200, `${what}: HTTP ${got.status}`);
        assert.ok(['image/webp', 'image/jpeg'].includes(got.type), `${what}: content-type ${got.type}`);
        if (type) assert.equal(got.type, type, `${what}: served as the type its <source> declares`);
        assert.ok(got.size, `${what}: decodable ${got.type} header (${got.error}; ${got.bytes} bytes)`);
        if (width) assert.equal(got.size.width, width, `${what}: decoded width ${got.size.width}px`);
      }

      // The browser really loaded the image (the body one is lazy: bring it into view).
      const img = figure.locator('img');
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((i) => (i.complete ? null : new Promise((r) => { i.addEventListener('load', r, { once: true }); i.addEventListener('error', r, { once: true }); })));
      const loaded = await img.evaluate((i) => ({ naturalWidth: i.naturalWidth, currentSrc: i.currentSrc }));
      assert.ok(loaded.naturalWidth > 0, `${where} img loaded in the browser (naturalWidth ${loaded.naturalWidth}, currentSrc ${loaded.currentSrc})`);
    }
    const distinct = [...new Map(checked.map((c) => [c.url, c])).values()];
    t.diagnostic(`${label}: ${checked.length} image references, ${distinct.length} distinct URLs: ${distinct.map((c) => `${new URL(c.url).pathname.split('/').pop()} ${c.size?.width}x${c.size?.height}`).join(', ')}`);

    // 5. og:image: the share image answers with an image of the size the tags declare.
    const og = await reader.evaluate(() => Object.fromEntries(['og:image', 'og:image:type', 'og:image:width', 'og:image:height']
      .map((p) => [p, document.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? null])));
    assert.ok(og['og:image'], 'the article page has <meta property="og:image">');
    const share = await fetchImage(new URL(og['og:image'], articleUrl).toString());
    assert.equal(share.status, 200, `og:image ${og['og:image']}: HTTP ${share.status}`);
    assert.match(share.type, /^image\//, `og:image ${og['og:image']}: content-type ${share.type}`);
    if (og['og:image:type']) assert.equal(share.type, og['og:image:type'], 'og:image is served as og:image:type says');
    if (share.size && og['og:image:width']) {
      assert.deepEqual([share.size.width, share.size.height], [Number(og['og:image:width']), Number(og['og:image:height'])], `og:image ${og['og:image']} has the declared size`);
    }

    t.diagnostic(`${label}: og:image ${og['og:image']} ${share.type} ${share.size?.width}x${share.size?.height}`);

    await reader.evaluate(() => window.scrollTo(0, 0));
    const shot = join(SHOTS, `article-${label}-desktop.png`);
    await reader.screenshot({ path: shot, fullPage: false });
    t.diagnostic(`screenshot: ${shot}`);
    await reader.close();
    await context.close();
  } finally {
    await server.stop();
  }
}

test('uploaded photo renditions reach the public article page (SQLite)', { timeout: 180_000 }, async (t) => {
  await renditionsScenario(t, { label: 'sqlite' });
});

test('uploaded photo renditions reach the public article page (PostgreSQL)', {
  timeout: 180_000,
  skip: !process.env.NEWSDESK_TEST_DATABASE_URL && process.env.CI !== 'true',
}, async (t) => {
  const url = freshPostgresUrl();
  try {
    await renditionsScenario(t, { label: 'postgres', databaseUrl: url });
  } finally {
    const name = new URL(url).pathname.slice(1);
    const admin = new URL(url);
    admin.pathname = '/postgres';
    try {
      execFileSync('psql', [admin.toString(), '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
    } catch { /* best effort: the CI run's own database is dropped anyway */ }
  }
});

// --- The hero frame (issue 17) ----------------------------------------------------------------
// A portrait lead photo is shown in the article's 16:9 frame, cut around the focal point an
// editor sets by clicking the picture in the media library, so on a 390×844 phone the
// first paragraph starts on the first screen; the hero's srcset images are all 16:9.

/** A portrait original from the demo's photos (they are 3:2, 16:9, 4:3, 1:1 and 2:3). */
function portraitOriginal(data) {
  const dir = join(data, 'media', 'demo');
  for (const name of readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith('.jpg')).sort()) {
    const path = join(dir, name);
    const { width, height } = jpegSize(readFileSync(path));
    if (height > width * 1.4) return { path, width, height };
  }
  throw new Error(`no portrait among the demo photos in ${dir}`);
}

async function heroFrameScenario(t, { label, databaseUrl }) {
  const server = await startServer({ articles: 12, databaseUrl });
  try {
    const dbArgs = databaseUrl ? ['--database-url', databaseUrl] : [];
    execFileSync(BIN, ['user', 'add', '--data', server.data, ...dbArgs, '--email', EMAIL, '--name', 'Rena Renditions', '--role', 'editor'],
      { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
    const { context, page } = await login(server.base);
    const portrait = portraitOriginal(server.data);

    // 1. Upload the portrait; wait (bounded) for its renditions.
    await page.goto(`${server.base}/admin/media/new`);
    await page.setInputFiles('input[name="file"]', portrait.path);
    await page.fill('textarea[name="alt_text"]', 'A tall view of a city street under an evening sky');
    await Promise.all([page.waitForNavigation(), page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    const photoPath = new URL(page.url()).pathname;
    const photoId = Number(photoPath.split('/').pop());
    assert.ok(photoId > 0, `the photo page after upload (${page.url()}; ${await formErrors(page)})`);
    const deadline = Date.now() + RENDITION_WAIT_MS;
    for (;;) {
      await page.goto(`${server.base}${photoPath}`);
      const text = (await page.locator('dt:has-text("Renditions") + dd').innerText()).trim();
      if (!text.includes('being made')) break;
      assert.ok(Date.now() < deadline, `renditions of photo ${photoId} made within ${RENDITION_WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // 2. Click the picture 30 % from its top: the fields follow, the frame is outlined.
    await page.goto(`${server.base}${photoPath}`);
    const picker = page.locator('[data-focus-picker]');
    const img = picker.locator('img');
    await img.evaluate((i) => (i.complete ? null : new Promise((r) => i.addEventListener('load', r, { once: true }))));
    const box = await img.boundingBox();
    assert.ok(box && box.width > 0 && box.height > box.width, `the picker shows the portrait (${JSON.stringify(box)})`);
    await img.click({ position: { x: box.width / 2, y: box.height * 0.3 } });
    const fy = Number(await page.inputValue('input[name="focus_y"]'));
    const fx = Number(await page.inputValue('input[name="focus_x"]'));
    assert.ok(Math.abs(fy - 0.3) < 0.01 && Math.abs(fx - 0.5) < 0.01, `the click filled the fields (${fx}, ${fy})`);
    const frame = await picker.locator('.focus-picker__frame').boundingBox();
    const shownBox = await img.boundingBox(); // after the click scrolled it into view
    assert.ok(frame && Math.abs(frame.width / frame.height - 16 / 9) < 0.02, `the 16:9 frame is outlined (${JSON.stringify(frame)})`);
    const pic = shownBox;
    assert.ok(frame.x >= pic.x - 1 && frame.x + frame.width <= pic.x + pic.width + 1
      && frame.y >= pic.y - 1 && frame.y + frame.height <= pic.y + pic.height + 1,
      `the frame stays inside the picture (frame ${JSON.stringify(frame)}, picture ${JSON.stringify(pic)})`);
    // Centred on the point, which is far enough from the edges to be centred.
    assert.ok(Math.abs(frame.y + frame.height / 2 - (pic.y + pic.height * 0.3)) < 3, 'the frame is centred on the point');
    await Promise.all([page.waitForNavigation(), page.click('#focus-form button[type="submit"]')]);
    assert.match(page.url(), /done=focus/, `focal point set (at ${page.url()}; ${await formErrors(page)})`);
    const point = `f${Math.round(fx * 1000)}x${Math.round(fy * 1000)}`;

    // 3. An article with it as hero, a long headline and a lead, as a real story has.
    await page.goto(`${server.base}/admin/articles/new?edition=en`);
    // A headline and lead of the usual length (two or three lines each on a phone).
    const headline = 'Crowds gather in the old town as the budget vote nears';
    await page.fill('input[name="headline"]', headline);
    await page.fill('textarea[name="lead"]', 'Thousands waited in the streets for the result, which is expected after midnight.');
    await page.click('[data-source-toggle]'); // the Markdown view: the textarea itself
    await page.fill('textarea[name="body"]', 'The first paragraph of the story.\n\nThe second paragraph.\n');
    await page.fill('input[name="hero_photo_id"]', String(photoId));
    const section = await page.locator('select[name="section_id"] option:not([value=""])').first().getAttribute('value');
    await page.selectOption('select[name="section_id"]', section);
    const author = await page.locator('select[name="author_ids"] option').first().getAttribute('value');
    await page.selectOption('select[name="author_ids"]', [author]);
    await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="publish"]')]);
    assert.match(page.url(), /done=published/, `published (at ${page.url()}; ${await formErrors(page)})`);
    const live = await page.locator('a', { hasText: 'view live' }).first().getAttribute('href');
    const articleUrl = new URL(live, server.base).toString();

    // 4. Wait for the crops around the point to reach the public page.
    let hero = '';
    for (;;) {
      const html = await (await fetch(articleUrl)).text();
      hero = html.match(/<figure class="story__hero">[\s\S]*?<\/figure>/)?.[0] ?? '';
      if (hero.includes(`c16x9-${point}-w`) && hero.includes('.webp')) break;
      assert.ok(Date.now() < deadline + RENDITION_WAIT_MS, `the hero uses the crops around ${point} (${hero || 'no hero'})`);
      await new Promise((r) => setTimeout(r, 500));
    }

    // 5. Every hero image offered loads and is 16:9.
    const srcsets = [...hero.matchAll(/srcset="([^"]+)"/g)].map((m) => m[1].replaceAll('&#x2f;', '/'));
    assert.equal(srcsets.length, 2, 'WebP and JPEG sources');
    for (const entry of srcsets.flatMap(parseSrcset)) {
      const got = await fetchImage(new URL(entry.url, articleUrl).toString());
      assert.equal(got.status, 200, `${entry.url}: HTTP ${got.status}`);
      assert.ok(['image/webp', 'image/jpeg'].includes(got.type), `${entry.url}: ${got.type}`);
      assert.equal(got.size.width, entry.width, `${entry.url}: width`);
      assert.ok(Math.abs(got.size.width / got.size.height / (16 / 9) - 1) < 0.01, `${entry.url}: ${got.size.width}x${got.size.height} is 16:9`);
    }

    // 6. On a phone: the hero is a 16:9 box and the first paragraph is on the first screen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const reader = await phone.newPage();
    assert.equal((await reader.goto(articleUrl)).status(), 200);
    const story = reader.locator('main article.story').first();
    const heroImg = story.locator('figure.story__hero img');
    await heroImg.evaluate((i) => (i.complete ? null : new Promise((r) => { i.addEventListener('load', r, { once: true }); i.addEventListener('error', r, { once: true }); })));
    const shown = await heroImg.evaluate((i) => ({ w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height, nw: i.naturalWidth, nh: i.naturalHeight, src: i.currentSrc }));
    assert.ok(shown.nw > 0 && shown.src.includes(`c16x9-${point}-w`), `the phone loads a crop (${JSON.stringify(shown)})`);
    assert.ok(Math.abs(shown.w / shown.h - 16 / 9) < 0.02, `the hero box is 16:9 (${shown.w}x${shown.h})`);
    const first = await story.locator('.story__body p').first().evaluate((p) => p.getBoundingClientRect().top + window.scrollY);
    t.diagnostic(`${label}: phone hero ${Math.round(shown.w)}x${Math.round(shown.h)} (${shown.src.split('/').pop()}), first paragraph at y=${Math.round(first)}`);
    const layout = await story.evaluate((s) => ['.story__header', 'h1', '.story__lead', '.story__meta', '.share', 'figure.story__hero', 'figure.story__hero figcaption']
      .map((sel) => { const e = s.querySelector(sel); if (!e) return `${sel} -`; const r = e.getBoundingClientRect(); return `${sel} ${Math.round(r.top + window.scrollY)}+${Math.round(r.height)}`; }).join(', '));
    t.diagnostic(`${label}: phone layout ${layout}`);
    const shot = join(SHOTS, `hero-frame-${label}-phone.png`);
    await reader.screenshot({ path: shot, fullPage: false });
    t.diagnostic(`screenshot: ${shot}`);
    assert.ok(first < 844, `the first paragraph starts on the first screen of a 390×844 phone (y=${first})`);
    await phone.close();
    await context.close();
  } finally {
    await server.stop();
  }
}

test('a portrait hero is framed 16:9 around its focal point, the story on the first screen (SQLite)', { timeout: 180_000 }, async (t) => {
  await heroFrameScenario(t, { label: 'sqlite' });
});
