// The web app's mail pages in Debian's Chromium, against the real portal and worker sending through an SMTP
// server on loopback inside the test: the verify banner and its resend, the verify-email landing page, 「パスワードを
// 忘れた方」 and the set-new-password page (a used link refused), each checked with axe-core at the phone size.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SCHEMA } from '@infobank/migrations';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PORTAL_ERROR_STATUS } from '../../apps/portal/src/portal.errors';
import { PortalModule } from '../../apps/portal/src/portal.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { callJson, newIndividual } from '../e2e/portal/session-client';
import { launchBrowser, PHONE, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';
import { RunningApp, startTestApp } from '../support/http-app';
import { isolatedEnvironment, testLogger, type IsolatedEnvironment } from '../support/platform';
import { SmtpInbox, tokenInMail } from '../support/smtp-inbox';

const LINK_ORIGIN = 'https://portal.example.jp';

describe('the web app: verify-email and password-reset pages in a real browser', () => {
  let inbox: SmtpInbox;
  let environment: IsolatedEnvironment;
  let portal: RunningApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const person = newIndividual();
  const newPassword = 'a fresh passphrase for the browser';

  /** The page a mail link opens, at this test's portal (the mail names the configured public URL). */
  const atPortal = (link: string) => link.replace(LINK_ORIGIN, portal.url);

  /** axe-core finds no serious or critical violation, and nothing scrolls sideways at 390×844. */
  async function accessible(name: string): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, name);
  }

  /** A browser context of its own (no cookies, nothing in flight from an earlier page) with one page at the phone size. */
  async function openFreshBrowserContext(): Promise<void> {
    await context?.close();
    context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' });
    page = await context.newPage();
    // A step that cannot happen fails with its locator's name, well inside the test's time.
    page.setDefaultTimeout(10_000);
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    const mail = { MAIL_TRANSPORT: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(inbox.port), PORTAL_PUBLIC_URL: LINK_ORIGIN };
    environment = await isolatedEnvironment(mail);
    portal = await startTestApp(
      PortalModule,
      { ...mail, DATABASE_NAME: environment.config.database.name, REDIS_PREFIX: environment.config.redis.prefix },
      PORTAL_ERROR_STATUS,
    );
    worker = await NestFactory.createApplicationContext(
      WorkerModule.register({ service: 'worker', config: environment.config, logger: testLogger('worker'), ...SCHEMA }),
      { logger: false, abortOnError: false },
    );
    browser = await launchBrowser();
    await openFreshBrowserContext();
    expect((await callJson(portal.url, 'POST', '/v1/auth/register', { body: person })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await portal?.close();
    await environment?.dispose();
    await inbox?.stop();
  });

  it('asks an unverified person to confirm, resends the mail, and the link confirms the address in the page', async () => {
    await inbox.nthMailTo(person.email, 1);
    await page.goto(`${portal.url}/`);
    await page.getByLabel('メールアドレス').fill(person.email);
    await page.getByLabel('パスワード').fill(person.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    const banner = page.getByRole('region', { name: 'メールアドレスの確認' });
    await banner.getByText('メールアドレスの確認がまだです').waitFor();
    await accessible('ja-verify-banner');
    await banner.getByRole('button', { name: '確認メールを再送' }).click();
    await banner.getByRole('status').getByText('確認メールを送りました').waitFor();

    const { url } = tokenInMail(await inbox.nthMailTo(person.email, 2), 'verify-email');
    await page.goto(atPortal(url));
    await page.getByRole('heading', { level: 1, name: 'メールアドレスの確認' }).waitFor();
    await page.getByRole('status').getByText('メールアドレスを確認しました').waitFor();
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await accessible('ja-verify-email');
    await page.getByRole('link', { name: 'ホームへ' }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await page.getByText('こんにちは').first().waitFor();
    await expect(banner.count()).resolves.toBe(0);

    // The same link again: refused, said plainly.
    await page.goto('about:blank');
    await page.goto(atPortal(url));
    await page.getByRole('alert').getByText('このリンクは使えません').waitFor();
  });

  it('「パスワードを忘れた方」 sends a reset link; the page sets a new password once', async () => {
    // Signed out (a browser without the session cookie), as someone who forgot their password is. A new context, not
    // clearCookies(): the last page's session refresh (started on load, alongside the verify-email call the test waited
    // for) can still be in flight, and its answer would set the refresh cookie again after the clearing, so that this
    // page resumed a session and showed the home page instead of the sign-in page.
    await openFreshBrowserContext();
    await page.goto(`${portal.url}/`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
    await page.getByRole('heading', { level: 1, name: 'パスワードを忘れた方' }).waitFor();
    await page.getByLabel('メールアドレス').fill(person.email);
    await page.getByRole('button', { name: '再設定のメールを送る' }).click();
    await page.getByRole('status').getByText('パスワード再設定のメールを送りました').waitFor();
    await accessible('ja-forgot-password');

    const { url } = tokenInMail(await inbox.nthMailTo(person.email, 3), 'reset-password');
    await page.goto(atPortal(url));
    await page.getByRole('heading', { level: 1, name: '新しいパスワードの設定' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await accessible('ja-reset-password');
    await page.getByLabel('新しいパスワード').fill(newPassword);
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.getByRole('status').getByText('新しいパスワードを設定しました').waitFor();
    expect((await callJson(portal.url, 'POST', '/v1/auth/login', { body: { email: person.email, password: newPassword } })).status).toBe(
      200,
    );
    expect(
      (await callJson(portal.url, 'POST', '/v1/auth/login', { body: { email: person.email, password: person.password } })).status,
    ).toBe(401);

    // The link works once (opened afresh: from the same page, only the fragment would change).
    await page.goto('about:blank');
    await page.goto(atPortal(url));
    await page.getByLabel('新しいパスワード').fill('another passphrase again');
    await page.getByRole('button', { name: 'パスワードを設定する' }).click();
    await page.getByRole('alert').getByText('このリンクは使えません').waitFor();
    await accessible('ja-reset-password-used');
  });

  it('the pages speak English too', async () => {
    await page.goto(`${portal.url}/forgot-password`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await accessible('en-forgot-password');
    await page.goto(`${portal.url}/reset-password`);
    await page.getByRole('alert').getByText('The link did not open correctly').waitFor();
    await accessible('en-reset-password-no-link');
  });
});
