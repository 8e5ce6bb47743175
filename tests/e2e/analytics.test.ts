/// <reference lib="dom" />
/**
 * Analytics and priorities in the browser, on the demo data: the trends of 2016–2018 with their
 * change, the concentration explained, the triangular network; a coordinator sets the Pacific
 * target and sees it met, breaks it down by country and opens a country's and a partner's profile.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, canRun, login, openPage, startHarness, type Harness } from './browser.js';

describe.skipIf(!canRun)('analytics in the browser', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    await addAccount(h, 'coordinator');
    ({ context, page } = await openPage(h, errors));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('shows the trends with their year-over-year change, and the concentration explained', async () => {
    await page.goto(`${h.url}/analytics?from=2016&to=2018`);
    const row2018 = page.getByRole('row', { name: /^2018/ }).first();
    // 14 programs (+366.7% on 3), 53 countries, 384 participants, USD 384,352.26.
    await expect.poll(() => row2018.innerText()).toMatch(/14\s+\+366\.7%\s+53\s+384\s+\+611\.1%\s+384,352\.26/);
    await page.locator('.chart svg').first().waitFor();
    await page.getByRole('tab', { name: 'Concentration' }).click();
    await page.getByText(/Herfindahl-Hirschman index \(HHI\) adds up/).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /^2018/ }).innerText()).toMatch(/2,750\s+highly concentrated/);
    await page.getByRole('tab', { name: 'Triangular network' }).click();
    await page.goto(`${h.url}/analytics?from=2017&to=2017&tab=network`);
    await page.getByRole('link', { name: 'JICA' }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a coordinator set the Pacific target and see it met, in Indonesian', async () => {
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(`${h.url}/priorities?from=2018&to=2018`);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const form = page.getByRole('form', { name: 'Tetapkan target' });
    await form.getByLabel('Kelompok negara').selectOption('PIF');
    await form.getByLabel('Dari tahun').selectOption('2018');
    await form.getByLabel('Sampai tahun').selectOption('2018');
    await form.getByRole('button', { name: 'Tetapkan target' }).click();
    await page.getByText('1 target ditetapkan.').waitFor();
    // 5 of 14 programs = 35.71% ≥ 25%.
    const row = page.getByRole('row', { name: /Forum Kepulauan Pasifik/ });
    await expect.poll(() => row.innerText()).toMatch(/35,71%[\s\S]*paling sedikit 25%[\s\S]*Tercapai/);
    await row.getByRole('button', { name: 'Per negara' }).click();
    await page.getByRole('heading', { name: /Forum Kepulauan Pasifik \(PIF\) tahun 2018, per negara/ }).waitFor();
    await page.getByRole('link', { name: 'Papua Nugini' }).click();
    await page.getByRole('heading', { name: /Papua Nugini/ }).waitFor();
    await page.getByText('Peserta menurut jenis kelamin').waitFor();
    await page.getByRole('link', { name: 'JICA' }).click();
    await page.getByRole('heading', { name: /Badan Kerja Sama Internasional Jepang/ }).waitFor();
    await expect.poll(() => page.locator('.figures').innerText()).toMatch(/2\s+Program\s+2\s+Triangular\s+10\s+Negara penerima/);
    expect(errors).toEqual([]);
  });
});
