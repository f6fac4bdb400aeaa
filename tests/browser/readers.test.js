// Readers' accounts in a real browser against the real binary and a real SMTP server:
// register on the Arabic edition, confirm through the link that arrived by email, log out
// and in again; screenshots of the pages on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, launchBrowser } from './server.js';
import { startSmtp, plainText } from './smtp.js';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const PASSWORD = 'a long enough password';

let server, browser, smtp;
before(async () => {
  smtp = await startSmtp();
  server = await startServer({ articles: 30, env: { NEWSDESK_SMTP_URL: smtp.url, NEWSDESK_SECURE_COOKIES: 'false' } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

test('a reader registers on the Arabic edition, confirms by email and logs in', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // From an article's discussion prompt, as a reader would.
  await page.goto(`${server.base}/ar`);
  // A story outside Politics, which the demo pre-moderates (moderation.test.js covers it).
  const article = await page.$$eval('main article.card', (cards) => cards
    .filter((c) => !c.querySelector('.kicker')?.getAttribute('href')?.endsWith('/politics'))
    .map((c) => c.querySelector('.card__headline a')?.getAttribute('href'))
    .find((h) => h && h.startsWith('/ar/20')));
  await page.goto(`${server.base}${article}`);
  await page.click('.discussion__join a[href*="/account/register"]');
  assert.equal(await page.$eval('html', (h) => h.dir), 'rtl');
  assert.match(await page.textContent('h1'), /إنشاء حساب/);
  await page.screenshot({ path: `${SHOTS}readers-register-ar-phone.png`, fullPage: true });

  const email = `reader-${Date.now()}@example.com`;
  await page.fill('#f-name', 'ليلى');
  await page.fill('#f-email', email);
  await page.fill('#f-password', PASSWORD);
  await page.click('.account__form button[type=submit]');
  assert.match(await page.textContent('h1'), /تفقّد بريدك/);

  // The message that reached the SMTP server.
  const raw = await smtp.waitFor((m) => m.includes(email));
  assert.match(raw, /multipart\/alternative/i);
  assert.match(raw, /text\/html/i);
  const text = plainText(raw);
  const link = text.match(/https?:\/\/\S+\/ar\/account\/confirm\/\S+/)?.[0];
  assert.ok(link, `a confirmation link in the message: ${text}`);
  await page.goto(link);
  await page.screenshot({ path: `${SHOTS}readers-confirm-ar-phone.png`, fullPage: true });
  await page.click('.account__action button');
  assert.ok(page.url().endsWith('/ar/account?confirmed=1'), page.url());
  assert.match(await page.textContent('.account__notice'), /تم تأكيد بريدك/);
  await page.screenshot({ path: `${SHOTS}readers-account-ar-phone.png`, fullPage: true });

  // Log out and back in with the password; the login page is in Arabic too.
  await page.click('form[action="/ar/account/logout"] button');
  await page.goto(`${server.base}/ar/account/login`);
  assert.equal(await page.$eval('html', (h) => h.lang), 'ar');
  await page.fill('#f-email', email);
  await page.fill('#f-password', 'wrong password here');
  await page.click('.account__form button[type=submit]');
  assert.match(await page.textContent('.account__error'), /غير صحيحة/);
  await page.fill('#f-password', PASSWORD);
  await page.click('.account__form button[type=submit]');
  await page.goto(`${server.base}/ar/account`);
  assert.match(await page.textContent('main'), new RegExp(email.replace('.', '\\.')));
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'nd_reader');
  assert.ok(session && session.httpOnly && session.sameSite === 'Lax', JSON.stringify(cookies));

  // Comment under the article, then reply to it; both show at once.
  const cachedCount = async () => (await (await page.request.get(`${server.base}${article}`)).text())
    .match(/<p class="discussion__count"[^>]*>([^<]*)<\/p>/)?.[1];
  const cachedBefore = await cachedCount();
  await page.goto(`${server.base}${article}`);
  await page.locator('.discussion').first().scrollIntoViewIfNeeded();
  const form = page.locator('.discussion .comment-form').first();
  await form.waitFor();
  assert.equal(await page.locator('.discussion__join').first().isHidden(), true, 'no log-in prompt for a reader');
  // The thread has loaded (and set the count) once the page is quiet.
  await page.waitForLoadState('networkidle');
  const countBefore = await page.locator('.discussion__count').first().textContent();
  const comment = 'تعليق تجريبي <script>alert(1)</script> https://example.com/ar';
  await form.locator('textarea').fill(comment);
  await form.locator('button[type=submit]').click();
  const posted = page.locator('.discussion__list .comment').first();
  await posted.locator('.comment__body').getByText('تعليق تجريبي').waitFor();
  assert.equal(await posted.locator('.comment__body script').count(), 0, 'the script stays text');
  assert.equal(await posted.locator('.comment__body a[rel="nofollow ugc noopener"]').count(), 1, 'the link is clickable: ' + await posted.locator('.comment__body').innerHTML());
  await page.waitForFunction((before) => document.querySelector('.discussion__count').textContent !== before, countBefore);
  await posted.locator('.comment__actions button', { hasText: 'ردّ' }).first().click();
  await posted.locator('textarea').fill('ردّ على التعليق');
  await posted.locator('.comment-form button[type=submit]').click();
  await posted.locator('.comment__replies .comment__body').getByText('ردّ على التعليق').waitFor();
  // The reader's own comment can be edited for a few minutes.
  await posted.locator('.comment__actions button', { hasText: 'تعديل' }).first().click();
  await posted.locator('.comment-edit textarea').fill('تعليق معدّل');
  await posted.locator('.comment-edit button[type=submit]').click();
  await posted.locator('.comment__body').first().getByText('تعليق معدّل').waitFor();
  await posted.locator('.comment__meta .comment__edited').first().waitFor();
  await page.locator('.discussion').first().screenshot({ path: `${SHOTS}readers-discussion-ar-phone.png` });
  // The count printed in the cached page follows (the page-cache consumer drops the page).
  let cachedAfter = cachedBefore;
  for (let i = 0; i < 20 && cachedAfter === cachedBefore; i++) {
    await new Promise((r) => setTimeout(r, 500));
    cachedAfter = await cachedCount();
  }
  assert.notEqual(cachedAfter, cachedBefore, `the cached page's count changed (${cachedBefore})`);
  await context.close();

  // Someone not logged in: the thread, the prompt, no form; the API refuses a post.
  const visitor = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await visitor.goto(`${server.base}${article}`);
  // The thread loads as the discussion comes near the screen, as a reader scrolls to it.
  await visitor.locator('.discussion').first().scrollIntoViewIfNeeded();
  await visitor.locator('.discussion .comment__body').getByText('تعليق معدّل').first().waitFor();
  assert.equal(await visitor.locator('.discussion .comment-form').count(), 0);
  assert.equal(await visitor.locator('.discussion__join').first().isVisible(), true);
  const status = await visitor.evaluate(async (id) => (await fetch(`/api/v1/articles/${id}/comments`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'x' }),
  })).status, await visitor.locator('.discussion').first().getAttribute('data-article'));
  assert.equal(status, 401);
  await visitor.close();
});

test('the account pages read well on a desktop in English', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.base}/en/account/login`);
  assert.equal(await page.$eval('html', (h) => h.dir), 'ltr');
  const box = await page.$eval('.account', (el) => el.getBoundingClientRect().width);
  assert.ok(box <= 560, `the form column stays readable (${box}px)`);
  await page.screenshot({ path: `${SHOTS}readers-login-en-desktop.png`, fullPage: true });
  await page.close();
});
