/**
 * Page titles (WCAG 2.4.2): each page names itself in the document title, in the active language,
 * after every navigation inside the app and after a language switch; a program's page by its
 * identifier and title.
 */
import { describe, expect, it } from 'vitest';
import { canRun, useBrowser } from './browser.js';

describe.skipIf(!canRun)('page titles', () => {
  const b = useBrowser();
  const title = () => expect.poll(() => b.page.title(), { timeout: 10_000, interval: 100 });

  it('names the programs list and a program, after navigating, in English and in Indonesian', async () => {
    const { page, h } = b;
    await page.goto(`${h.url}/?year=2018`);
    await title().toBe('Dashboard · Mitra');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Programs', exact: true }).click();
    await title().toBe('Programs · Mitra');

    const first = page.locator('table tbody a').first();
    await first.click();
    await page.waitForURL(/\/programs\/\d+$/);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const identifier = (await page.locator('.page-head p.muted').first().innerText()).split(' · ')[0];
    await title().toBe(`Program ${identifier}: ${await heading.innerText()} · Mitra`);

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await title().toMatch(new RegExp(`^Program ${identifier}: .+ · Mitra$`));
    await expect.poll(() => heading.innerText()).not.toBe('');
    await title().toBe(`Program ${identifier}: ${await heading.innerText()} · Mitra`);

    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Dasbor' }).click();
    await title().toBe('Dasbor · Mitra');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Keuangan' }).click();
    await title().toBe('Keuangan · Mitra');
    await page.getByRole('button', { name: 'English' }).click();
    await title().toBe('Money · Mitra');
    expect(b.errors).toEqual([]);
  });
});
