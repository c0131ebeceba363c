// The 開示請求 screen of the individual's web app in Debian's Chromium against the real portal and
// worker: ask for some sections as CSV, follow the request until the worker has built it, download the
// archive (the token fetched at the click and sent in a body), and check the screen with axe-core, at
// phone width, in Japanese and English.
import { readFile } from 'node:fs/promises';
import { readTar } from '@infobank/disclosure';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { daysAgo, TransferWorld } from '../e2e/gateway/transfer-world';
import { receiptRecord } from '../e2e/intake/deposits-client';
import { newCustomerRef } from '../e2e/intake/link-world';
import { depositBatch } from '../e2e/portal/data-world';
import { callJson, newIndividual } from '../e2e/portal/session-client';
import { launchBrowser, PHONE, screenshot, scrollsSideways, seriousAccessibilityViolations } from '../support/browser';
import { verifyEmailWithoutMail } from '../support/verified-individual';

describe('the 開示請求 screen in a real browser', () => {
  let world: TransferWorld;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const person = newIndividual({ displayName: '開示花子' });

  beforeAll(async () => {
    [world, browser] = await Promise.all([TransferWorld.start({ worker: true }), launchBrowser()]);
    const registered = await callJson(world.portal.url, 'POST', '/v1/auth/register', { body: person });
    const login = await callJson(world.portal.url, 'POST', '/v1/auth/login', { body: { email: person.email, password: person.password } });
    const individual = { id: registered.body.id as string, accessToken: login.body.accessToken as string };
    await verifyEmailWithoutMail(world.portal, individual.id);
    const provider = await world.provider();
    const customerRef = newCustomerRef();
    await world.links.linked(individual, provider, customerRef, ['purchase.receipts']);
    await depositBatch(provider, [receiptRecord(customerRef, { observedAt: daysAgo(2) })]);
    context = await browser.newContext({ baseURL: world.portal.url, viewport: PHONE, locale: 'ja-JP', acceptDownloads: true });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('asks for chosen sections as CSV, shows the request until it is ready, and downloads the signed archive', async () => {
    await page.goto('/');
    await page.getByLabel('メールアドレス').fill(person.email);
    await page.getByLabel('パスワード').fill(person.password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ホーム' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '開示請求', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '開示請求' }).waitFor();
    await page.getByText('これまでの開示請求').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await expect(page.getByRole('switch', { name: 'お問い合わせ・苦情とそのやり取り' }).isChecked()).resolves.toBe(true);
    await page.getByRole('switch', { name: '受け取った便益' }).uncheck();
    await page.getByRole('switch', { name: '第三者提供の記録と証明' }).uncheck();
    await page.getByRole('radio', { name: 'CSV(表計算ソフトで見るとき)' }).check();
    await page.getByRole('button', { name: '開示を請求する' }).click();
    await page.getByRole('status').getByText('開示を請求しました').waitFor();

    const requests = page.getByRole('list', { name: 'これまでの開示請求' });
    await requests.getByText('ダウンロードできます').waitFor({ timeout: 30_000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await expect(scrollsSideways(page)).resolves.toBe(false);
    await screenshot(page, 'disclosures-ready');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      requests.getByRole('button', { name: /ダウンロードする$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^infobank-disclosure-[0-9a-f]{8}\.tar$/);
    const files = readTar(await readFile((await download.path()) as string)).map((entry) => entry.name.replace(/^[^/]+\//, ''));
    expect(files.sort()).toEqual(
      [
        'README.md',
        'complaints.csv',
        'consents.csv',
        'links.csv',
        'manifest.json',
        'manifest.jws',
        'notices.csv',
        'profile.csv',
        'records.csv',
      ].sort(),
    );
    await page.getByRole('status').getByText('ダウンロードを始めました').waitFor();
  });

  it('reads in English, with the same structure and no serious accessibility violation', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Disclosure requests' }).waitFor();
    await page.getByRole('list', { name: 'Your requests' }).getByText('Ready to download').waitFor();
    await page.getByRole('button', { name: /^Download the disclosure requested on/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await expect(scrollsSideways(page)).resolves.toBe(false);
  });
});
