// The 規約 (terms) screen of the individual's web app in Debian's Chromium against the real portal, in a
// database of its own: registration shows the terms and asks for the checkbox; a new version makes a
// consent lead to the terms dialog, and the consent goes through once accepted; the 規約 screen reads the
// current version, lists my acceptances and accepts a newer one; axe-core at the phone size, in ja and en.
import { createRequestContext } from '@infobank/platform';
import { PublishTermsUseCase } from '@infobank/rights';
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { TransferWorld, type Recipient } from '../e2e/gateway/transfer-world';
import { launchBrowser, PHONE, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';
import { verifySignedUpIndividual } from '../support/verified-individual';

describe('the web app: 規約 (terms) in a real browser', () => {
  let world: TransferWorld;
  let browser: Browser;
  let page: Page;
  let recipient: Recipient;
  const email = `terms-${randomUUID()}@example.jp`;
  const password = 'correct horse battery staple';
  const publish = (version: string) =>
    world.use(PublishTermsUseCase).execute(createRequestContext({ type: 'operator', name: 'browser-test' }), {
      audience: 'individual',
      version,
      ja: `インフォバンク利用規約 ${version}\n第1条 あなたが同意した相手にだけ提供します。`,
      en: `Infobank terms ${version}\nArt. 1 Data goes only to recipients you consented to.`,
    });
  const open = async (name: string) => {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };
  const accessible = async () => {
    await page.waitForFunction(() => !/読み込み中|Loading/.test((globalThis as any).document.body.innerText));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
  };

  beforeAll(async () => {
    [world, browser] = await Promise.all([TransferWorld.start(), launchBrowser()]);
    recipient = await world.recipient({ ja: '株式会社規約ブラウザ', en: 'Terms Browser K.K.' });
    await publish('2026-12');
    const context = await browser.newContext({ baseURL: world.portal.url, viewport: PHONE, locale: 'ja-JP' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('registration shows the current terms and registers only with the acceptance checkbox ticked', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'はじめての方は登録' }).click();
    await page.getByLabel('お名前(表示名)').fill('規約花子');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    const register = page.getByRole('button', { name: '登録する' });
    await expect(register.isDisabled()).resolves.toBe(true);
    await page.getByText('利用規約・委任契約(2026-12)を読む').click();
    await page.getByRole('region', { name: '規約の本文' }).getByText('第1条 あなたが同意した相手にだけ提供します。').waitFor();
    await accessible();
    await page.getByRole('checkbox', { name: '利用規約・委任契約に同意します' }).check();
    await register.click();
    await page.getByRole('status').getByText('登録しました').waitFor();
    // Consenting also needs a verified address (mail-pages.browser-spec.ts tests the link); this file is about terms.
    await verifySignedUpIndividual(world.portal, { email, password });
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();

    await open('規約');
    await page.getByRole('heading', { level: 2, name: /現在の版: 2026-12/ }).waitFor();
    await page.getByText('この版に同意済みです。').waitFor();
    await page
      .getByRole('list', { name: '同意の履歴' })
      .getByText(/2026-12版 — .*に同意\(登録時\)/)
      .waitFor();
    await accessible();
  });

  it('after a new version, consenting leads to the terms dialog; accepting there lets the consent through', async () => {
    const offerId = await world.approvedOffer(recipient);
    await publish('2027-01');
    await page.goto(`/offers/${offerId}`);
    await page.getByRole('heading', { level: 1, name: '株式会社規約ブラウザ' }).waitFor();
    await page.getByRole('button', { name: '同意する', exact: true }).click();
    await page.getByRole('dialog', { name: '同意の内容を選ぶ' }).getByRole('button', { name: 'この内容で同意する' }).click();

    const terms = page.getByRole('dialog', { name: '新しい規約への同意が必要です' });
    await terms.getByText('新しい版(2027-01)').waitFor();
    await terms.getByRole('region', { name: '規約の本文' }).getByText('インフォバンク利用規約 2027-01').waitFor();
    await accessible();
    const proceed = terms.getByRole('button', { name: '同意して続ける' });
    await expect(proceed.isDisabled()).resolves.toBe(true);
    await terms.getByRole('checkbox', { name: '規約を読み、同意します' }).check();
    await proceed.click();
    await page.getByRole('dialog', { name: '同意の内容を選ぶ' }).getByRole('link', { name: '受領書をダウンロード' }).waitFor();
    const consents = await world.links.atPortal({ id: '', accessToken: await signedInToken() }, 'GET', '/v1/me/consents');
    expect((consents.body as { offerId: string }[]).map((consent) => consent.offerId)).toEqual([offerId]);
  });

  it('the 規約 screen accepts a newer version and shows the history, in Japanese and English', async () => {
    await publish('2027-02');
    await page.goto('/terms');
    await page.getByRole('heading', { level: 1, name: '規約' }).waitFor();
    await page.getByText('この版にはまだ同意していません。').waitFor();
    await accessible();
    await page.getByRole('checkbox', { name: '規約を読み、同意します' }).check();
    await page.getByRole('main').getByRole('button', { name: '同意する', exact: true }).click();
    await page.getByRole('status').getByText('規約に同意しました。').waitFor();
    await page.getByText('この版に同意済みです。').waitFor();
    const history = page.getByRole('list', { name: '同意の履歴' }).getByRole('listitem');
    await expect(history.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^2027-02版.*この画面から/),
      expect.stringMatching(/^2027-01版.*この画面から/),
      expect.stringMatching(/^2026-12版.*登録時/),
    ]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms' }).waitFor();
    await page.getByRole('region', { name: 'Text of the terms' }).getByText('Infobank terms 2027-02').waitFor();
    await page.getByText('The Japanese text is the binding one.').waitFor();
    await page.getByText('You have accepted this version.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
  });

  async function signedInToken(): Promise<string> {
    const login = await fetch(`${world.portal.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return ((await login.json()) as { accessToken: string }).accessToken;
  }
});
