// The board's console (apps/board-web) in Debian's Chromium against the real ethics board, portal, intake
// and gateway: three members approve a submitted offer from 審査案件 and individuals find it in the
// portal's 提供先をさがす; the signed decision verifies in the browser and a tampered one does not; a
// stop-use order proposed by one member and confirmed by another takes the offer away from individuals;
// 監査 shows the seeded provision and transfer and runs a log verification; a report prints and
// downloads; every screen passes axe-core at 1280×800 and fits a tablet, in both languages.
import { createRequestContext } from '@infobank/platform';
import { RunLogVerificationPageUseCase } from '@infobank/oversight';
import { AddBoardMemberUseCase, type Expertise } from '@infobank/review';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { ETHICS_BOARD_ERROR_STATUS } from '../../apps/ethics-board/src/ethics-board.errors';
import { EthicsBoardModule } from '../../apps/ethics-board/src/ethics-board.module';
import { openCase, submitOffer } from '../e2e/ethics-board/cases-support';
import { daysAgo, TransferWorld, type Recipient } from '../e2e/gateway/transfer-world';
import { receiptRecord } from '../e2e/intake/deposits-client';
import { callJson, newIndividual } from '../e2e/portal/session-client';
import { startTestApp, type RunningApp } from '../support/http-app';
import { eventually } from '../support/platform';
import { DESKTOP, launchBrowser, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';
import { verifySignedUpIndividual } from '../support/verified-individual';

const TABLET = { width: 768, height: 1024 };
const RECIPIENT_NAME = { ja: '株式会社コンソール受領', en: 'Console Recipient K.K.' };
const REVIEWED_PURPOSE = { ja: '審査会コンソールで審査されるクーポンのご案内です。', en: 'Coupons reviewed in the board console.' };
const PASSWORD = 'board member passphrase';

interface Member {
  email: string;
  expertise: Expertise;
  external: boolean;
}

describe('the board console (審査会コンソール) in a real browser', () => {
  let world: TransferWorld;
  let board: RunningApp;
  let browser: Browser;
  let recipient: Recipient;
  let caseId: string;
  let reviewedOfferId: string;
  /** The individual's page at the portal, signed in by the first test. */
  let individualPage: Page;
  const members: Record<'lawyer' | 'engineer' | 'media' | 'consumer', Member> = {
    lawyer: { email: `lawyer.${randomUUID()}@board.example.jp`, expertise: 'legal', external: true },
    engineer: { email: `engineer.${randomUUID()}@board.example.jp`, expertise: 'engineer', external: false },
    media: { email: `media.${randomUUID()}@board.example.jp`, expertise: 'media', external: true },
    consumer: { email: `consumer.${randomUUID()}@board.example.jp`, expertise: 'consumer', external: true },
  };
  const individual = newIndividual();
  const contexts: BrowserContext[] = [];
  const system = createRequestContext({ type: 'system', name: 'test' });

  /** A fresh browser (its own cookie jar) at the console, at the desktop size. */
  async function consolePage(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ baseURL: board.url, viewport, locale: 'ja-JP' });
    contexts.push(context);
    return context.newPage();
  }
  /** Signs `member` in at the console's ログイン screen. */
  async function signedIn(member: Member, viewport = DESKTOP): Promise<Page> {
    const page = await consolePage(viewport);
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(member.email);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '審査案件' }).waitFor();
    return page;
  }
  /** Answers the step-up dialog (the password again) that votes and orders open. */
  async function stepUp(page: Page): Promise<void> {
    const dialog = page.getByRole('dialog', { name: 'パスワードをもう一度入力してください' });
    await dialog.getByLabel('パスワード').fill(PASSWORD);
    await dialog.getByRole('button', { name: '確認する' }).click();
  }
  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  async function open(page: Page, name: string, heading = name): Promise<void> {
    await nav(page, name).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  /** The portal's 提供先をさがす as the individual sees it, after a fresh load. */
  async function offersForIndividuals(page: Page): Promise<string> {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '提供先をさがす', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '提供先をさがす' }).waitFor();
    // Loaded once the list or 「まだありません。」 stands where 「読み込み中…」 was.
    await page.getByRole('main').getByRole('list').or(page.getByRole('main').getByText('まだありません。')).first().waitFor();
    return (await page.getByRole('main').textContent()) ?? '';
  }

  beforeAll(async () => {
    [world, browser] = await Promise.all([TransferWorld.start(), launchBrowser()]);
    const env = { DATABASE_NAME: world.environment.config.database.name, REDIS_PREFIX: world.environment.config.redis.prefix };
    board = await startTestApp(EthicsBoardModule, env, ETHICS_BOARD_ERROR_STATUS);
    const addMember = board.app.get(AddBoardMemberUseCase);
    const operator = createRequestContext({ type: 'operator', name: 'browser-test' });
    for (const member of Object.values(members)) {
      await addMember.execute(operator, { ...member, password: PASSWORD, name: `委員 ${member.expertise}` });
    }
    expect((await callJson(world.portal.url, 'POST', '/v1/auth/register', { body: individual })).status).toBe(201);
    await verifySignedUpIndividual(world.portal, individual);

    // Seeded activity for 監査: one provision of one record under an approved offer, through a delivered transfer.
    recipient = await world.recipient(RECIPIENT_NAME);
    const provider = await world.provider();
    const seededOffer = await world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } });
    const person = await world.individualWithRecords(provider, (customerRef) => [receiptRecord(customerRef, { observedAt: daysAgo(2) })]);
    await world.consent(person, seededOffer);
    const transferId = await world.requested(recipient, { offerId: seededOffer });
    await world.build(transferId);
    expect((await world.download(recipient, transferId, 1)).status).toBe(200);
    await eventually('every leaf to be sealed', async () => {
      await world.use(SealTransparencyLogUseCase).execute(system);
      const [{ unsealed }] = await world.environment.dataSource.query(
        `SELECT count(*)::int AS "unsealed" FROM "transparency_log_leaves" WHERE "leaf_index" IS NULL`,
      );
      return unsealed === 0;
    });

    // The offer the board reviews from the console.
    const submitted = await submitOffer(recipient.client, { purposeText: REVIEWED_PURPOSE, dataRange: { fromDaysAgo: 30 } });
    reviewedOfferId = submitted.id;
    caseId = await openCase(board, submitted);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await board?.close();
    await world?.close();
  });

  it('three members approve from 審査案件 (password asked again for each vote); the offer then appears in the portal’s 提供先をさがす', async () => {
    const first = await signedIn(members.lawyer);
    // Cookie session under the board's own name; nothing in web storage.
    const cookies = await first.context().cookies();
    expect(cookies.map(({ name, httpOnly, secure, sameSite, path }) => ({ name, httpOnly, secure, sameSite, path }))).toEqual([
      { name: 'infobank_board_refresh', httpOnly: true, secure: true, sameSite: 'Strict', path: '/v1/auth' },
    ]);
    const stored = await first.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as any;
      return { local: Object.keys(localStorage), session: Object.keys(sessionStorage) };
    });
    expect(stored).toEqual({ local: [], session: [] });

    for (const [index, member] of [members.lawyer, members.engineer, members.media].entries()) {
      const page = index === 0 ? first : await signedIn(member);
      const queue = page.getByRole('table', { name: '審査案件の一覧' });
      const row = queue.getByRole('row').filter({ hasText: RECIPIENT_NAME.ja });
      await row.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `${RECIPIENT_NAME.ja}のオファーの審査` }).waitFor();
      if (index === 0) {
        // The offer plainly and in full, and the rules that apply (a standard review here).
        await page.getByText(REVIEWED_PURPOSE.ja).first().waitFor();
        await page.getByText('通常の審査です。3票以上、そのうち外部委員の票が1票以上あると決まります。').waitFor();
        await page.getByText('禁止(どのオファーでも)').waitFor();
        await page.getByText('オファーの全文(提出されたまま)').click();
        await page.locator('pre.json').getByText(reviewedOfferId).waitFor();
      }
      await page.getByLabel('理由', { exact: true }).fill(`利用目的と項目が釣り合っています(${member.expertise})。`);
      await page.getByRole('button', { name: '承認', exact: true }).click();
      await stepUp(page);
      await page.getByRole('status').getByText('投票しました。').waitFor();
      await page
        .getByRole('table', { name: 'これまでの投票' })
        .getByRole('row')
        .nth(index + 1)
        .waitFor();
    }
    await eventually('the case to be decided', async () => {
      const detail = await callJson(board.url, 'GET', `/v1/cases/${caseId}`, { bearer: await boardToken(members.media) });
      return detail.body.case.status === 'decided' && detail.body.case.outcome === 'approved';
    });

    const portal = await browser.newContext({ baseURL: world.portal.url, viewport: DESKTOP, locale: 'ja-JP' });
    contexts.push(portal);
    individualPage = await portal.newPage();
    await individualPage.goto('/');
    await individualPage.getByLabel('メールアドレス').fill(individual.email);
    await individualPage.getByLabel('パスワード').fill(individual.password);
    await individualPage.getByRole('button', { name: 'ログイン', exact: true }).click();
    await individualPage.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    expect(await offersForIndividuals(individualPage)).toContain(REVIEWED_PURPOSE.ja);
  }, 180_000);

  it('verifies the signed decision in the browser (検証する → 検証できました), and a tampered decision does not verify', async () => {
    const page = await signedIn(members.consumer);
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `${RECIPIENT_NAME.ja}のオファーの審査` }).waitFor();
    await page.getByRole('button', { name: '検証する' }).click();
    await page.getByText('検証できました').waitFor();
    await page.getByText('決定「承認」(3票)は銀行が署名したもので、変えられていません。').waitFor();

    // The same page, but the server's answer carries a decision whose payload was changed on its way.
    await page.route(`**/v1/cases/${caseId}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const [header, payload, signature] = (body.case.decisionJws as string).split('.');
      const record = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...record, outcome: 'rejected' })).toString('base64url');
      body.case.decisionJws = `${header}.${forged}.${signature}`;
      await route.fulfill({ response, json: body });
    });
    await page.reload();
    await page.getByRole('button', { name: '検証する' }).click();
    await page.getByText('検証できませんでした').waitFor();
    await page.getByText('署名が正しくありません。決定の内容が変えられているおそれがあります。').waitFor();
    expect(await page.getByText('検証できました').count()).toBe(0);
  }, 120_000);

  it('one member proposes a stop-use order and another confirms it: the offer disappears from the portal’s 提供先をさがす; two members lift it and it returns', async () => {
    const proposer = await signedIn(members.engineer);
    await open(proposer, '利用停止命令');
    await proposer.getByLabel('対象の種類').selectOption('recipient');
    await proposer.getByLabel('対象のID').fill(recipient.client.organisationId);
    await proposer.getByLabel('理由', { exact: true }).fill('提供先で情報漏えいが報告されたため。');
    await proposer.getByRole('button', { name: '提案する' }).click();
    await stepUp(proposer);
    await proposer.getByRole('status').getByText('提案しました。').waitFor();
    const proposed = proposer.getByRole('listitem').filter({ hasText: recipient.client.organisationId });
    await proposed.getByText('提案中(確認待ち)').waitFor();
    // Proposed only: nothing is suspended yet.
    await proposed.getByText('いま停止しているオファーはありません。').waitFor();

    const confirmer = await signedIn(members.media);
    await open(confirmer, '利用停止命令');
    const order = confirmer.getByRole('listitem').filter({ hasText: recipient.client.organisationId });
    await order.getByRole('button', { name: '確認する' }).click();
    await stepUp(confirmer);
    await confirmer.getByRole('status').getByText('確認しました。命令は効力を持ちました。').waitFor();
    await order.getByText('効力あり').waitFor();
    await order.getByRole('list', { name: 'いま停止しているオファー' }).getByText(reviewedOfferId).waitFor();

    expect(await offersForIndividuals(individualPage)).not.toContain(REVIEWED_PURPOSE.ja);

    // Lifting takes two members: the first asks, the second lifts, and the offer returns.
    await proposer.reload();
    const toLift = proposer.getByRole('listitem').filter({ hasText: recipient.client.organisationId });
    await toLift.getByLabel('解除の理由').fill('再発防止策を確認したため。');
    await toLift.getByRole('button', { name: '解除を申し出る' }).click();
    await stepUp(proposer);
    await proposer.getByRole('status').getByText('解除を申し出ました。').waitFor();
    expect(await offersForIndividuals(individualPage)).not.toContain(REVIEWED_PURPOSE.ja);
    await confirmer.reload();
    await order.getByLabel('解除の理由').fill('確認しました。');
    await order.getByRole('button', { name: '解除する' }).click();
    await stepUp(confirmer);
    await confirmer.getByRole('status').getByText('解除しました。').waitFor();
    await order.getByText('解除済み').waitFor();
    expect(await offersForIndividuals(individualPage)).toContain(REVIEWED_PURPOSE.ja);
  }, 150_000);

  it('監査 shows the seeded provision and transfer, the recipient’s page, a log verification run to its result, and the public statistics', async () => {
    const page = await signedIn(members.lawyer);
    await open(page, '監査');
    const month = new Date().toISOString().slice(0, 7);
    // One provision of one record to one individual in this month (the chart's table carries the numbers).
    const chartTable = page.getByRole('table', { name: '提供の推移' });
    const thisMonth = chartTable.getByRole('row').filter({ has: page.getByRole('rowheader') });
    await thisMonth.first().waitFor();
    await expect(thisMonth.count()).resolves.toBe(1);
    expect(await thisMonth.getByRole('cell').allTextContents()).toEqual(['1', '1', '1']);
    await page.getByRole('img', { name: /月ごとの提供記録の数/ }).waitFor();
    const provisions = page.getByRole('table', { name: '提供記録(新しい順)' });
    await provisions.getByRole('link', { name: RECIPIENT_NAME.ja }).waitFor();
    await expect(provisions.getByRole('row').count()).resolves.toBe(2);
    const transfers = page.getByRole('table', { name: '提供依頼(新しい順)' });
    await expect(transfers.getByRole('row').count()).resolves.toBe(2);
    expect(await transfers.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      recipient.client.organisationId,
      'delivered',
      '1',
      '1',
      '0',
    ]);
    // The filter narrows to nothing for another purpose.
    await page.getByLabel('利用目的のコード').fill('research');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByText('この条件の提供はありません。').waitFor();

    // The public statistics as anyone sees them: this world is far below the minimum cell.
    const statistics = page.getByRole('table', { name: /の主な数$/ });
    await statistics.getByText('10件未満のため非表示').first().waitFor();

    // A full log verification: started here, worked (as the worker would) page by page, its result shown.
    const started = page.waitForResponse((response) => response.url().endsWith('/v1/audit/log-verifications') && response.status() === 202);
    await page.getByRole('button', { name: '全件検証を始める' }).click();
    const verification = (await (await started).json()) as { id: string; toSize: number };
    expect(verification.toSize).toBeGreaterThan(0);
    await page.getByRole('progressbar', { name: '検証の進み具合' }).waitFor();
    await board.app.get(RunLogVerificationPageUseCase).execute(system, verification.id, { enqueueNext: false });
    await page.getByText(`不整合はありませんでした(${verification.toSize}件、`).waitFor();

    await page.getByLabel('利用目的のコード').fill('');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByRole('table', { name: '提供記録(新しい順)' }).getByRole('link', { name: RECIPIENT_NAME.ja }).click();
    await page.getByRole('heading', { level: 1, name: `${RECIPIENT_NAME.ja}の監査` }).waitFor();
    const byMonth = page.getByRole('table', { name: '月ごとの提供' });
    expect(await byMonth.getByRole('row').filter({ hasText: month }).getByRole('cell').allTextContents()).toEqual(['1', '1', '1']);
    await page.getByText('削除証明までの時間(中央値)').waitFor();
    await page.getByText('提供先で情報漏えいが報告されたため。').first().waitFor();
  }, 120_000);

  it('writes a report for last month, opens it, downloads its JSON, and prints it without the menu', async () => {
    const page = await signedIn(members.consumer);
    await open(page, '定期報告');
    const period = await page.getByLabel('対象の月').inputValue();
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    await page.getByRole('button', { name: '作成する' }).click();
    await page.getByRole('status').getByText(`${period}の定期報告を用意しました。`).waitFor();
    await page.getByRole('link', { name: `${period}の定期報告を開く` }).click();
    await page.getByRole('heading', { level: 1, name: `定期報告 ${period}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: '審査したオファーと結果' }).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'JSONをダウンロード' }).click();
    const downloaded = await downloading;
    expect(downloaded.suggestedFilename()).toBe(`report-${period}.json`);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: '印刷する' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1, name: `定期報告 ${period}` }).isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '印刷する' }).waitFor();
  }, 120_000);

  it('every screen in both languages: no serious or critical axe violation, fits 1280×800 and a tablet, a screenshot each', async () => {
    const page = await signedIn(members.engineer);
    const problems: string[] = [];
    const screens: [string, string, string, string?][] = [
      ['審査案件', 'Cases', 'cases'],
      ['利用停止命令', 'Stop-use orders', 'orders'],
      ['監査', 'Audit', 'audit'],
      ['定期報告', 'Reports', 'reports'],
      ['インシデント', 'Incidents', 'incidents'],
      ['苦情', 'Complaints', 'complaints'],
      ['構成', 'Composition', 'composition'],
    ];
    const check = async (name: string, accessibility: boolean) => {
      if (accessibility) for (const violation of await seriousAccessibilityViolations(page)) problems.push(`${name}: ${violation}`);
      if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways at ${page.viewportSize()?.width}px`);
      await screenshot(page, `board-${name}`);
    };
    const pages = async (language: 'ja' | 'en') => {
      for (const [ja, en, file] of screens) {
        await open(page, language === 'ja' ? ja : en);
        await check(`${language}-${file}`, language === 'ja');
      }
      await page.goto(`/cases/${caseId}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await check(`${language}-case`, language === 'ja');
      await page.goto(`/audit/recipients/${recipient.client.organisationId}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await check(`${language}-recipient`, language === 'ja');
      await open(page, language === 'ja' ? '定期報告' : 'Reports');
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { level: 2 }).nth(1).waitFor();
      await check(`${language}-report`, language === 'ja');
    };
    await pages('ja');
    // A tablet: the menu goes on top and nothing scrolls sideways.
    await page.setViewportSize(TABLET);
    for (const [ja, , file] of [screens[0], screens[2]]) {
      await open(page, ja);
      if (await scrollsSideways(page)) problems.push(`tablet-${file}: scrolls sideways at 768×1024`);
      await screenshot(page, `board-ja-tablet-${file}`);
    }
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '日本語' }).waitFor();
    await pages('en');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await check('en-sign-in', false);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await check('ja-sign-in', true);
    expect(problems).toEqual([]);
  }, 240_000);

  it("is served by the ethics board at / under the strict CSP: index.html for the console's paths, the API's 404s unchanged, the public statistics open", async () => {
    const index = await fetch(`${board.url}/cases/${caseId}`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style/);
    for (const path of ['/v1/no-such-route', '/assets/no-such-file.js']) {
      const missing = await fetch(`${board.url}${path}`);
      expect([path, missing.status, missing.headers.get('content-type')]).toEqual([
        path,
        404,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
    const statistics = await callJson(board.url, 'GET', '/v1/transparency');
    expect(statistics.status).toBe(200);
    expect(statistics.body).toMatchObject({ minCell: expect.any(Number), months: expect.any(Array) });
  });

  /** An access token of `member` for the API checks of this file. */
  async function boardToken(member: Member): Promise<string> {
    return (await callJson(board.url, 'POST', '/v1/auth/login', { body: { email: member.email, password: PASSWORD } })).body.accessToken;
  }
});
