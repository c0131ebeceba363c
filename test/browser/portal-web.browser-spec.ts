import { createRequestContext } from '@infobank/platform';
// The individual's web app (apps/portal-web) in Debian's Chromium against the real portal, intake and
// gateway: sign-up, link, consent, a recipient's download, history with in-browser verification, a
// tampered proof, an incident beside the provision it concerns, revocation, ask-mode approval, erasure, the English switch, axe-core and the phone size;
// the public 透明性 page, the account language, sign-out everywhere and account closure.
import { NotifyIncidentPageUseCase, OpenIncidentUseCase, StartIncidentNotificationUseCase } from '@infobank/oversight';
import { SealTransparencyLogUseCase } from '@infobank/transparency-log';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { daysAgo, TransferWorld, type Recipient } from '../e2e/gateway/transfer-world';
import { receiptRecord } from '../e2e/intake/deposits-client';
import { newCustomerRef } from '../e2e/intake/link-world';
import { depositBatch } from '../e2e/portal/data-world';
import type { OrganisationClient } from '../support/organisation-client';
import { eventually } from '../support/platform';
import { verifyEmailWithoutMail } from '../support/verified-individual';
import { DESKTOP, launchBrowser, PHONE, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';

const RECIPIENT_NAME = { ja: '株式会社ブラウザ受領', en: 'Browser Recipient K.K.' };
const ASK_PURPOSE = { ja: '毎回たしかめてから、来店の記録を使います。', en: 'We ask you each time before using your visits.' };

describe('the web app (本人向けアプリ) in a real browser', () => {
  let world: TransferWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let provider: OrganisationClient;
  let recipient: Recipient;
  let offerId: string;
  let askOfferId: string;
  let transferId: string;
  const email = `browser-${randomUUID()}@example.jp`;
  const password = 'correct horse battery staple';

  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const open = async (name: string, heading = name) => {
    await nav(name).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  /** Runs the sealer (the worker's ledger job) until my provision's proof is served. */
  const sealedProof = async () => {
    const token = await accessTokenOf(email, password);
    const get = (path: string) => fetch(`${world.portal.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const [provision] = ((await (await get('/v1/me/provisions')).json()) as { provisions: { id: string }[] }).provisions;
    await eventually('the provision to be sealed', async () => {
      await world.use(SealTransparencyLogUseCase).execute(createRequestContext({ type: 'system', name: 'test' }));
      return (await get(`/v1/me/provisions/${provision.id}/proof`)).status === 200;
    });
  };

  beforeAll(async () => {
    [world, browser] = await Promise.all([TransferWorld.start(), launchBrowser()]);
    // Independent set-up side by side: the provider, and the recipient with its two approved offers; and the page.
    const offersOfRecipient = async () => {
      recipient = await world.recipient(RECIPIENT_NAME);
      [offerId, askOfferId] = await Promise.all([
        world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 } }),
        world.approvedOffer(recipient, { dataRange: { fromDaysAgo: 30 }, purposeText: ASK_PURPOSE }),
      ]);
    };
    const openPage = async () => {
      context = await browser.newContext({ baseURL: world.portal.url, viewport: PHONE, locale: 'ja-JP' });
      page = await context.newPage();
    };
    [provider] = await Promise.all([world.provider(), offersOfRecipient(), openPage()]);
  }, 120_000);

  // Closing waits for the worker's running jobs; on a loaded CI machine that once took over 30 s.
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  }, 90_000);

  it('signs up and in, links a provider with the code shown, and shows the deposited data', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'はじめての方は登録' }).click();
    await page.getByLabel('お名前(表示名)').fill('ブラウザ太郎');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('status').getByText('登録しました').waitFor();
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await page.getByText('ブラウザ太郎さん、こんにちは').waitFor();
    // Unverified, the page asks for the address to be confirmed (the link itself: mail-pages.browser-spec.ts).
    await page.getByRole('region', { name: 'メールアドレスの確認' }).getByRole('button', { name: '確認メールを再送' }).waitFor();
    const token = await accessTokenOf(email, password);
    const me = (await (await fetch(`${world.portal.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      id: string;
    };
    await verifyEmailWithoutMail(world.portal, me.id);
    // A reload keeps no token anywhere the page can read: the HttpOnly cookie resumes the session.
    await page.reload();
    await page.getByText('ブラウザ太郎さん、こんにちは').waitFor();
    await expect(page.getByRole('region', { name: 'メールアドレスの確認' }).count()).resolves.toBe(0);
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage, document } = globalThis as any;
      return { local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie };
    });
    expect(stored).toEqual({ local: [], session: [], cookie: '' });
    const cookies = await context.cookies();
    expect(cookies.map(({ name, httpOnly, secure, sameSite, path }) => ({ name, httpOnly, secure, sameSite, path }))).toEqual([
      { name: 'infobank_refresh', httpOnly: true, secure: true, sameSite: 'Strict', path: '/v1/auth' },
    ]);

    await open('データ');
    await page.getByLabel('事業者', { exact: true }).selectOption(provider.organisationId);
    await page.getByRole('switch', { name: '購買履歴(レシート)' }).check();
    await page.getByRole('button', { name: 'コードを発行する' }).click();
    const code = (await page.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);

    const customerRef = newCustomerRef();
    expect((await world.links.redeem(provider, code, customerRef)).status).toBe(200);
    await depositBatch(provider, [receiptRecord(customerRef, { observedAt: daysAgo(2) })]);

    await open('ホーム');
    await page.getByRole('list', { name: '銀行が預かっているあなたのデータ' }).getByText('1件').waitFor();
  });

  it('consents with one optional item switched off; a recipient downloads; 提供履歴 shows it and 検証する succeeds in the page', async () => {
    await open('提供先をさがす');
    const offer = page.getByRole('listitem').filter({ hasText: 'お買い物の傾向に合わせたクーポンをお届けします。' });
    await offer.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: RECIPIENT_NAME.ja }).waitFor();
    await page.getByRole('button', { name: '同意する', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '同意の内容を選ぶ' });
    const store = dialog.getByRole('switch', { name: '購入したお店' });
    // Optional items start switched on; the dialog may still be rendering, so wait for that state rather than read it once.
    await dialog.getByRole('switch', { name: '購入したお店', checked: true }).waitFor();
    await store.uncheck();
    await dialog.getByRole('button', { name: 'この内容で同意する' }).click();
    await dialog.getByRole('link', { name: '受領書をダウンロード' }).waitFor();
    await dialog.getByRole('button', { name: '閉じる' }).click();

    transferId = await world.requested(recipient, { offerId });
    await world.build(transferId);
    const part = await world.download(recipient, transferId, 1);
    expect(part.status).toBe(200);
    const { payload } = await world.open(recipient, part.body as string);
    // The switched-off item never left the bank.
    const sent = Object.keys(payload.subjects[0].records[0].items);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((item) => item.includes('store'))).toEqual([]);

    await sealedProof();
    await open('提供履歴');
    const entry = page.getByRole('list', { name: '提供履歴' }).getByRole('listitem').first();
    await entry.getByText(RECIPIENT_NAME.ja).first().waitFor();
    await entry.getByRole('button', { name: '検証する' }).click();
    await entry.getByText('検証できました', { exact: true }).waitFor({ timeout: 10_000 });
  });

  it('shows a failure when the proof was tampered with on its way (one byte of the leaf flipped)', async () => {
    await page.route('**/v1/me/provisions/*/proof', async (route) => {
      const response = await route.fetch();
      const proof = (await response.json()) as { leaf?: string };
      if (typeof proof.leaf !== 'string') return route.fulfill({ response });
      const leaf = Buffer.from(proof.leaf, 'base64url');
      leaf[leaf.length - 2] ^= 0x01;
      await route.fulfill({ response, json: { ...proof, leaf: leaf.toString('base64url') } });
    });
    await open('ホーム');
    await open('提供履歴');
    const entry = page.getByRole('list', { name: '提供履歴' }).getByRole('listitem').first();
    await entry.getByRole('button', { name: '検証する' }).click();
    await entry.getByText('検証できませんでした', { exact: true }).waitFor();
    await expect(entry.getByText('検証できました', { exact: true }).count()).resolves.toBe(0);
    await page.unroute('**/v1/me/provisions/*/proof');
  });

  it('shows an incident that affected me at the top of 提供履歴 and marks the provision it concerns', async () => {
    // The board opens a breach at the recipient and tells those affected (what the worker's job does).
    const portal = world.portal.app;
    const incident = await portal
      .get(OpenIncidentUseCase, { strict: false })
      .execute(createRequestContext({ type: 'operator', name: 'test' }), {
        kind: 'recipient_breach',
        recipientId: recipient.client.organisationId,
        from: new Date(Date.now() - 3600_000).toISOString(),
        to: new Date(Date.now() + 3600_000).toISOString(),
        description: 'ブラウザテストの事案',
      });
    const system = createRequestContext({ type: 'system', name: 'test' });
    await portal.get(StartIncidentNotificationUseCase, { strict: false }).execute(system, incident.id);
    await portal.get(NotifyIncidentPageUseCase, { strict: false }).execute(system, incident.id, { enqueueNext: false });
    await open('ホーム');
    await open('提供履歴');
    const incidents = page.getByRole('list', { name: 'あなたに関わる事案' });
    await incidents.getByText(`${RECIPIENT_NAME.ja}で情報漏えい等の事案が発生し`, { exact: false }).waitFor();
    const entry = page.getByRole('list', { name: '提供履歴' }).getByRole('listitem').first();
    await entry.getByText(`この提供のデータは、${RECIPIENT_NAME.ja}で起きた事案の対象です。`).waitFor();
  });

  it("revokes from 同意の管理 in two clicks, and the recipient's next download is refused", async () => {
    await open('同意の管理');
    const consent = page.getByRole('listitem').filter({ hasText: RECIPIENT_NAME.ja }).filter({ hasText: '有効' });
    await consent.getByRole('button', { name: '同意を撤回' }).click();
    await page.getByRole('dialog', { name: '同意を撤回しますか' }).getByRole('button', { name: '撤回する' }).click();
    await page.getByRole('status').getByText('同意を撤回しました。').waitFor();
    await page.getByText('撤回済み').first().waitFor();

    const again = await world.download(recipient, transferId, 1);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('PART_WITHDRAWN');
  });

  it('approves an ask-mode request from 確認待ち', async () => {
    await open('提供先をさがす');
    await page.getByRole('listitem').filter({ hasText: ASK_PURPOSE.ja }).getByRole('link').click();
    await page.getByRole('button', { name: '同意する', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '同意の内容を選ぶ' });
    await dialog.getByRole('radio', { name: /都度確認/ }).check();
    await dialog.getByRole('button', { name: 'この内容で同意する' }).click();
    await dialog.getByRole('link', { name: '受領書をダウンロード' }).waitFor();
    await dialog.getByRole('button', { name: '閉じる' }).click();

    const askTransfer = await world.requested(recipient, { offerId: askOfferId });
    await world.build(askTransfer);
    await open('確認待ち');
    const request = page.getByRole('list', { name: '確認待ち' }).getByRole('listitem').first();
    await request.getByText(RECIPIENT_NAME.ja).waitFor();
    await request.getByRole('button', { name: '提供する', exact: true }).click();
    await page.getByRole('status').getByText('提供を認めました。').waitFor();
    const token = await accessTokenOf(email, password);
    const approvals = await fetch(`${world.portal.url}/v1/me/approvals?status=all`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await approvals.json()) as { status: string }[]).map((approval) => approval.status)).toEqual(['approved']);
  });

  it('erases a provider’s records from データ after the password is asked again in place', async () => {
    await open('データ');
    await page.getByRole('button', { name: 'このデータを消す' }).click();
    await page.getByRole('dialog', { name: 'データを消しますか' }).getByRole('button', { name: '消す' }).click();
    const stepUp = page.getByRole('dialog', { name: 'パスワードをもう一度入力してください' });
    await stepUp.getByLabel('パスワード').fill(password);
    await stepUp.getByRole('button', { name: '確認する' }).click();
    await page.getByRole('status').getByText('データを消しました。').waitFor();
    const token = await accessTokenOf(email, password);
    await eventually('the holdings to be empty', async () => {
      const data = await fetch(`${world.portal.url}/v1/me/data`, { headers: { authorization: `Bearer ${token}` } });
      return ((await data.json()) as { holdings: unknown[] }).holdings.length === 0;
    });
  });

  it('every screen in both languages: no serious or critical axe violation, no sideways scrolling at 390×844, a screenshot', async () => {
    const screens = [
      ['ホーム', 'Home', 'home'],
      ['データ', 'Data', 'data'],
      ['提供先をさがす', 'Find recipients', 'offers'],
      ['同意の管理', 'Consents', 'consents'],
      ['提供履歴', 'History', 'history'],
      ['確認待ち', 'Approvals', 'approvals'],
      ['おまかせ設定', 'Automatic consent', 'standing-conditions'],
      ['通知', 'Notifications', 'notifications'],
      ['規約', 'Terms', 'terms'],
      ['設定', 'Settings', 'settings'],
    ] as const;
    const problems: string[] = [];
    // axe-core once per screen (the structure is the same in both languages); size and screenshot in both.
    const check = async (name: string, accessibility: boolean) => {
      await page.waitForFunction(() => !/読み込み中|Loading/.test((globalThis as any).document.body.innerText));
      if (accessibility) for (const violation of await seriousAccessibilityViolations(page)) problems.push(`${name}: ${violation}`);
      if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways at 390×844`);
      await screenshot(page, name);
    };
    for (const [ja, , file] of screens) {
      await open(ja);
      await check(`ja-${file}`, true);
    }
    await open('提供先をさがす');
    await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: RECIPIENT_NAME.ja }).waitFor();
    await check('ja-offer', true);

    // The desktop size too, for the two busiest screens.
    await page.setViewportSize(DESKTOP);
    for (const [ja, , file] of [screens[0], screens[4]]) {
      await open(ja);
      if (await scrollsSideways(page)) problems.push(`desktop-${file}: scrolls sideways at 1280×800`);
      await screenshot(page, `ja-desktop-${file}`);
    }
    await page.setViewportSize(PHONE);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '日本語' }).waitFor();
    await expect(page.evaluate(() => (globalThis as any).document.documentElement.lang)).resolves.toBe('en');
    for (const [, en, file] of screens) {
      await open(en);
      await check(`en-${file}`, false);
    }
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await check('en-sign-in', false);
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await check('ja-sign-in', true);
    expect(problems).toEqual([]);
  }, 150_000);

  it("is served by the portal at /: index.html for the app's paths (never cached), hashed assets cached, the API's 404s unchanged", async () => {
    const index = await fetch(`${world.portal.url}/history?filter=x`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    // No inline script or style: everything the page runs comes from the portal's own files.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style/);
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${world.portal.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/v1/no-such-route', '/assets/no-such-file.js', '/.well-known/no-such-thing']) {
      const missing = await fetch(`${world.portal.url}${path}`);
      expect([path, missing.status, missing.headers.get('content-type')]).toEqual([
        path,
        404,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
  });

  it('透明性 opens without signing in: counts in captioned tables, small counts hidden, the checkpoint verified in the page; axe, 390×844, both languages', async () => {
    // A visitor with no session at all (a context of its own, no cookie).
    const visitor = await browser.newContext({ baseURL: world.portal.url, viewport: PHONE, locale: 'ja-JP' });
    const visit = await visitor.newPage();
    try {
      await visit.goto('/');
      await visit.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
      await visit.getByRole('contentinfo').getByRole('link', { name: '透明性(公開統計)' }).click();
      await visit.getByRole('heading', { level: 1, name: '透明性' }).waitFor();
      const overview = visit.getByRole('table', { name: /の主な数$/ });
      await overview.getByRole('columnheader', { name: '件数' }).waitFor();
      // This world holds a handful of accounts, far below TRANSPARENCY_MIN_CELL's default of 10.
      const individuals = overview.getByRole('row').filter({ has: visit.getByRole('rowheader', { name: '月末に登録していた人' }) });
      await expect(individuals.getByRole('cell').textContent()).resolves.toBe('10件未満のため非表示');
      await visit
        .getByRole('table', { name: /の提供先ごとの提供$/ })
        .getByRole('rowheader', { name: RECIPIENT_NAME.ja })
        .waitFor();
      await visit.getByRole('button', { name: '検証する' }).click();
      await visit.getByText('検証できました', { exact: true }).waitFor({ timeout: 10_000 });
      expect(await seriousAccessibilityViolations(visit)).toEqual([]);
      await expect(scrollsSideways(visit)).resolves.toBe(false);
      await screenshot(visit, 'ja-transparency');

      await visit.getByRole('button', { name: 'English' }).click();
      await visit.getByRole('heading', { level: 1, name: 'Transparency' }).waitFor();
      await visit.getByText('Hidden (fewer than 10)').first().waitFor();
      await expect(scrollsSideways(visit)).resolves.toBe(false);
      await screenshot(visit, 'en-transparency');
      await visit.getByRole('link', { name: 'Back to sign in' }).click();
      await visit.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  it("links 透明性 from the signed-in footer, and the language switch in 設定 saves the account's language", async () => {
    await signIn();
    await page.getByRole('contentinfo').getByRole('link', { name: '透明性(公開統計)' }).click();
    await page.getByRole('heading', { level: 1, name: '透明性' }).waitFor();
    await open('設定');
    const token = await accessTokenOf(email, password);
    const languageOfAccount = async () =>
      ((await (await fetch(`${world.portal.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { language: string })
        .language;
    await page.getByRole('main').getByRole('button', { name: 'English' }).click();
    await eventually('the account language to be English', async () => (await languageOfAccount()) === 'en');
    await page.getByRole('main').getByRole('button', { name: '日本語' }).click();
    await eventually('the account language to be Japanese', async () => (await languageOfAccount()) === 'ja');
  });

  it('signs out everywhere from 設定: a reload lands on sign-in, even with the old refresh cookie put back', async () => {
    await open('設定');
    const [refreshCookie] = await context.cookies();
    expect(refreshCookie.name).toBe('infobank_refresh');
    await page.getByRole('button', { name: 'すべての端末からログアウト' }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    // The portal ended the session itself, not only the cookie in this browser.
    await context.addCookies([refreshCookie]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
  });

  it('closes the account from 設定 after the password is asked again; the account can no longer sign in', async () => {
    await signIn();
    await open('設定');
    await page.getByRole('main').getByRole('button', { name: '退会する' }).click();
    await page.getByRole('dialog', { name: '退会しますか' }).getByRole('button', { name: '退会する' }).click();
    const stepUp = page.getByRole('dialog', { name: 'パスワードをもう一度入力してください' });
    await stepUp.getByLabel('パスワード').fill(password);
    await stepUp.getByRole('button', { name: '確認する' }).click();
    await page.getByRole('status').getByText('退会しました。').waitFor();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    const login = await fetch(`${world.portal.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(401);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('alert').getByText('メールアドレスかパスワードが違います。').waitFor();
  });

  /** Signs in through the sign-in screen (from signed out) and waits for ホーム. */
  async function signIn(): Promise<void> {
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
  }

  /** A fresh access token for API checks beside the browser (the browser's own stays in its memory). */
  async function accessTokenOf(address: string, secret: string): Promise<string> {
    const response = await fetch(`${world.portal.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, password: secret }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }
});
