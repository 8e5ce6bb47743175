/// <reference lib="dom" />
/**
 * Analytics and priorities in the browser, on the demo data: the trends of 2016–2018 with their
 * change, the concentration explained, the triangular network; a coordinator sets the Pacific
 * target and sees it met, breaks it down by country and opens a country's and a partner's profile.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('analytics in the browser', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });

  it('shows the trends with their year-over-year change, and the concentration explained', async () => {
    await b.page.goto(`${b.h.url}/analytics?from=2016&to=2018`);
    const row2018 = b.page.getByRole('row', { name: /^2018/ }).first();
    // 14 programs (+7.7% on 2017's 13), 53 countries, 384 participants (+33.3% on 288), USD 384,352.26.
    await expect.poll(() => row2018.innerText()).toMatch(/14\s+\+7\.7%\s+53\s+384\s+\+33\.3%\s+384,352\.26/);
    await b.page.locator('.chart svg').first().waitFor();
    await b.page.getByRole('tab', { name: 'Concentration' }).click();
    await b.page.getByText(/Herfindahl-Hirschman index \(HHI\) adds up/).waitFor();
    await expect.poll(() => b.page.getByRole('row', { name: /^2018/ }).innerText()).toMatch(/2,750\s+highly concentrated/);
    await b.page.getByRole('tab', { name: 'Triangular network' }).click();
    await b.page.goto(`${b.h.url}/analytics?from=2017&to=2017&tab=network`);
    await b.page.getByRole('link', { name: 'JICA' }).first().waitFor();
    expect(b.errors).toEqual([]);
  });

  it('lets a coordinator set the Pacific target and see it met, in Indonesian', async () => {
    await login(b.page, b.h, 'coordinator@e2e.test');
    await b.page.goto(`${b.h.url}/priorities?from=2018&to=2018`);
    await b.page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    const form = b.page.getByRole('form', { name: 'Tetapkan target' });
    await form.getByLabel('Kelompok negara').selectOption('PIF');
    await form.getByLabel('Dari tahun').selectOption('2018');
    await form.getByLabel('Sampai tahun').selectOption('2018');
    await form.getByRole('button', { name: 'Tetapkan target' }).click();
    await b.page.getByText('1 target ditetapkan.').waitFor();
    // 5 of 14 programs = 35.71% ≥ 25%.
    const row = b.page.getByRole('row', { name: /Forum Kepulauan Pasifik/ });
    await expect.poll(() => row.innerText()).toMatch(/35,71%[\s\S]*paling sedikit 25%[\s\S]*Tercapai/);
    await row.getByRole('button', { name: 'Per negara' }).click();
    await b.page.getByRole('heading', { name: /Forum Kepulauan Pasifik \(PIF\) tahun 2018, per negara/ }).waitFor();
    await b.page.getByRole('link', { name: 'Papua Nugini' }).click();
    await b.page.getByRole('heading', { name: /Papua Nugini/ }).waitFor();
    await b.page.getByRole('heading', { name: 'Peserta menurut jenis kelamin' }).waitFor();
    await b.page.getByRole('link', { name: 'JICA' }).click();
    await b.page.getByRole('heading', { name: /Badan Kerja Sama Internasional Jepang/ }).waitFor();
    await expect.poll(() => b.page.locator('.figures').innerText()).toMatch(/2\s+Program\s+2\s+Triangular\s+10\s+Negara penerima/);
    expect(b.errors).toEqual([]);
  });
});
