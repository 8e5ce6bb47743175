/// <reference lib="dom" />
/**
 * Year-based pages without a year in their URL, on the demo data (programs in 2016–2018 and one
 * approved for 2027): the dashboard and the annual report open on 2018, the latest year with
 * programs that has begun, and analytics and priorities show 2016–2018; a year without programs
 * has an empty annual report and nothing to download.
 */
import { describe, expect, it } from 'vitest';
import { canRun, useBrowser } from './browser.js';

describe.skipIf(!canRun)('default years in the browser', () => {
  const b = useBrowser();

  it('opens the dashboard and the annual report on 2018', async () => {
    await b.page.goto(`${b.h.url}/`);
    await expect.poll(() => b.page.locator('#year-select').inputValue()).toBe('2018');
    await expect.poll(() => b.page.locator('.figure').first().innerText()).toBe('14\nPrograms');
    const menu = b.page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Annual report' });
    await expect.poll(() => menu.getAttribute('href')).toBe('/reports/annual/2018');
    await menu.click();
    await b.page.getByRole('heading', { name: 'Annual report 2018' }).waitFor();
    expect(new URL(b.page.url()).pathname).toBe('/reports/annual/2018');
    await b.page.getByRole('link', { name: 'Download PDF' }).waitFor();
    expect(b.errors).toEqual([]);
  });

  it('shows an empty annual report without downloads for a year without programs', async () => {
    await b.page.goto(`${b.h.url}/reports/annual/2025`);
    await b.page.getByText('No programs are recorded for 2025. There is no report to download.').waitFor();
    expect(await b.page.getByRole('link', { name: /^Download/ }).count()).toBe(0);
    await b.page.getByRole('link', { name: 'Open the report of 2018, the latest year with programs' }).click();
    await b.page.getByRole('heading', { name: 'Annual report 2018' }).waitFor();
    expect(b.errors).toEqual([]);
  });

  it('shows analytics and priorities over 2016–2018', async () => {
    await b.page.goto(`${b.h.url}/analytics`);
    await expect.poll(() => b.page.locator('#range-from').inputValue()).toBe('2016');
    expect(await b.page.locator('#range-to').inputValue()).toBe('2018');
    await b.page.getByRole('row', { name: /^2016/ }).first().waitFor();
    await b.page.getByRole('row', { name: /^2018/ }).first().waitFor();
    expect(await b.page.getByRole('row', { name: /^2019/ }).count()).toBe(0);
    await b.page.goto(`${b.h.url}/priorities`);
    await expect.poll(() => b.page.locator('#range-from').inputValue()).toBe('2016');
    expect(await b.page.locator('#range-to').inputValue()).toBe('2018');
    expect(b.errors).toEqual([]);
  });
});
