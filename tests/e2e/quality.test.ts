/**
 * Data quality: a coordinator opens the scorecard from the menu, picks a year, opens an agency's
 * programs with what to fix and follows one to its page; switches a rule off and on; reads the
 * page in Indonesian. An agency's officer sees its own agency only and no switches.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

describe.skipIf(!canRun)('data quality', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    await addAccount(h, 'agency');
  });

  it('goes from the scorecard per agency to the programs to fix, and switches a rule', async () => {
    const { page, h } = b;
    await login(page, h, 'coordinator@e2e.test');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Data quality' }).click();
    await page.waitForURL(/\/quality$/);
    await page.getByRole('heading', { name: 'Data quality', level: 1 }).waitFor();
    await page.getByRole('main').getByRole('combobox', { name: /^Year/ }).selectOption('2017');
    await page.waitForURL(/\/quality\?year=2017$/);
    const scorecard = page.getByRole('region', { name: 'Scorecard per implementing agency' });
    await scorecard.getByRole('rowheader', { name: /Ministry of Foreign Affairs/ }).waitFor();
    await expect.poll(() => scorecard.getByRole('row').count()).toBe(1 + 9 + 1);

    await scorecard.getByRole('button', { name: 'Ministry of Foreign Affairs' }).click();
    const programs = page.getByRole('region', { name: /What to fix: Ministry of Foreign Affairs/ });
    await programs.getByText('Record the sectors.').first().waitFor();
    await expect.poll(() => programs.getByRole('link').count()).toBe(3);

    const rules = page.getByRole('region', { name: 'Rules' });
    const sectors = rules.getByRole('switch', { name: 'Rule “Sectors recorded” switched on' });
    // The switch shows the stored state: it turns once the server has saved the change.
    await sectors.click();
    await expect.poll(() => sectors.isChecked()).toBe(false);
    await expect.poll(() => programs.getByText('Record the sectors.').count()).toBe(0);
    await sectors.click();
    await expect.poll(() => sectors.isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Kartu skor per K/L pelaksana' }).waitFor();
    await page.locator('#quality-programs').getByText('Lengkapi sektor.').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();

    await programs.getByRole('link').first().click();
    await page.waitForURL(/\/programs\/\d+/);
    expect(b.errors).toEqual([]);
  });

  it("shows an agency's officer its own agency, with the rules read-only", async () => {
    const { page, h } = b;
    await login(page, h, 'agency@e2e.test');
    await page.goto(`${h.url}/quality?year=2017`);
    const scorecard = page.getByRole('region', { name: 'Scorecard per implementing agency' });
    await scorecard.getByRole('rowheader').first().waitFor();
    await expect.poll(() => scorecard.getByRole('rowheader').count()).toBe(2); // its agency and the total
    const first = page.getByRole('region', { name: 'Rules' }).getByRole('switch').first();
    await first.waitFor();
    expect(await first.isDisabled()).toBe(true);
    expect(b.errors).toEqual([]);
  });
});
