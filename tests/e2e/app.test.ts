/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, canRun, login, openPage, startHarness, type Harness } from './browser.js';

/** Retries until the page shows what is expected (the app loads data asynchronously). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);

describe.skipIf(!canRun)('the web application in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness();
    await addAccount(h, 'coordinator');
    ({ context, page } = await openPage(h, errors, { acceptDownloads: true }));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('shows the dashboard figures and map of a year, in the browser language', async () => {
    await page.goto(`${h.url}/?year=2018`);
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('Dashboard');
    const figures = page.locator('.figure');
    await figures.first().waitFor();
    expect(await figures.allInnerTexts()).toEqual(['14\nPrograms', '53\nCountries', '384\nParticipants', '384,352.26\nSpent (USD)']);
    const map = page.getByRole('group', { name: 'World map of recipient countries, 2018' });
    await map.locator('path.country').first().waitFor();
    // world-atlas 1:110m: 177 shapes; the smaller states are dots.
    expect(await map.locator('path.country').count()).toBeGreaterThan(170);
    // Small Pacific states are dots, and clickable.
    await poll(() => map.getByRole('link', { name: /^Tuvalu:/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('switches to Indonesian and remembers it', async () => {
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('Dasbor');
    await poll(() => text(page.locator('.figure').nth(2))).toContain('Peserta');
    await page.reload();
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('Dasbor');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('Dashboard');
  });

  it('goes from a map country to its filtered list, with the filters in the URL', async () => {
    await page.goto(`${h.url}/?year=2018`);
    // By keyboard: every recipient on the map is a focusable link.
    await page.getByRole('link', { name: /^Papua New Guinea:/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/programs\?/);
    expect(new URL(page.url()).searchParams.get('country')).toBe('PG');
    await page.getByText('3 programs', { exact: true }).waitFor();
  });

  it('creates a program through the form, with errors next to the fields first', async () => {
    // The public sees no "New program"; a coordinator signs in and gets it.
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(`${h.url}/programs/new`);
    await page.getByLabel('Identifier').fill('E2E-2031-01');
    await page.getByLabel('Title (English)').fill('<script>alert(1)</script> Training on geothermal energy');
    await page.getByLabel('Planned start').fill('2031-05-10');
    await page.getByLabel('Planned end').fill('2031-05-01');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The end must not be before the start.').waitFor();
    await page.getByLabel('Planned end').fill('2031-05-20');
    await page.getByLabel('Modality').selectOption('training');
    const recipients = page.getByRole('combobox', { name: 'Recipient countries' });
    await recipients.fill('Papua Nug');
    await page.getByRole('option', { name: /Papua New Guinea/ }).click();
    await recipients.fill('Vanuatu');
    await recipients.press('Enter');
    await page.getByLabel('Participants (recorded total)').fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/programs\/\d+$/);
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe('<script>alert(1)</script> Training on geothermal energy');
    await poll(() => text(page.locator('.chips').first())).toContain('Papua New Guinea');
    await poll(() => text(page.locator('.chips').first())).toContain('Vanuatu');
  });

  it('rejects a participant file with a bad row, naming its line, then accepts the fixed file', async () => {
    await page.goto(`${h.url}/import?kind=participants`);
    const bad =
      'activity_identifier,full_name,sex,country,email\nE2E-2031-01,Mary Kila,F,Papua New Guinea,mary@example.org\nE2E-2031-01,Joe Natu,M,Fiji,joe@example.org\n';
    await page.getByLabel('CSV file').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const errorsTable = page.locator('table.errors');
    await poll(() => text(errorsTable)).toContain('FJ is not a recipient country of this program');
    await poll(() => text(errorsTable.locator('tbody tr').first().locator('td').first())).toBe('3');
    await poll(() => page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    const good = bad.replace('Fiji', 'Vanuatu');
    await page.getByLabel('CSV file').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await poll(() => text(page.getByRole('status'))).toContain('Imported: 2 new, 0 updated');
  });

  it('shows the new year on the dashboard, with its countries on the map', async () => {
    await page.goto(`${h.url}/?year=2031`);
    await poll(() => text(page.locator('.figure').first())).toContain('1');
    expect(await page.locator('.figure').allInnerTexts()).toEqual(['1\nPrograms', '2\nCountries', '2\nParticipants', '0.00\nSpent (USD)']);
    const map = page.getByRole('group', { name: 'World map of recipient countries, 2031' });
    await poll(() => map.getByRole('link', { name: /^Papua New Guinea: 1 programs, 1 participants/ }).count()).toBe(1);
    await poll(() => map.getByRole('link', { name: /^Fiji:/ }).count()).toBe(0);
  });

  it('downloads the annual report as XLSX with real numbers, and as PDF', async () => {
    await page.goto(`${h.url}/reports/annual/2018`);
    await page.getByText('In 2018: 14 programs for 53 countries, 384 participants.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download XLSX' }).click()]);
    const path = await download.path();
    const book = new ExcelJS.Workbook();
    // exceljs types predate Node's generic Buffer
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const regions = book.getWorksheet('Regions');
    expect(regions?.getRow(2).values).toEqual([undefined, 'Asia', 8, 17, 191]);
    expect(typeof regions?.getCell('D2').value).toBe('number');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('mitra-annual-report-2018-en.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('is usable at 360 px wide without horizontal scrolling of the page', async () => {
    const small = await context.newPage();
    await small.setViewportSize({ width: 360, height: 740 });
    await small.goto(`${h.url}/programs?year=2018`);
    await small.locator('table.data').waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await small.close();
  });
});

describe.skipIf(!canRun)('the web application on an empty registry', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ demo: false });
    await addAccount(h, 'admin');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows helpful empty states, not errors, and wraps very long titles', async () => {
    const context = await h.browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${h.url}/`);
    await poll(() => text(page.locator('.empty'))).toContain('The registry is empty');
    await page.goto(`${h.url}/programs`);
    await poll(() => text(page.locator('.empty'))).toContain('No program matches these filters.');
    await page.goto(`${h.url}/reports/annual/2018`);
    await poll(() => text(page.locator('.empty'))).toContain('No programs are recorded for 2018.');
    const long = 'W'.repeat(480);
    const csrf = await login(page, h, 'admin@e2e.test');
    const created = await page.request.post(`${h.url}/api/v1/activities`, {
      data: { identifier: 'LONG-1', titleEn: long, plannedStart: '2019-01-01' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await page.goto(`${h.url}/programs/${id}`);
    await poll(() => text(page.getByRole('heading', { level: 1 }))).toBe(long);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const missing = await page.goto(`${h.url}/programs/99999`);
    expect(missing?.status()).toBe(200);
    await poll(() => text(page.getByRole('alert'))).toContain('This program does not exist (any more).');
    expect(errors).toEqual([]);
    await context.close();
  });
});
