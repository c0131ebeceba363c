// The console's 苦情 and インシデント screens in Debian's Chromium against the real ethics board, portal and
// intake: desk staff sign in on the same screen and see only what they may use, answer a complaint the
// individual then reads at the portal, see an overdue one stand out, and escalate; a board member sees the
// escalated complaint and the counts, opens an incident whose impact is computed from the vault, notifies
// those affected (each finds it in their inbox) and closes it; axe-core and screenshots in both languages.
import { createRequestContext } from '@infobank/platform';
import { NotifyIncidentPageUseCase } from '@infobank/oversight';
import { AddBoardMemberUseCase } from '@infobank/review';
import { AddDeskStaffUseCase } from '@infobank/rights';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../apps/ethics-board/src/ethics-board.module';
import { daysAgo, TransferWorld } from '../e2e/gateway/transfer-world';
import { receiptRecord } from '../e2e/intake/deposits-client';
import type { Individual } from '../e2e/intake/link-world';
import { startTestApp, type RunningApp } from '../support/http-app';
import type { OrganisationClient } from '../support/organisation-client';
import { DESKTOP, launchBrowser, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';

const PASSWORD = 'console desk passphrase';
const COMPLAINT = '提供先から届いたクーポンの内容が、同意した目的と違うように思います。';
const LATE_COMPLAINT = 'アカウントの表示名を変えられません。';
const REPLY = 'ご連絡ありがとうございます。提供先に確認し、3営業日以内にご報告します。';
const CAUSE = '提供元の委託先サーバーの設定誤りにより、購入記録が外部から閲覧できる状態でした。';

describe('the console’s 苦情 and インシデント screens in a real browser', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let browser: Browser;
  let provider: OrganisationClient;
  let alice: Individual;
  let bob: Individual;
  let complaintId: string;
  const contexts: BrowserContext[] = [];
  const staff = { email: `desk.${randomUUID()}@bank.example.jp` };
  const member = { email: `member.${randomUUID()}@board.example.jp` };
  const problems: string[] = [];

  async function signedIn(email: string, landing: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: board.url, viewport: DESKTOP, locale: 'ja-JP' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
    return page;
  }
  const nav = (page: Page) => page.getByRole('navigation');
  /** axe-core (Japanese screens; the English ones share their markup), no sideways scrolling, a screenshot. */
  async function check(page: Page, name: string, accessibility: boolean): Promise<void> {
    await page.waitForFunction(() => !/読み込み中|Loading/.test((globalThis as any).document.body.innerText));
    if (accessibility) for (const violation of await seriousAccessibilityViolations(page)) problems.push(`${name}: ${violation}`);
    if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways at 1280×800`);
    await screenshot(page, `board-desk-${name}`);
  }
  /** The same screen in English (the switch is kept per browser), then back to Japanese. */
  async function inEnglish(page: Page, name: string, heading: string): Promise<void> {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await check(page, `en-${name}`, false);
    await page.getByRole('button', { name: '日本語' }).click();
  }
  async function fileComplaint(individual: Individual, category: string, text: string): Promise<string> {
    const filed = await world.links.atPortal(individual, 'POST', '/v1/me/complaints', { category, text });
    expect(filed.status).toBe(201);
    return filed.body.id as string;
  }

  beforeAll(async () => {
    [world, browser] = await Promise.all([TransferWorld.start(), launchBrowser()]);
    const env = { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix };
    board = await startTestApp(EthicsBoardModule, env, ETHICS_BOARD_ERROR_STATUS);
    const operator = createRequestContext({ type: 'operator', name: 'browser-test' });
    await board.app.get(AddDeskStaffUseCase).execute(operator, { email: staff.email, password: PASSWORD, name: '窓口 担当' });
    await board.app
      .get(AddBoardMemberUseCase)
      .execute(operator, { email: member.email, password: PASSWORD, name: '委員 法律', expertise: 'legal', external: true });

    // Two individuals with two receipts each at one provider: the vault an incident's impact is computed from.
    provider = await world.provider();
    const receipts = (customerRef: string) => [
      receiptRecord(customerRef, { observedAt: daysAgo(2) }),
      receiptRecord(customerRef, { observedAt: daysAgo(4) }),
    ];
    [alice, bob] = await Promise.all([world.individualWithRecords(provider, receipts), world.individualWithRecords(provider, receipts)]);

    complaintId = await fileComplaint(alice, 'provision', COMPLAINT);
    // A complaint filed forty days ago (as if): past both deadlines, so the queue must mark it overdue.
    const late = await fileComplaint(bob, 'account', LATE_COMPLAINT);
    await world.environment.dataSource.query(`UPDATE "complaints" SET "filed_at" = now() - interval '40 days' WHERE "id" = $1`, [late]);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await board?.close();
    await world?.close();
  });

  it('desk staff sign in (menu: 苦情 and インシデント only), see the deadlines, answer a complaint the individual then reads, and escalate it', async () => {
    const page = await signedIn(staff.email, '苦情');
    expect(await nav(page).getByRole('link').allTextContents()).toEqual(['インシデント', '苦情']);
    // The board's refresh cookie carries a staff session across a reload too.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '苦情' }).waitFor();

    const queue = page.getByRole('table', { name: '苦情の一覧(古い順)' });
    const lateRow = queue.getByRole('row').filter({ hasText: 'アカウントについて' });
    const freshRow = queue.getByRole('row').filter({ hasText: '提供されたデータについて' });
    await expect(lateRow.getAttribute('class')).resolves.toBe('overdue');
    expect(await lateRow.getByText('期限切れ').count()).toBe(2);
    await expect(freshRow.getAttribute('class')).resolves.toBeNull();
    expect(await freshRow.getByText('期限内', { exact: true }).count()).toBe(2);
    // The overdue filter leaves only the late one.
    await page.getByLabel('期限で絞り込む').selectOption('first_reply');
    await freshRow.waitFor({ state: 'detached' });
    await expect(queue.getByRole('row').count()).resolves.toBe(2);
    await queue.getByRole('row').filter({ hasText: 'アカウントについて' }).waitFor();
    await page.getByLabel('期限で絞り込む').selectOption('');
    await freshRow.waitFor();
    await check(page, 'ja-desk-queue', true);
    await inEnglish(page, 'desk-queue', 'Complaints');

    await freshRow.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: '苦情(提供されたデータについて)' }).waitFor();
    const thread = page.getByRole('list', { name: 'やりとり' });
    await thread.getByText(COMPLAINT).waitFor();
    await page.getByLabel('回答', { exact: true }).fill(REPLY);
    await page.getByRole('button', { name: '回答を送る' }).click();
    await page.getByRole('status').getByText('回答を送りました。本人に通知しました。').waitFor();
    await thread.getByText(REPLY).waitFor();
    await check(page, 'ja-desk-thread', true);
    await inEnglish(page, 'desk-thread', 'Complaint (Data that was provided)');

    // The individual reads the desk's answer in their own thread at the portal.
    const mine = await world.links.atPortal(alice, 'GET', `/v1/me/complaints/${complaintId}`);
    expect(mine.body.messages).toEqual(expect.arrayContaining([expect.objectContaining({ by: 'desk', type: 'replied', text: REPLY })]));

    await page.getByLabel('審査会へのメモ(任意)').fill('提供先の目的外利用の疑いがあります。');
    await page.getByRole('button', { name: '審査会に伝える' }).click();
    await page.getByRole('status').getByText('審査会に伝えました。').waitFor();
    await page.getByRole('definition').filter({ hasText: '対応中' }).waitFor();
    expect((await world.links.atPortal(alice, 'GET', `/v1/me/complaints/${complaintId}`)).body.escalated).toBe(true);

    // Staff may handle incidents but never reach a board screen: the API refuses, the menu leaves them out.
    await nav(page).getByRole('link', { name: 'インシデント' }).click();
    await page.getByRole('heading', { level: 1, name: 'インシデント' }).waitFor();
    expect(problems).toEqual([]);
  }, 180_000);

  it('a board member sees the escalated complaint and the counts, opens an incident, sees its impact, notifies those affected and closes it', async () => {
    const page = await signedIn(member.email, '審査案件');
    await nav(page).getByRole('link', { name: '苦情' }).click();
    await page.getByRole('heading', { level: 1, name: '苦情' }).waitFor();
    const escalated = page.getByRole('table', { name: '審査会に伝えられた苦情' });
    await escalated.getByRole('link').waitFor();
    await expect(escalated.getByRole('row').count()).resolves.toBe(2);
    const byCategory = page.getByRole('table', { name: '種類ごとの苦情の数' });
    await byCategory.waitFor();
    const provision = byCategory.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '提供されたデータについて' }) });
    expect(await provision.getByRole('cell').allTextContents()).toEqual(['1', '1', '1']);
    await check(page, 'ja-board-complaints', true);
    await inEnglish(page, 'board-complaints', 'Complaints');
    await escalated.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: '苦情(提供されたデータについて)' }).waitFor();
    await page.getByText('提供先の目的外利用の疑いがあります。').waitFor();
    // The board reads; answering is the desk's.
    expect(await page.getByRole('button', { name: '回答を送る' }).count()).toBe(0);

    await nav(page).getByRole('link', { name: 'インシデント' }).click();
    await page.getByRole('heading', { level: 1, name: 'インシデント' }).waitFor();
    await page.getByLabel('事案の種類').selectOption('provider_breach');
    await page.getByLabel('提供先または提供元のID').fill(provider.organisationId);
    await page.getByLabel('データの種類(任意)').fill('purchase.receipts');
    await page.getByLabel('何が起きたか(原因)').fill(CAUSE);
    await check(page, 'ja-incidents', true);
    await page.getByRole('button', { name: 'インシデントを開く' }).click();
    await page.getByRole('heading', { level: 1, name: 'インシデント: 提供元での漏えい' }).waitFor();
    await page.getByRole('status').getByText('インシデントを開きました。影響を計算しました。').waitFor();

    // The impact computed from the vault: two people, four receipts.
    const impact = page.getByRole('region', { name: '影響' });
    await impact.getByRole('definition').filter({ hasText: /^2人$/ }).waitFor();
    await impact.getByRole('definition').filter({ hasText: /^4件$/ }).waitFor();
    await impact.getByRole('definition').filter({ hasText: '0 / 2人' }).waitFor();
    await check(page, 'ja-incident', true);

    await page.getByRole('button', { name: '影響を受けた人に通知する' }).click();
    await page.getByRole('status').getByText('通知を始めました。').waitFor();
    const incidentId = /\/incidents\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
    // The worker's job, run here: each affected individual is told once; the page follows on its own.
    await board.app
      .get(NotifyIncidentPageUseCase, { strict: false })
      .execute(createRequestContext({ type: 'system', name: 'job:incidents.notify-page' }), incidentId, { enqueueNext: false });
    await impact.getByRole('definition').filter({ hasText: '2 / 2人' }).waitFor({ timeout: 15_000 });
    await page.getByText('通知済み').first().waitFor();
    for (const individual of [alice, bob]) {
      const inbox = await world.links.atPortal(individual, 'GET', '/v1/me/notifications');
      const told = (inbox.body as { kind: string; subject: { id: string } }[]).filter((note) => note.kind === 'incident_affecting_me');
      expect(told.map((note) => note.subject.id)).toEqual([incidentId]);
    }
    // No recipient breached: no order to propose.
    await page.getByText('提供先での漏えいでないため、利用停止命令の対象はありません。').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '報告(JSON)をダウンロード' }).click();
    const report = await downloading;
    expect(report.suggestedFilename()).toBe(`incident-${incidentId}-report.json`);

    await page.getByLabel('再発防止策', { exact: true }).fill('委託先の設定を自動で点検します。');
    await page.getByRole('button', { name: 'インシデントを閉じる' }).click();
    await page.getByRole('status').getByText('インシデントを閉じました。').waitFor();
    await page
      .getByRole('list', { name: '経過' })
      .getByText(/^終了:/)
      .waitFor();
    await inEnglish(page, 'incident', 'Incident: Breach at a provider');
    await nav(page).getByRole('link', { name: 'インシデント' }).click();
    const list = page.getByRole('table', { name: 'インシデントの一覧(新しい順)' });
    await list.getByRole('link').first().waitFor();
    expect(await list.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      '提供元での漏えい',
      '終了',
      '2',
      '4',
    ]);
    await inEnglish(page, 'incidents', 'Incidents');
    expect(problems).toEqual([]);
  }, 180_000);
});
