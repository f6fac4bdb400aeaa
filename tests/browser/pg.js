// A fresh PostgreSQL database for one browser test, next to the CI run's database.
import { execFileSync } from 'node:child_process';

export function freshPostgresUrl() {
  const base = process.env.NEWSDESK_TEST_DATABASE_URL;
  if (!base) throw new Error('NEWSDESK_TEST_DATABASE_URL is not set (CI=true requires PostgreSQL)');
  const url = new URL(base);
  const name = `newsdesk_browser_${Date.now()}_${process.pid}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  execFileSync('psql', [admin.toString(), '-qc', `CREATE DATABASE ${name}`]);
  url.pathname = `/${name}`;
  return url.toString();
}
