// Debian's Chromium driven by playwright-core, for the browser tests (test/browser). One browser per file.
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Chromium is: /usr/bin/chromium (Debian's package, installed by .ci/run), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The phone and desktop sizes every screen must fit. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Screenshots of every screen in both languages (git-ignored). */
export const SCREENSHOTS = resolve(__dirname, '../browser/screenshots');

/** Launches Chromium headless; fails with a clear message when the web app was not built. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(resolve(__dirname, '../../dist/portal-web/index.html'))) {
    throw new Error('dist/portal-web is missing: run `npm run build` before the browser tests');
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'], headless: true });
}

/** Serious and critical accessibility violations that axe-core finds on the page, as readable lines. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Only violations are gathered in detail (resultTypes), which keeps each run short on a busy machine.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** True when the page scrolls sideways (its content is wider than the viewport). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** Saves a full-page screenshot as `<name>.png` under SCREENSHOTS. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
