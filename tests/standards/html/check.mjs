// HTML standards of the reading site: Nu HTML Checker, axe-core and Lighthouse (mobile) against
// the front, a section, an article and the 404 page of every edition of a running demo Newsdesk.
//
//   (cd tests/standards/html && npm ci --ignore-scripts)   # and Debian's default-jre-headless, chromium
//   NEWSDESK_TEST_BIN=target/debug/newsdesk node tests/standards/html/check.mjs [nu] [axe] [lighthouse]
//
// With arguments, only the named checkers run (all three without).
// Prints one line per check ("ok  nu en front", "FAIL axe ar article phone: …") and ends with
// "N passed, N failed"; exit status 1 when any check failed. See ../README.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EDITIONS = ['en', 'ru', 'ar'];
const CHROMIUM = '/usr/bin/chromium';
// The same flags as tests/browser/server.js.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Lighthouse audits a 404 page fails by design, each with the only finding it may have. They
// are named on the check's line; every other audit of the category must pass.
const EXPECTED_ON_404 = {
  seo: {
    // The page answers 404: that is what it is for.
    'http-status-code': () => true,
    // Error pages ask not to be indexed (<meta name="robots" content="noindex">).
    'is-crawlable': (audit) => everyItem(audit, (i) => /noindex/.test(i.source?.snippet || '')),
  },
  'best-practices': {
    // Chromium logs the document's own 404 as a console error; no other error may be there.
    'errors-in-console': (audit, url) => everyItem(audit,
      (i) => i.source === 'network' && i.sourceLocation?.url === url && /status of 404/.test(i.description)),
  },
};
function everyItem(audit, test) {
  const items = audit.details?.items || [];
  return items.length > 0 && items.every(test);
}

const CHECKERS = ['nu', 'axe', 'lighthouse'];
const only = process.argv.slice(2);
for (const a of only) if (!CHECKERS.includes(a)) throw new Error(`unknown checker ${a}: use ${CHECKERS.join(', ')}`);
const runs = (c) => !only.length || only.includes(c);

const started = Date.now();
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
let passed = 0;
let failed = 0;
function ok(name, note = '') {
  passed += 1;
  console.log(`ok  ${name}${note ? ` (${note})` : ''}`);
}
function fail(name, why) {
  failed += 1;
  console.log(`FAIL ${name}: ${why}`);
}

/** Starts `newsdesk serve --demo` in a fresh data folder, as tests/browser/server.js does. */
async function startServer(articles = 60) {
  const bin = process.env.NEWSDESK_TEST_BIN || fileURLToPath(new URL('../../../target/debug/newsdesk', import.meta.url));
  const data = mkdtempSync(join(tmpdir(), 'newsdesk-html-'));
  const child = spawn(bin, ['serve', '--demo', '--listen', '127.0.0.1:0', '--data', data], {
    env: { ...process.env, NEWSDESK_DEMO_ARTICLES: String(articles), NEWSDESK_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) resolve(m[1]);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`newsdesk exited with ${code}: ${stderr}`)));
  }).catch((e) => {
    rmSync(data, { recursive: true, force: true });
    throw e;
  });
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(); else child.once('exit', r); });
      rmSync(data, { recursive: true, force: true });
    },
  };
}

async function get(url) {
  const res = await fetch(url, { redirect: 'follow' });
  return { status: res.status, url: res.url, html: await res.text() };
}

/** The four pages of an edition: front, first section of the menu, the front's lead story, a 404. */
async function pagesOf(base, ed) {
  const front = await get(`${base}/${ed}/`);
  if (front.status !== 200) throw new Error(`${base}/${ed}/ answered ${front.status}`);
  const section = front.html.match(/<nav class="sections"[\s\S]*?<a href="([^"]+)" data-accent=/);
  const article = front.html.match(/class="card__headline"><a href="([^"]+)"/);
  if (!section || !article) throw new Error(`no section or article link on ${base}/${ed}/`);
  return [
    { ed, kind: 'front', url: front.url, expect: 200 },
    { ed, kind: 'section', url: new URL(section[1], front.url).href, expect: 200 },
    { ed, kind: 'article', url: new URL(article[1], front.url).href, expect: 200 },
    { ed, kind: '404', url: `${base}/${ed}/no-such-page`, expect: 404 },
  ];
}

/** Nu HTML Checker over every page, in one java run (the JVM is slow to start). */
async function nuCheck(pages) {
  const t = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-vnu-'));
  try {
    const files = [];
    for (const p of pages) {
      const r = await get(p.url);
      if (r.status !== p.expect) {
        fail(`nu ${p.ed} ${p.kind}`, `${p.url} answered ${r.status}, expected ${p.expect}`);
        continue;
      }
      p.file = join(dir, `${p.ed}-${p.kind}.html`);
      writeFileSync(p.file, r.html);
      files.push(p);
    }
    const jar = join(HERE, 'node_modules/vnu-jar/build/dist/vnu.jar');
    const out = await new Promise((resolve, reject) => {
      const java = spawn('java', ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', ...files.map((p) => p.file)],
        { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      java.stdout.on('data', (d) => { stdout += d; });
      java.stderr.on('data', (d) => { stderr += d; });
      java.on('error', reject);
      java.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`vnu exited with ${code}: ${stderr}`))));
    });
    const messages = JSON.parse(out).messages;
    for (const p of files) {
      const own = messages.filter((m) => m.url && fileURLToPath(m.url) === p.file);
      const where = (m) => (m.lastLine ? `line ${m.lastLine}: ` : '');
      const errors = own.filter((m) => m.type === 'error' || m.subType === 'fatal');
      for (const m of own.filter((x) => !errors.includes(x))) {
        console.log(`     nu ${p.ed} ${p.kind} ${m.subType || m.type}: ${where(m)}${m.message}`);
      }
      if (errors.length) {
        fail(`nu ${p.ed} ${p.kind}`, `${errors.length} error(s)\n${errors.map((m) => `     ${where(m)}${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`).join('\n')}`);
      } else ok(`nu ${p.ed} ${p.kind}`);
    }
    // Messages that name no page (a broken run) are failures too.
    const stray = messages.filter((m) => !m.url || !files.some((p) => fileURLToPath(m.url) === p.file));
    if (stray.length) fail('nu', stray.map((m) => `${m.type}: ${m.message}`).join('; '));
  } catch (e) {
    fail('nu', e.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return secs(t);
}

/** axe-core with its default rule set (every WCAG level and best-practice), phone and desktop. */
async function axeCheck(pages) {
  const t = Date.now();
  const axePath = join(HERE, 'node_modules/axe-core/axe.min.js');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const [vp, viewport] of Object.entries(VIEWPORTS)) {
      // The site's Content-Security-Policy (script-src 'self') would refuse the injected axe.
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      for (const p of pages) {
        const name = `axe ${p.ed} ${p.kind} ${vp}`;
        try {
          // The live stream's first event decides the breaking-news banner, which is checked too.
          const stream = page.waitForResponse((r) => r.url().includes('/api/v1/live/'), { timeout: 5000 }).catch(() => null);
          const res = await page.goto(p.url, { waitUntil: 'load' });
          if (res.status() !== p.expect) throw new Error(`answered ${res.status()}, expected ${p.expect}`);
          await stream;
          await page.waitForTimeout(300); // let the page's own scripts settle
          await page.addScriptTag({ path: axePath });
          const violations = await page.evaluate(async () => {
            // eslint-disable-next-line no-undef
            const r = await axe.run(document, { resultTypes: ['violations'] });
            return r.violations.map((v) => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`),
            }));
          });
          if (violations.length) {
            fail(name, violations.map((v) => `${v.id} [${v.impact}] (${v.nodes.length} nodes) ${v.help}\n${v.nodes.slice(0, 5).map((n) => `       ${n}`).join('\n')}`).join('\n     '));
          } else ok(name);
        } catch (e) {
          fail(name, e.message);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return secs(t);
}

/** Lighthouse's default (mobile) configuration, all four categories, one Chromium for all pages. */
async function lighthouseCheck(pages) {
  const t = Date.now();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  try {
    for (const p of pages) {
      const name = `lighthouse ${p.ed} ${p.kind}`;
      let lhr;
      try {
        const result = await lighthouse(p.url, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
          ignoreStatusCode: p.expect !== 200,
        });
        lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      } catch (e) {
        for (const c of CATEGORIES) fail(`${name} ${c}`, e.message);
        continue;
      }
      for (const c of CATEGORIES) {
        const cat = lhr.categories[c];
        const expected = p.expect === 404 ? EXPECTED_ON_404[c] || {} : {};
        const failing = cat.auditRefs
          .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
          .filter(({ audit }) => audit && audit.score !== null && audit.score < 1
            && !['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode));
        const unexpected = failing.filter(({ ref, audit }) => !expected[ref.id]?.(audit, p.url));
        const score = Math.round((cat.score ?? 0) * 100);
        const describe = ({ ref, audit }) => `${ref.id} (${audit.title}; score ${Math.round(audit.score * 100)}${audit.displayValue ? `, ${audit.displayValue}` : ''}${ref.weight ? `, weight ${+ref.weight.toFixed(2)}` : ''})`;
        if (score === 100) ok(`${name} ${c}`);
        else if (!unexpected.filter(({ ref }) => ref.weight > 0).length && failing.length) {
          // Only the audits a 404 page fails by design: score below 100 for that reason alone.
          ok(`${name} ${c}`, `${score}: only ${failing.map(describe).join(', ')}, which a 404 page fails by design`);
        } else {
          const list = unexpected.length ? unexpected : failing;
          fail(`${name} ${c}`, `${score}\n${list.sort((a, b) => b.ref.weight - a.ref.weight).map((x) => `     ${describe(x)}`).join('\n')}`);
        }
      }
    }
  } finally {
    chrome.kill();
  }
  return secs(t);
}

const times = {};
let server;
try {
  server = await startServer();
  const pages = [];
  for (const ed of EDITIONS) pages.push(...await pagesOf(server.base, ed));
  for (const p of pages) console.log(`#   ${p.ed} ${p.kind}: ${p.url}`);
  // The JVM and Chromium run side by side; Lighthouse runs alone so its timings are not skewed.
  const [nu, axe] = await Promise.all([runs('nu') && nuCheck(pages), runs('axe') && axeCheck(pages)]);
  if (nu) times.nu = nu;
  if (axe) times.axe = axe;
  if (runs('lighthouse')) times.lighthouse = await lighthouseCheck(pages);
} catch (e) {
  fail('run', e.stack || e.message);
} finally {
  await server?.stop();
}
console.log(`# took ${secs(started)} (${Object.entries(times).map(([k, v]) => `${k} ${v}`).join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
