/**
 * The demo tells its story in the browser (issue 21): the money page estimates the in-kind value
 * of 2016–2018 from the demo's unit costs (no "no estimate" box), the coordinator's home page in
 * Indonesian shows the one overdue follow-up in Indonesian and no follow-up of 2017, and the
 * requests and a 2017 program speak Indonesian.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('the demo’s story', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });

  it('estimates the in-kind value of 2016–2018 from the demo’s unit costs, with no program left out', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/money?yearFrom=2016&yearTo=2018`);
    const inKind = page.getByRole('region', { name: /In-kind estimates/ });
    // 2016's 6 programs and 2017's 13 have no money recorded; all are estimated.
    await inKind.getByText(/^19 programs without spending; 19 estimated at USD [\d,.]+ \(IDR [\d,.]+\)/).waitFor();
    expect(await inKind.getByText(/has no estimate|have no estimate/).count()).toBe(0);
    expect(await inKind.locator('.problem').count()).toBe(0);
    // A 2017 program's row carries its estimate, not a missing unit cost.
    const row = inKind.getByRole('row').filter({ hasText: 'ID-KEMENKEU-2017-01' });
    await row.getByText('USD 21,859.63').waitFor();
    // 2018 alone: every program has its expenditure recorded, which the page says (no error either).
    await page.goto(`${b.h.url}/money?yearFrom=2018&yearTo=2018`);
    await page
      .getByRole('region', { name: /In-kind estimates/ })
      .getByText('Every program of these filters has spending recorded.')
      .waitFor();
    const unitCosts = page.getByRole('region', { name: 'Unit costs' });
    await unitCosts.getByRole('row').filter({ hasText: 'Africa' }).first().waitFor();
    expect(b.errors).toEqual([]);
  });

  it('shows the coordinator, in Indonesian, one overdue follow-up in Indonesian and none of 2017', async () => {
    const { page } = b;
    await login(page, b.h, 'coordinator@e2e.test');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.goto(`${b.h.url}/`);
    const panel = page.getByRole('region', { name: 'Kemitraan: perlu perhatian' });
    await panel.getByText('1 tindak lanjut terlambat').waitFor();
    await panel.getByText('Usulkan tanggal pertukaran tenaga ahli pencegahan demam berdarah dengan AMEXCID (ilustratif)').waitFor();
    expect(await panel.getByText(/Propose dates|Send Indonesia/).count()).toBe(0);
    // The overdue dates: none in 2017 (the 2017 follow-ups were done in 2017).
    const due = await panel.locator('.badge.bad').allInnerTexts();
    expect(due).toHaveLength(1);
    expect(due.some((d) => d.includes('2017'))).toBe(false);
  });

  it('speaks Indonesian on the requests, the follow-ups and a 2017 program', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/requests`);
    await page.getByText('Pelatihan manajemen risiko bencana berbasis masyarakat bagi pejabat divisi dan distrik').waitFor();
    await page.getByText('Beasiswa program magister teknik kelautan').waitFor();
    expect(await page.getByText('Scholarships for master’s studies in marine engineering').count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'Beasiswa program magister teknik kelautan' }).getByRole('link').first().click();
    await page
      .getByText('Ilustratif: beasiswa berada di luar program unggulan tahun ini; dirujuk ke skema beasiswa Kementerian Pendidikan.')
      .waitFor();
    await page.goto(`${b.h.url}/follow-ups`);
    await page.getByText('Kirim tanggapan Indonesia atas rancangan perjanjian kerja sama teknik kepada ABC (ilustratif)').waitFor();
    await page.getByText('Kunjungan ke Brasil: perjanjian kerja sama teknik dan program bersama').first().waitFor();
    await page.goto(`${b.h.url}/engagements`);
    await page.getByRole('link', { name: 'Kunjungan ke badan kerja sama Meksiko AMEXCID' }).click();
    await page.getByRole('heading', { name: 'Kunjungan ke badan kerja sama Meksiko AMEXCID', level: 1 }).waitFor();
    await page.getByText('Menjajaki kerja sama bilateral dan triangular antara Indonesia dan Meksiko.').waitFor();
    await page.getByText('Kerja sama pencegahan demam berdarah dengue').waitFor();
    expect(await page.getByText('Cooperation on dengue prevention').count()).toBe(0);
    const id = (await b.h.app.deps.store.repos.programs.findByIdentifier('ID-KEMENKEU-2017-01'))?.id;
    await page.goto(`${b.h.url}/programs/${id}`);
    await page.getByRole('heading', { name: 'Berbagi pengetahuan tentang pengelolaan keuangan negara untuk Timor-Leste' }).waitFor();
    await page
      .getByText(/^Program ilustratif tahun 2017/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByText(/^Illustrative program of 2017/)
      .first()
      .waitFor();
    expect(b.errors).toEqual([]);
  });
});
