// The newsroom editor with a long article: time to open the editor on an article of 5,000
// words with 20 embeds (10 photos, 10 related cards) until it is ready to type in with
// every embed's preview shown, and time to save it (click Save until the saved page has
// loaded), each RUNS times, p50 and p90. Headless Chromium through playwright-core.
//
// Usage: NEWSDESK_BIN=target/release/newsdesk node bench/editor.mjs [RUNS]
// Needs `npm ci` in tests/browser (playwright-core) and Debian's chromium.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

process.env.NEWSDESK_TEST_BIN ||= process.env.NEWSDESK_BIN || new URL('../target/release/newsdesk', import.meta.url).pathname;
delete process.env.NEWSDESK_BIN; // the server refuses NEWSDESK_* variables it does not know
const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
require.resolve('playwright-core'); // fails early with a clear message when npm ci was not run
const { startServer, launchBrowser, binary } = await import('../tests/browser/server.js');

const RUNS = Number(process.argv[2] || 10);
const PASSWORD = 'a long bench password 42';
const WORDS = 'the harbour authority said on monday that ferries would leave every twenty minutes from the new terminal while the old pier closes for repairs until spring'.split(' ');

// 5,000 words in paragraphs of 100 with a subheading every 1,000, and an embed after
// every 250 words, alternating photo and related card.
function body(photos, articles) {
  const out = [];
  let embeds = 0;
  for (let word = 0; word < 5000; word += 50) {
    if (word % 1000 === 0) out.push(`## Part ${word / 1000 + 1}`);
    const text = Array.from({ length: 50 }, (_, i) => WORDS[(word + i) % WORDS.length]).join(' ');
    out.push(`${text[0].toUpperCase()}${text.slice(1)}, **officials said**.`);
    if ((word + 50) % 250 === 0 && embeds < 20) {
      out.push(embeds % 2 === 0 ? `::photo[${photos[(embeds / 2) % photos.length]}]` : `::related[${articles[(embeds >> 1) % articles.length]}]`);
      embeds += 1;
    }
  }
  return `${out.join('\n\n')}\n`;
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => `${x.toFixed(0)} ms`;

const server = await startServer({ articles: 60 });
const browser = await launchBrowser();
try {
  execFileSync(binary(), ['user', 'add', '--data', server.data, '--email', 'bench@example.com', '--name', 'Bench Editor', '--role', 'editor'], { input: `${PASSWORD}\n`, env: { ...process.env, NEWSDESK_LOG: 'warn' } });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin/login`);
  await page.fill('input[name="email"]', 'bench@example.com');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);

  // Ids of demo photos and published articles, from the Admin API the pickers use.
  const api = async (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const photos = (await api('/api/v1/admin/photos?per_page=10')).items.map((p) => p.id);
  const articles = (await api('/api/v1/admin/articles?status=published&per_page=10')).items.map((a) => a.id);
  if (photos.length === 0 || articles.length === 0) throw new Error('the demo has no photos or articles');

  await page.goto(`${server.base}/admin/articles/new?edition=en`);
  await page.fill('input[name="headline"]', `A long read for the editor benchmark ${Date.now()}`);
  await page.click('[data-source-toggle]');
  const text = body(photos, articles);
  await page.fill('textarea[name="body"]', text);
  await Promise.all([page.waitForNavigation(), page.click('button[name="then"][value="save"]')]);
  const edit = page.url().split('?')[0];
  console.log(`article: ${text.split(/\s+/).filter((w) => /\w/.test(w) && !w.startsWith('::')).length} words, ${(text.match(/^::/gm) || []).length} embeds, ${text.length} characters (${edit})`);

  const open = [];
  const save = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = Date.now();
    await page.goto(edit);
    await page.waitForFunction(() => {
      const blocks = document.querySelectorAll('.rich-editor-content .rich-embed');
      const images = [...document.querySelectorAll('.rich-editor-content .rich-embed img')];
      return blocks.length === 20 && images.length >= 10 && images.every((img) => img.complete && img.naturalWidth > 0);
    }, null, { timeout: 60000, polling: 20 });
    open.push(Date.now() - started);

    await page.locator('.rich-editor-content p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(` ${run}`);
    const saving = Date.now();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[name="then"][value="save"]')]);
    save.push(Date.now() - saving);
    if (!page.url().includes('done=saved')) throw new Error(`not saved: ${page.url()}`);
  }
  console.log(`open the editor (ready, 20 previews shown): p50 ${ms(quantile(open, 0.5))}, p90 ${ms(quantile(open, 0.9))} over ${RUNS}`);
  console.log(`save (click to saved page loaded):          p50 ${ms(quantile(save, 0.5))}, p90 ${ms(quantile(save, 0.9))} over ${RUNS}`);
} finally {
  await browser.close();
  await server.stop();
}
