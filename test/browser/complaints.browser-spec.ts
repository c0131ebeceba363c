// The web app's お問い合わせ・苦情 screen in Debian's Chromium against the real portal and ethics board:
// filing a complaint, following its thread, answering the desk's question, the English switch, axe-core
// and the phone size.
import { createRequestContext } from '@infobank/platform';
import { AddDeskStaffUseCase } from '@infobank/rights';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../apps/ethics-board/src/ethics-board.module';
import { PORTAL_ERROR_STATUS } from '../../apps/portal/src/portal.errors';
import { PortalModule } from '../../apps/portal/src/portal.module';
import { callJson } from '../e2e/portal/session-client';
import { launchBrowser, PHONE, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';
import { RunningApp, startTestApp } from '../support/http-app';
import { verifySignedUpIndividual } from '../support/verified-individual';

describe('the web app’s お問い合わせ・苦情 screen in a real browser', () => {
  let portal: RunningApp;
  let board: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staffToken: string;
  const email = `complaints-${randomUUID()}@example.jp`;
  const password = 'correct horse battery staple';
  const complaintText = 'おすすめのメールが止まりません。同意は撤回しました。';

  const open = async (name: string, heading = name) => {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const accessibilityProblems = async (name: string): Promise<string[]> => {
    await page.waitForFunction(() => !/読み込み中|Loading/.test((globalThis as any).document.body.innerText));
    const problems = (await seriousAccessibilityViolations(page)).map((violation) => `${name}: ${violation}`);
    if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways at 390×844`);
    await screenshot(page, name);
    return problems;
  };

  beforeAll(async () => {
    [portal, board, browser] = await Promise.all([
      startTestApp(PortalModule, {}, PORTAL_ERROR_STATUS),
      startTestApp(EthicsBoardModule, {}, ETHICS_BOARD_ERROR_STATUS),
      launchBrowser(),
    ]);
    const staffEmail = `desk.${randomUUID()}@bank.example.jp`;
    await board.app
      .get(AddDeskStaffUseCase)
      .execute(createRequestContext({ type: 'operator', name: 'browser' }), { email: staffEmail, password, name: '窓口 担当' });
    staffToken = (await callJson(board.url, 'POST', '/v1/auth/login', { body: { email: staffEmail, password } })).body
      .accessToken as string;
    await callJson(portal.url, 'POST', '/v1/auth/register', { body: { email, password, displayName: '苦情 花子', language: 'ja' } });
    await verifySignedUpIndividual(portal, { email, password });
    context = await browser.newContext({ baseURL: portal.url, viewport: PHONE, locale: 'ja-JP' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([portal?.close(), board?.close()]);
  });

  it('files a complaint, follows the thread, answers the desk’s question, in Japanese and English, with no serious axe finding', async () => {
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();

    await open('お問い合わせ・苦情');
    const problems = await accessibilityProblems('ja-complaints-empty');
    await page.getByLabel('何についてですか').selectOption('recipient');
    await page.getByLabel('内容').fill(complaintText);
    await page.getByRole('button', { name: '窓口に送る' }).click();
    await page.getByRole('status').getByText('窓口に送りました。').waitFor();
    const mine = page.getByRole('list', { name: 'これまでのお問い合わせ・苦情' });
    await mine.getByRole('listitem').filter({ hasText: '提供先について' }).getByText('受付済み').waitFor();

    // The desk asks a question through its API; the individual sees it and answers in the page.
    const { complaints } = (await callJson(board.url, 'GET', '/v1/desk/complaints', { bearer: staffToken })).body as {
      complaints: { id: string }[];
    };
    const mineOnDesk = await Promise.all(
      complaints.map(async ({ id }) => (await callJson(board.url, 'GET', `/v1/desk/complaints/${id}`, { bearer: staffToken })).body),
    );
    const filed = mineOnDesk.find((thread) => thread.events[0].text === complaintText);
    expect(filed).toBeDefined();
    const asked = await callJson(board.url, 'POST', `/v1/desk/complaints/${filed.id}/information-requests`, {
      bearer: staffToken,
      body: { text: 'メールの届いた日を教えてください。' },
    });
    expect(asked.status).toBe(200);

    await mine.getByRole('link', { name: 'やりとりを見る' }).click();
    await page.getByRole('heading', { level: 1, name: '提供先について' }).waitFor();
    await page.getByText(complaintText).waitFor();
    await page.getByText('メールの届いた日を教えてください。').waitFor();
    await page.getByText('あなたの回答待ち').first().waitFor();
    problems.push(...(await accessibilityProblems('ja-complaint-thread')));
    await page.getByLabel('回答', { exact: true }).fill('12月1日です。');
    await page.getByRole('button', { name: '回答を送る' }).click();
    await page.getByRole('status').getByText('回答を送りました。').waitFor();
    await page.getByText('12月1日です。').waitFor();
    await page.getByText('対応中').first().waitFor();
    await expect(page.getByRole('button', { name: '回答を送る' }).count()).resolves.toBe(0);

    // The individual's notification leads to the thread.
    await open('通知');
    await page.getByText('苦情・お問い合わせについて追加の情報をお願いします').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '日本語' }).waitFor();
    await open('Contact and complaints');
    await page.getByRole('list', { name: 'What you sent before' }).getByText('In progress').waitFor();
    await page.getByRole('link', { name: 'See the conversation' }).click();
    await page.getByRole('heading', { level: 1, name: 'A recipient' }).waitFor();
    await page.getByText('Question from the desk · The desk').waitFor();
    problems.push(...(await accessibilityProblems('en-complaint-thread')));
    expect(problems).toEqual([]);
  });
});
