/**
 * The IATI checks: a coordinator opens the per-agency summary from the menu, follows a program
 * with errors to its page and reads the field to fix, in English and in Indonesian (the rule's
 * own text stays English).
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('IATI checks', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });

  it('goes from the summary per agency to the findings of a program', async () => {
    const { page, h } = b;
    await login(page, h, 'coordinator@e2e.test');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'IATI checks' }).click();
    await page.waitForURL(/\/iati\/checks$/);
    await page.getByRole('heading', { name: 'Implementing agency' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/35 program\(s\) checked: 35 with errors/);
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Ministry of Foreign Affairs' }).count()).toBe(1);

    await page.getByRole('link', { name: 'ID-NCT-SSTC-ID-KEMLU-2018-06' }).click();
    await page.waitForURL(/\/programs\/\d+/);
    const section = page.locator('section.iati-checks');
    await section.getByRole('cell', { name: 'sector', exact: true }).waitFor();
    expect(await section.getByRole('row').nth(1).innerText()).toMatch(
      /Error\s+6\.2\.2\s+sector\s+Each activity must have a specified sector/,
    );

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await section.getByRole('heading', { name: 'Pemeriksaan IATI' }).waitFor();
    expect(await section.getByRole('row').nth(1).innerText()).toMatch(
      /Galat\s+6\.2\.2\s+sector\s+Each activity must have a specified sector/,
    );
    await page.getByRole('button', { name: 'English' }).click();
    expect(b.errors).toEqual([]);
  });
});
