// Starts a real `newsdesk serve --demo` on a free port in a fresh data folder and
// resolves once the server has printed its "listening" line (it binds before printing).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The binary under test. */
export function binary() {
  return process.env.NEWSDESK_TEST_BIN || new URL('../../target/debug/newsdesk', import.meta.url).pathname;
}

export async function startServer({ articles = 60, databaseUrl, env = {} } = {}) {
  const bin = binary();
  const data = mkdtempSync(join(tmpdir(), 'newsdesk-browser-'));
  const args = ['serve', '--demo', '--listen', '127.0.0.1:0', '--data', data];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const child = spawn(bin, args, {
    env: { ...process.env, NEWSDESK_DEMO_ARTICLES: String(articles), NEWSDESK_LOG: 'warn', ...env },
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
    child.on('exit', (code) => reject(new Error(`newsdesk exited with ${code}: ${stderr}`)));
  });
  return {
    base,
    data,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
