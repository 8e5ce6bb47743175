/**
 * Partnerships in the browser (issue 9): the coordination team records a visit to a partner
 * agency where the counterpart offered a training for Timor-Leste, turns the offer into a program
 * request in one step, finds the way back from the program's page to the engagement, and sees the
 * engagement and the program (marked as coming from it) on the partner's and the country's
 * partnership timelines. A follow-up without an owner is refused at the owner field; with one (and
 * its action in Indonesian too) it is added, shown in Indonesian, listed among the follow-ups and
 * marked done.
 *
 * The partner is an organisation of the test's own (not of the demo data), so that its timeline
 * holds this test's records only.
 */
import { describe, expect, it } from 'vitest';
import { ensureOrg } from '../../src/testing/server.js';
import { addAccount, canRun, login, useBrowser } from './browser.js';

const PARTNER = { code: 'E2E-TICA', name: 'Test E2E-TICA' };
const TITLE = 'Visit to the Thai cooperation agency (e2e)';
const OFFER = 'Training on community-based tourism for Timor-Leste officials';
const ACTION = 'Send the list of candidate trainers to the partner';
const ACTION_ID = 'Kirim daftar calon pelatih kepada mitra';

describe.skipIf(!canRun)('partnerships: an engagement, its offer turned into a program, and the timelines', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    // A partner agency of another country than the beneficiary: its offer makes a triangular program.
    await ensureOrg(h.app, PARTNER.code, 'partner', 'TH');
  });
  const state = { engagementUrl: '', reference: '', programId: 0, identifier: '' };

  it('lets the coordination team record a visit with the counterpart’s offer for Timor-Leste', async () => {
    const { page } = b;
    await login(page, b.h, 'coordinator@e2e.test');
    await page.goto(`${b.h.url}/engagements`);
    await page.getByRole('heading', { name: 'Engagements', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Record an engagement' }).click();
    const form = page.getByRole('form', { name: 'Record an engagement' });
    await form.waitFor();
    await form.getByLabel('Kind').selectOption('visit');
    await form.getByLabel('Title (required)').fill(TITLE);
    await form.getByLabel('Starts on').fill('2026-03-10');
    await form.getByLabel('Ends on').fill('2026-03-12');
    await form.getByLabel('Place').fill('Bangkok');
    await form.getByRole('combobox', { name: 'Country', exact: true }).fill('Thai');
    await form.getByRole('option', { name: /Thailand/ }).click();
    await form.getByLabel('Counterpart organisation').selectOption(PARTNER.code);
    await form.getByLabel('Purpose', { exact: true }).fill('Explore triangular cooperation for Timor-Leste.');
    await form.getByLabel('Owning ministry or agency').selectOption('ID-KEMLU');

    await form.getByRole('button', { name: 'Add an offer or request' }).click();
    const item = form.getByRole('group', { name: 'Offer or request 1' });
    await item.getByLabel('Put forward by').selectOption('theirs');
    await item.getByLabel('Offer or request').selectOption('offer');
    await item.getByLabel('Description (required)').fill(OFFER);
    await item.getByRole('combobox', { name: 'Beneficiary country' }).fill('Timor');
    await item.getByRole('option', { name: /Timor-Leste/ }).click();

    await form.getByRole('button', { name: 'Record the engagement' }).click();
    await page.waitForURL(/\/engagements\/\d+$/);
    state.engagementUrl = page.url();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    state.reference = (await page.getByText(/^ENG-2026-\d{4} · Visit$/).innerText()).split(' ')[0] ?? '';
    expect(state.reference).toMatch(/^ENG-2026-\d{4}$/);
    const details = page.getByRole('region', { name: 'Engagement' });
    await details.getByRole('link', { name: PARTNER.name }).waitFor();
    await details.getByText('Bangkok, Thailand').waitFor();
    const row = page.getByRole('table', { name: 'Offers and requests' }).getByRole('row').filter({ hasText: OFFER });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 5)).toEqual(['Counterpart', 'Offer', OFFER, '—', 'Timor-Leste']);
  });

  it('turns the offer into a program request in one step, the item showing its program', async () => {
    const { page } = b;
    await page.getByRole('button', { name: `Turn into program request: ${OFFER}` }).click();
    const form = page.getByRole('form', { name: `Program request from “${OFFER}”` });
    await form.getByText('Leave empty for Timor-Leste, the offer’s or request’s beneficiary.').waitFor();
    await form.getByRole('button', { name: 'Create the program request' }).click();
    const created = page.getByRole('status').filter({ hasText: 'The program request is created:' });
    await created.waitFor();
    const link = created.getByRole('link');
    state.identifier = await link.innerText();
    expect(state.identifier).toBe(`${state.reference}-1`);
    state.programId = Number((await link.getAttribute('href'))?.split('/').pop());
    expect(state.programId).toBeGreaterThan(0);
    const row = page.getByRole('table', { name: 'Offers and requests' }).getByRole('row').filter({ hasText: OFFER });
    await row.getByRole('link', { name: state.identifier }).waitFor();
    await row.getByText('Request', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /Turn into program request/ }).count()).toBe(0);
  });

  it('links the program back to the engagement it came from', async () => {
    const { page } = b;
    await page.getByRole('table', { name: 'Offers and requests' }).getByRole('link', { name: state.identifier }).click();
    await page.waitForURL(new RegExp(`/programs/${state.programId}$`));
    await page.getByRole('heading', { name: OFFER, level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Partnership' });
    await section.getByText('Came from engagement').waitFor();
    await section.getByText(`${TITLE} (10 Mar 2026; Offer · Counterpart)`).waitFor();
    await section.getByRole('link', { name: state.reference }).click();
    await page.waitForURL(state.engagementUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  });

  it('refuses a follow-up without an owner at the owner field, then adds one with its owner', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Add a follow-up' }).click();
    const form = page.getByRole('form', { name: 'Add a follow-up' });
    await form.getByLabel('Action (required)').fill(ACTION);
    await form.getByLabel('Due on').fill('2026-04-30');
    await form.getByRole('button', { name: 'Add the follow-up' }).click();
    const owner = form.getByLabel('Owner');
    await form.getByRole('alert').filter({ hasText: 'A follow-up needs an owner who answers for it.' }).waitFor();
    expect(await owner.getAttribute('aria-invalid')).toBe('true');
    // The message is the owner field's own (it describes the field).
    const described = (await owner.getAttribute('aria-describedby')) ?? '';
    const errorId = described.split(' ').find((x) => x.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe('A follow-up needs an owner who answers for it.');

    await owner.fill('ID-BNPB');
    await form.getByLabel('Action (Indonesian)').fill(ACTION_ID);
    await form.getByRole('button', { name: 'Add the follow-up' }).click();
    await form.waitFor({ state: 'detached' });
    // The list is fetched again after the change: wait for the new row before reading it.
    const row = page.getByRole('table', { name: 'Follow-ups' }).getByRole('row').filter({ hasText: ACTION });
    await row.waitFor();
    // The owner by name, not by its code (ID-BNPB).
    await expect
      .poll(async () => (await row.getByRole('cell').allInnerTexts()).slice(0, 4))
      .toEqual([ACTION, 'National Disaster Management Authority', '30 Apr 2026', expect.stringMatching(/^Open/)]);
    // In Indonesian, the action as written in Indonesian.
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('table', { name: 'Tindak lanjut' }).getByRole('cell', { name: ACTION_ID }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await row.waitFor();
  });

  it('lists the follow-up among all follow-ups and marks it done there', async () => {
    const { page } = b;
    await page.getByRole('navigation', { name: 'Partnerships' }).getByRole('link', { name: 'Follow-ups' }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
    await page.getByLabel('Owner').fill('ID-BNPB');
    await page.getByRole('search', { name: 'Filter the follow-ups' }).getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row').filter({ hasText: ACTION });
    await row.getByRole('link', { name: state.reference }).waitFor();
    await row.getByRole('button', { name: `Mark done: ${ACTION}` }).click();
    await row.getByText('Done', { exact: true }).waitFor();
    const csv = await page.request.get(`${b.h.url}/api/v1/follow-ups/export?owner=ID-BNPB&status=done&format=csv&lang=en`);
    expect(await csv.text()).toContain(ACTION);
  });

  it('shows the engagement and the program that came of it on the partner’s timeline', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/partners/${PARTNER.code}`);
    const timeline = page.getByRole('region', { name: 'Partnership timeline' });
    await timeline.waitFor();
    const year = timeline.getByRole('region', { name: '2026' });
    const engagement = year.getByRole('listitem').filter({ hasText: state.reference }).filter({ hasText: TITLE });
    await engagement.getByRole('link', { name: state.reference }).waitFor();
    const program = year.getByRole('listitem').filter({ hasText: state.identifier });
    await program.getByRole('link', { name: state.identifier }).waitFor();
    await program.getByRole('link', { name: `from ${state.reference}` }).waitFor();
  });

  it('shows them on the beneficiary country’s timeline too', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/countries/TL`);
    const timeline = page.getByRole('region', { name: 'Partnership timeline' });
    await timeline.getByRole('link', { name: state.reference, exact: true }).waitFor();
    await timeline
      .getByRole('listitem')
      .filter({ hasText: state.identifier })
      .getByRole('link', { name: `from ${state.reference}` })
      .waitFor();
    expect(b.errors).toEqual([]);
  });
});
