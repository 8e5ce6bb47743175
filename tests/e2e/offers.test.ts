/**
 * Course offers in the browser: the coordination team opens an approved program for nominations
 * from its page (the demo's past programs are evaluated: too late for nominations, issue 21), the embassy in Suva nominates a Fijian candidate with a PDF through the offer's form
 * (a missing consent is shown next to the checkbox first), the team selects within the quotas on
 * the review page, and the embassy sees the candidate selected on "My nominations".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { programInputSchema } from '../../src/domain/program/program.schema.js';
import { createProgram } from '../../src/services/programs.js';
import { addAccount, canRun, login, openPage, useBrowser } from './browser.js';

const PROGRAM_TITLE = 'International seminar on disaster risk management for countries of the Pacific, 2031';
/** The smallest file the server takes as a PDF (it checks the first bytes, not the name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.skipIf(!canRun)('course offers and nominations', () => {
  const state = { programId: 0, offerId: 0, embassy: undefined as Page | undefined };
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    await addAccount(h, 'embassy');
    // A new round of the demo's 2018 seminar, approved in the annual plan: nominations open now.
    const program = await createProgram(
      h.app.deps,
      programInputSchema.parse({
        identifier: 'ID-KEMLU-2031-E2E-DRM',
        titleEn: PROGRAM_TITLE,
        modality: 'seminar',
        implementingOrg: 'ID-KEMLU',
        lifecycleStage: 'approved',
        plannedStart: '2031-03-03',
        plannedEnd: '2031-03-12',
        venueCity: 'Banda Aceh',
        venueCountry: 'ID',
        recipients: ['FJ', 'SB', 'VU', 'TO', 'WS'].map((country) => ({ country })),
      }),
    );
    state.programId = program.id;
  });

  it('lets the coordination team open an approved program for nominations from the program page', async () => {
    const found = (await (
      await fetch(`${b.h.url}/api/v1/activities?q=${encodeURIComponent('disaster risk management for countries of the Pacific')}`)
    ).json()) as { items: { id: number; titleEn: string }[] };
    expect(found.items.find((a) => a.titleEn === PROGRAM_TITLE)?.id).toBe(state.programId);

    await login(b.page, b.h, 'coordinator@e2e.test');
    await b.page.goto(`${b.h.url}/programs/${state.programId}`);
    await b.page.getByRole('link', { name: 'Open for nominations' }).click();
    await b.page.getByRole('heading', { name: 'Open for nominations', level: 1 }).waitFor();
    await b.page.getByLabel('Summary (English)').fill('Ten days on disaster risk management in Banda Aceh.');
    await b.page.getByLabel('Summary (Indonesian)').fill('Sepuluh hari tentang manajemen risiko bencana di Banda Aceh.');
    await b.page.getByLabel('Deadline').fill('2030-12-01T23:59');
    await b.page.getByLabel('Places per country').fill('2');
    await b.page.getByLabel('Places for Fiji').fill('3');
    await b.page.getByRole('button', { name: 'Open for nominations' }).click();
    await b.page.waitForURL(/\/offers\/\d+$/);
    state.offerId = Number(new URL(b.page.url()).pathname.split('/').pop());
    await b.page.getByRole('heading', { name: PROGRAM_TITLE, level: 1 }).waitFor();
    await b.page.getByText('Taking nominations', { exact: true }).waitFor();
    const places = b.page.getByRole('table', { name: 'Places per eligible country' });
    expect(await places.getByRole('row').filter({ hasText: 'Fiji' }).getByRole('cell').allInnerTexts()).toEqual(['Fiji', '3']);
    expect(await places.getByRole('row').filter({ hasText: 'Vanuatu' }).getByRole('cell').allInnerTexts()).toEqual(['Vanuatu', '2']);
    // Those who manage the offer review its nominations from here.
    await b.page.getByRole('link', { name: 'Review nominations' }).waitFor();
  });

  it('lists the offer in the public catalogue, with its deadline', async () => {
    const { context, page } = await openPage(b.h, b.errors);
    await page.goto(`${b.h.url}/offers`);
    await page.getByRole('heading', { name: 'Course offers', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: PROGRAM_TITLE });
    await row.waitFor();
    await row.getByText(/1 December 2030/).waitFor();
    await page.getByRole('link', { name: PROGRAM_TITLE }).click();
    await page.getByText('Embassies and focal points sign in to nominate candidates.').waitFor();
    expect(await page.getByRole('button', { name: 'Send the nomination' }).count()).toBe(0);
    await context.close();
  });

  it('lets the embassy in Suva nominate a Fijian candidate with a CV, showing a missing consent next to the field', async () => {
    const { page } = await openPage(b.h, b.errors);
    state.embassy = page;
    await login(page, b.h, 'embassy@e2e.test');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Course offers' }).click();
    await page.getByRole('link', { name: PROGRAM_TITLE }).click();
    const form = page.getByRole('form', { name: 'Nominate a candidate' });
    await form.getByLabel('Full name').fill('Mere Tuilagi');
    await form.getByLabel('Sex').selectOption('F');
    await form.getByLabel('Country').selectOption('FJ');
    await form.getByLabel('Organisation').fill('National Disaster Management Office');
    await form.getByLabel('Position').fill('Divisional officer');
    await form.getByLabel('Email').fill('mere.tuilagi@example.org');
    await form.getByLabel('Telephone').fill('+679 330 0000');
    await form.getByLabel('CV').setInputFiles({ name: 'cv-mere.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: 'Send the nomination' }).click();
    await form.getByText('The candidate must consent to the processing of their data.').waitFor();

    await form.getByLabel('The candidate has given this consent.').check();
    await form.getByRole('button', { name: 'Send the nomination' }).click();
    const done = page.getByRole('region', { name: 'Nomination of Mere Tuilagi received' });
    await done.waitFor();
    await done.getByText('Nominated', { exact: true }).first().waitFor();
    await done.getByRole('link', { name: 'CV: cv-mere.pdf' }).waitFor();
  });

  it('lets the coordination team select within the quotas on the review page', async () => {
    await b.page.goto(`${b.h.url}/offers/${state.offerId}/nominations`);
    await b.page.getByRole('heading', { name: 'Nominations', level: 1 }).waitFor();
    const row = b.page.getByRole('row').filter({ hasText: 'Mere Tuilagi' });
    await row.getByText('Nominated', { exact: true }).waitFor();
    b.page.once('dialog', (d) => void d.accept());
    await b.page.getByRole('button', { name: 'Select within quotas' }).click();
    await b.page.getByText('Selected: 1. Reserves: 0. Not selected: 0.').waitFor();
    await row.getByText('Selected', { exact: true }).waitFor();
    const fiji = b.page.getByRole('table', { name: 'Nominations and places by country' }).getByRole('row').filter({ hasText: 'Fiji' });
    // Nominations, awaiting review, places taken, reserves, places.
    expect(await fiji.getByRole('cell').allInnerTexts()).toEqual(['Fiji', '1', '0', '1', '0', '3']);
  });

  it('shows the embassy its nominee selected, with the status history, on My nominations', async () => {
    const page = state.embassy;
    if (!page) throw new Error('the embassy page was not opened');
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'My nominations' }).click();
    await page.getByRole('heading', { name: 'My nominations', level: 1 }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Mere Tuilagi' });
    await card.getByText('Selected', { exact: true }).first().waitFor();
    await card.getByText('Status history').click();
    await card.getByText(/Nominated → Selected/).waitFor();
    await card.getByRole('button', { name: 'Confirm the place of Mere Tuilagi' }).waitFor();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Nominasi saya', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Penawaran pelatihan' }).waitFor();
    await card.getByText('Terpilih', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.context().close();
    expect(b.errors).toEqual([]);
  });
});
