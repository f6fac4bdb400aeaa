// Page weight of the reading site as a reader's browser loads it: the front page and the
// newest article of each edition, on a phone (390×844 at 3×) and a desktop (1366×768 at 1×),
// with the demo's real-size photos (1920 px long edge, as `serve --demo` makes them).
// Bytes are what went over the wire (compressed bodies, as Chromium asks for them),
// summed per kind: HTML, CSS, JS, images, fonts, other; once after load and once after
// scrolling to the bottom (lazy images, the next article of the infinite scroll).
//
//   node bench/page-weight.mjs [--articles 300]        (NEWSDESK_BIN: the binary)
//
// Needs Debian's chromium and `npm ci` in tests/browser (playwright-core comes from there).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const articles = Number(args[args.indexOf('--articles') + 1] || 300) || 300;
const bin = process.env.NEWSDESK_BIN || new URL('../target/release/newsdesk', import.meta.url).pathname;

const data = mkdtempSync(join(tmpdir(), 'newsdesk-weight-'));
const env = { ...process.env, NEWSDESK_DEMO_ARTICLES: String(articles), NEWSDESK_LOG: 'warn' };
delete env.NEWSDESK_BIN;
const child = spawn(bin, ['serve', '--demo', '--listen', '127.0.0.1:0', '--data', data], {
  env, stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/listening on (http:\/\/[^\s]+)/);
    if (m) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`newsdesk exited with ${code}`)));
});

const KINDS = { document: 'HTML', stylesheet: 'CSS', script: 'JS', image: 'images', font: 'fonts' };
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function weigh(device, path) {
  const context = await browser.newContext(DEVICES[device]);
  const page = await context.newPage();
  const responses = [];
  page.on('requestfinished', (req) => responses.push(req));
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const sum = async (list) => {
    const totals = { HTML: 0, CSS: 0, JS: 0, images: 0, fonts: 0, other: 0 };
    for (const req of list) {
      const sizes = await req.sizes();
      totals[KINDS[req.resourceType()] || 'other'] += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    return totals;
  };
  const loaded = await sum(responses.slice());
  // Scroll down in screenfuls, so lazy images and the next article load as a reader's would.
  for (let i = 0; i < 40; i++) {
    const done = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (done) break;
  }
  await page.waitForLoadState('networkidle');
  const scrolled = await sum(responses);
  await context.close();
  return { loaded, scrolled };
}

const kb = (n) => (n / 1024).toFixed(1);
const row = (edition, page, device, when, t) => {
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  console.log(`| ${edition} | ${page} | ${device} | ${when} | ${kb(t.HTML)} | ${kb(t.CSS)} | ${kb(t.JS)} | ${kb(t.images)} | ${kb(t.fonts + t.other)} | **${kb(total)}** |`);
};

try {
  console.log(`${articles}-article demo, KB on the wire (headers included)\n`);
  console.log('| edition | page | device | when | HTML | CSS | JS | images | other | total |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const edition of ['en', 'ar']) {
    const front = await (await fetch(`${base}/${edition}`)).text();
    const article = front.match(new RegExp(`href="(/${edition}/\\d{4}/\\d{2}/\\d{2}/[^"]+)"`))?.[1];
    if (!article) throw new Error(`no article link on /${edition}`);
    for (const [name, path] of [['front', `/${edition}`], ['article', article]]) {
      for (const device of Object.keys(DEVICES)) {
        const { loaded, scrolled } = await weigh(device, path);
        row(edition, name, device, 'load', loaded);
        row(edition, name, device, 'scrolled', scrolled);
      }
    }
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(data, { recursive: true, force: true });
}
