// A real local SMTP server (Python aiosmtpd, installed by .ci/run) writing every message
// it receives into a Maildir, and a reader for what arrived.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function accepts(port) {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
    c.on('error', () => resolve(false));
  });
}

export async function startSmtp() {
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-maildir-'));
  // Python's Maildir creates its tmp/new/cur folders only for a path that does not exist.
  const dir = join(root, 'maildir');
  const child = spawn('python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    if (child.exitCode !== null) throw new Error(`aiosmtpd did not start (install it: pip install aiosmtpd): ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await accepts(port))) throw new Error(`aiosmtpd is not listening: ${stderr}`);
  return {
    url: `smtp://127.0.0.1:${port}`,
    // Raw messages received so far (RFC 5322 text).
    messages() {
      const fresh = join(dir, 'new');
      let names = [];
      try { names = readdirSync(fresh).sort(); } catch { return []; }
      return names.map((n) => readFileSync(join(fresh, n), 'utf8'));
    },
    async waitFor(predicate, ms = 15000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const found = this.messages().find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no matching message within ${ms} ms; received ${this.messages().length}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// The text/plain part of a raw message, decoded (quoted-printable or base64).
export function plainText(raw) {
  const m = raw.match(/Content-Type: text\/plain[^\n]*\n(?:[^\n]+\n)*?Content-Transfer-Encoding: ([^\s]+)\s*\n\s*\n([\s\S]*?)\n--/i)
    || raw.match(/Content-Transfer-Encoding: ([^\s]+)\s*\nContent-Type: text\/plain[^\n]*\n\s*\n([\s\S]*?)\n--/i);
  if (!m) return raw;
  const [, enc, body] = m;
  if (/base64/i.test(enc)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(enc)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
