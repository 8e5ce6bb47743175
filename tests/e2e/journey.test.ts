/**
 * The whole participant journey in the browser, on a clock the test moves forward: the agency
 * opens its training for nominations, the embassy in Suva nominates two Fijian candidates (one
 * with a CV), the agency selects within the single Fijian place (one selected, one reserve), the
 * embassy confirms the place; after the course the agency records attendance (4 of 5 days, exactly
 * the 80 % rule), closes it, issues the certificate and downloads its PDF; anyone verifies it on
 * the public page; six months later the coordination team sends the due surveys, the alumnus
 * answers through the mailed link, and the report and the survey results count the one participant.
 *
 * Runs on an empty database (no demo data), so that the report's figures for 2027 are this
 * program's alone and can be computed by hand. Sessions follow the clock too (they end after
 * 12 hours, or 2 idle hours), so each step after a jump signs in again in a fresh context.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { programInputSchema } from '../../src/domain/program/program.schema.js';
import { createProgram } from '../../src/services/programs.js';
import { transitionProgram } from '../../src/services/lifecycle.js';
import { addAccount, canRun, login, openPage, startHarness, type Harness } from './browser.js';

const TITLE_EN = 'International training on hospital disaster preparedness for Pacific health workers (journey)';
const TITLE_ID = 'Pelatihan internasional kesiapsiagaan bencana rumah sakit bagi tenaga kesehatan Pasifik (perjalanan)';
const SELECTED = { name: 'Salote Naivalu', email: 'salote.naivalu@example.org' };
const RESERVE = { name: 'Ratu Emosi Koroi', email: 'emosi.koroi@example.org' };
/** The smallest file the server takes as a PDF (it checks the first bytes, not the name). */
const CV = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const STEP = 90_000;
const WAIT = 30_000;

describe.skipIf(!canRun)('the participant journey, from the offer to the report', () => {
  /** The server's clock: moved forward between the steps. */
  let now = '2026-12-01T02:00:00.000Z';
  const clock = { nowIso: () => now };
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const state = { programId: 0, offerId: 0, selectedId: 0, reserveId: 0, certificateNumber: '', surveyPath: '' };
  let h: Harness;
  let dir: string;

  /** A new browser context (no cookies) signed in as `email`, or signed out when null. */
  async function as(email: string | null): Promise<Page> {
    const { context, page } = await openPage(h, errors);
    contexts.push(context);
    page.setDefaultTimeout(WAIT); // the machine may be loaded: waits are explicit, but generous
    if (email) await login(page, h, email);
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mitra-journey-'));
    h = await startHarness({ demo: false, clock });
    await addAccount(h, 'coordinator');
    await addAccount(h, 'agency'); // the Ministry of Health, ID-KEMENKES
    await addAccount(h, 'embassy'); // the embassy in Suva, ID-KBRI-SUVA
    const program = await createProgram(
      h.app.deps,
      programInputSchema.parse({
        identifier: 'ID-KEMENKES-2027-E2E-01',
        titleEn: TITLE_EN,
        titleId: TITLE_ID,
        modality: 'training',
        flagshipArea: 'DEV-DRM',
        cooperationType: 'bilateral',
        implementingOrg: 'ID-KEMENKES',
        lifecycleStage: 'approved',
        plannedStart: '2027-01-11',
        plannedEnd: '2027-01-15',
        venueCity: 'Jakarta',
        venueCountry: 'ID',
        recipients: [{ country: 'FJ' }, { country: 'PG' }],
        participantsPlanned: 20,
      }),
    );
    state.programId = program.id;
  }, STEP);

  // Each step builds on the one before: after a failure the later ones are skipped, not failed too.
  let broken = false;
  beforeEach(({ skip, onTestFailed }) => {
    if (broken) skip('an earlier step of the journey failed');
    onTestFailed(() => {
      broken = true;
    });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'lets the agency open its training for nominations: one place for Fiji, 80 % to complete',
    async () => {
      const page = await as('agency@e2e.test');
      await page.goto(`${h.url}/programs/${state.programId}`);
      await page.getByRole('heading', { name: TITLE_EN, level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Open for nominations' }).click();
      await page.getByRole('heading', { name: 'Open for nominations', level: 1 }).waitFor();
      await page.getByLabel('Summary (English)').fill('Five days in Jakarta on keeping hospitals working through disasters.');
      await page.getByLabel('Summary (Indonesian)').fill('Lima hari di Jakarta tentang menjaga rumah sakit tetap berfungsi saat bencana.');
      await page.getByLabel('Deadline').fill('2026-12-20T23:59');
      await page.getByLabel('Completion (% of course days present)').fill('80');
      await page.getByLabel('Places for Fiji').fill('1');
      await page.getByRole('button', { name: 'Open for nominations' }).click();
      await page.waitForURL(/\/offers\/\d+$/);
      state.offerId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { name: TITLE_EN, level: 1 }).waitFor();
      await page.getByText('Taking nominations', { exact: true }).waitFor();
      const places = page.getByRole('table', { name: 'Places per eligible country' });
      expect(await places.getByRole('row').filter({ hasText: 'Fiji' }).getByRole('cell').allInnerTexts()).toEqual(['Fiji', '1']);
      const offer = await h.app.deps.store.repos.offers.findById(state.offerId);
      expect(offer).toMatchObject({ status: 'open', deadlineAt: '2026-12-20T23:59:00.000Z', completionPercent: 80 });
    },
    STEP,
  );

  it(
    'lets the embassy in Suva nominate two Fijian candidates through the offer page, one with a CV',
    async () => {
      now = '2026-12-05T03:00:00.000Z';
      const page = await as('embassy@e2e.test');
      await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Course offers' }).click();
      await page.getByRole('link', { name: TITLE_EN }).click();
      const form = page.getByRole('form', { name: 'Nominate a candidate' });
      const nominate = async (c: { name: string; email: string }, position: string, cv: boolean) => {
        await form.getByLabel('Full name').fill(c.name);
        await form.getByLabel('Sex').selectOption(c === SELECTED ? 'F' : 'M');
        await form.getByLabel('Country').selectOption('FJ');
        await form.getByLabel('Organisation').fill('Colonial War Memorial Hospital, Suva');
        await form.getByLabel('Position').fill(position);
        await form.getByLabel('Email').fill(c.email);
        if (cv) await form.getByLabel('CV').setInputFiles({ name: 'cv-salote.pdf', mimeType: 'application/pdf', buffer: CV });
        await form.getByLabel('The candidate has given this consent.').check();
        await form.getByRole('button', { name: 'Send the nomination' }).click();
        const done = page.getByRole('region', { name: `Nomination of ${c.name} received` });
        await done.waitFor();
        await done.getByText('Nominated', { exact: true }).first().waitFor();
        return done;
      };
      const first = await nominate(SELECTED, 'Emergency department nurse manager', true);
      await first.getByRole('link', { name: 'CV: cv-salote.pdf' }).waitFor();
      await first.getByRole('button', { name: 'Nominate another candidate' }).click();
      // A minute later: the order of nomination decides who gets the place.
      now = '2026-12-05T03:01:00.000Z';
      const second = await nominate(RESERVE, 'Hospital disaster coordinator', false);
      await second.getByText('No documents', { exact: false }).waitFor();
    },
    STEP,
  );

  it(
    'lets the agency select within the quota on the review page: one selected, one reserve',
    async () => {
      now = '2026-12-21T01:00:00.000Z'; // after the deadline
      const page = await as('agency@e2e.test');
      await page.goto(`${h.url}/offers/${state.offerId}`);
      await page.getByRole('link', { name: 'Review nominations' }).click();
      await page.getByRole('heading', { name: 'Nominations', level: 1 }).waitFor();
      const row = (name: string) => page.getByRole('row').filter({ hasText: name });
      await row(SELECTED.name).getByText('Nominated', { exact: true }).waitFor();
      await row(RESERVE.name).getByText('Nominated', { exact: true }).waitFor();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Select within quotas' }).click();
      await page.getByText('Selected: 1. Reserves: 1. Not selected: 0.').waitFor();
      await row(SELECTED.name).getByText('Selected', { exact: true }).waitFor();
      await row(RESERVE.name).getByText('Reserve', { exact: true }).waitFor();
      const fiji = page.getByRole('table', { name: 'Nominations and places by country' }).getByRole('row').filter({ hasText: 'Fiji' });
      // Nominations, awaiting review, places taken, reserves, places.
      await expect.poll(() => fiji.getByRole('cell').allInnerTexts(), { timeout: WAIT }).toEqual(['Fiji', '2', '0', '1', '1', '1']);

      const people = await h.app.deps.store.repos.participants.listByProgram(state.programId);
      state.selectedId = people.find((p) => p.fullName === SELECTED.name)?.id ?? 0;
      state.reserveId = people.find((p) => p.fullName === RESERVE.name)?.id ?? 0;
      expect(people.map((p) => [p.fullName, p.status]).sort()).toEqual([
        [RESERVE.name, 'reserve'],
        [SELECTED.name, 'selected'],
      ]);
    },
    STEP,
  );

  it(
    'lets the embassy confirm the selected candidate on My nominations, with the status history',
    async () => {
      now = '2026-12-22T04:00:00.000Z';
      const page = await as('embassy@e2e.test');
      await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'My nominations' }).click();
      await page.getByRole('heading', { name: 'My nominations', level: 1 }).waitFor();
      const card = page.getByRole('listitem').filter({ hasText: SELECTED.name });
      await card.getByText('Selected', { exact: true }).first().waitFor();
      await page.getByRole('listitem').filter({ hasText: RESERVE.name }).getByText('Reserve', { exact: true }).first().waitFor();
      await card.getByRole('button', { name: `Confirm the place of ${SELECTED.name}` }).click();
      await card.getByText('Done: the status is now Confirmed.').waitFor();
      await card.getByText('Status history').click();
      await card.getByText(/Nominated → Selected/).waitFor();
      await card.getByText(/Selected → Confirmed/).waitFor();
      // A reserve has nothing to confirm.
      expect(await page.getByRole('button', { name: `Confirm the place of ${RESERVE.name}` }).count()).toBe(0);
    },
    STEP,
  );

  it(
    'after the course, lets the agency record attendance, close it, issue the certificate and download its PDF',
    async () => {
      // The course runs from 11 to 15 January: the program is funded, started on its first day and
      // completed on its last (issue 21: attendance waits for the implementation, surveys for the completion).
      now = '2027-01-11T01:00:00.000Z';
      for (const action of ['fund', 'start'] as const) await transitionProgram(h.app.deps, state.programId, { action });
      now = '2027-01-15T09:00:00.000Z';
      await transitionProgram(h.app.deps, state.programId, { action: 'complete' });
      now = '2027-01-16T02:00:00.000Z'; // the day after the last course day
      const page = await as('agency@e2e.test');
      await page.goto(`${h.url}/programs/${state.programId}`);
      await page.getByRole('link', { name: 'Attendance and certificates' }).click();
      await page.getByRole('heading', { name: `Attendance: ${TITLE_EN}`, level: 1 }).waitFor();
      await page.getByText('present on at least 80% of its 5 course days, that is 4 days or more').waitFor();
      // The reserve holds no place: only the confirmed participant is on the sheet.
      const sheet = page.getByRole('table').filter({ hasText: 'Days present' });
      await expect.poll(() => sheet.locator('tbody tr').count(), { timeout: WAIT }).toBe(1);
      const row = sheet.getByRole('row').filter({ hasText: SELECTED.name });
      await row.getByText('Confirmed', { exact: true }).waitFor();
      for (const day of ['11 Jan 2027', '12 Jan 2027', '13 Jan 2027', '14 Jan 2027']) {
        await page.getByRole('button', { name: `Mark everyone present on ${day}` }).click();
      }
      // Absent on the last day: ticked then unticked, the day is saved as absent.
      const lastDay = page.getByRole('checkbox', { name: `${SELECTED.name} present on 15 Jan 2027` });
      await lastDay.check();
      await lastDay.uncheck();
      await page.getByRole('button', { name: 'Save attendance' }).click();
      await row.getByText('meets the rule', { exact: true }).waitFor();
      const present = await h.app.database.db
        .selectFrom('attendance')
        .select(['day', 'present'])
        .where('participant_id', '=', state.selectedId)
        .orderBy('day')
        .execute();
      expect(present.map((m) => [m.day, Boolean(m.present)])).toEqual([
        ['2027-01-11', true],
        ['2027-01-12', true],
        ['2027-01-13', true],
        ['2027-01-14', true],
        ['2027-01-15', false],
      ]);

      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Close the attendance' }).click();
      await page.getByText('Attendance closed: 1 now attended, 1 now completed, 0 attended on too few days, 0 never present.').waitFor();
      await row.getByText('Completed', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Issue certificates' }).click();
      await page.getByText('1 certificate issued (0 already had one).').waitFor();
      const link = row.getByRole('link', { name: /^MITRA-2027-/ });
      await link.waitFor();
      state.certificateNumber = (await link.innerText()).trim();
      expect(state.certificateNumber).toMatch(new RegExp(`^MITRA-2027-${state.programId}-${state.selectedId}-\\d{2}$`));

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = join(dir, 'certificate.pdf');
      await download.saveAs(file);
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (PDFTOTEXT) {
        const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-layout', file, '-']);
        const text = stdout.replace(/\s+/g, ' ');
        expect(text).toContain(SELECTED.name);
        expect(text).toContain(state.certificateNumber);
      } else {
        console.warn('pdftotext not found: the certificate PDF text is not checked');
      }
    },
    STEP,
  );

  it(
    'shows the certificate as valid on the public verification page, without the email',
    async () => {
      const cert = await h.app.database.db
        .selectFrom('certificates')
        .select(['verify_token', 'number'])
        .where('participant_id', '=', state.selectedId)
        .executeTakeFirstOrThrow();
      expect(cert.number).toBe(state.certificateNumber);
      const page = await as(null);
      await page.goto(`${h.url}/verify/${cert.verify_token}`);
      await page.getByRole('heading', { name: 'Certificate verification', level: 1 }).waitFor();
      await page.getByText('Valid', { exact: true }).waitFor();
      await page.getByText('This certificate was issued by Mitra and is valid.').waitFor();
      const facts = page.locator('article.verify');
      await facts.getByText(SELECTED.name, { exact: true }).waitFor();
      // The program in both languages.
      const program = facts.locator('dd').filter({ hasText: TITLE_EN });
      expect((await program.innerText()).split('\n').map((l) => l.trim())).toEqual([TITLE_EN, TITLE_ID]);
      await facts.getByText('11 Jan 2027 – 15 Jan 2027').waitFor();
      await facts.getByText(state.certificateNumber, { exact: true }).waitFor();
      const text = await facts.innerText();
      expect(text).not.toContain(SELECTED.email);
      expect(text).not.toContain('Colonial War Memorial Hospital');
      // An unknown token is told apart from a valid one.
      await page.goto(`${h.url}/verify/${'A'.repeat(43)}`);
      await page.getByText('No certificate has this verification code.', { exact: false }).waitFor();
    },
    STEP,
  );

  it(
    'six months later, invites the alumnus to the follow-up survey, which is answered once through the mailed link',
    async () => {
      now = '2027-07-16T02:00:00.000Z'; // six calendar months after the end (2027-01-15 → due 2027-07-15)
      const page = await as('coordinator@e2e.test');
      await page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Surveys' }).click();
      await page.getByRole('heading', { name: 'Follow-up surveys', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Send due surveys' }).click();
      // The 12-month survey is not due yet.
      await page.getByText('followup_6m: 1 invited. followup_12m: 0 invited.').waitFor();

      const mails = await h.app.deps.store.repos.mailOutbox.list({ to: SELECTED.email });
      const invitation = mails.find((m) => m.kind === 'survey');
      expect(invitation?.subject).toBe(`[Mitra] Follow-up after 6 months: ${TITLE_EN} / Tindak lanjut setelah 6 bulan`);
      const link = /https?:\/\/\S+\/survey\/[A-Za-z0-9_-]+/.exec(invitation?.text ?? '')?.[0];
      expect(link).toBeDefined();
      state.surveyPath = new URL(link ?? '').pathname;
      // The reserve never took part: no invitation.
      expect((await h.app.deps.store.repos.mailOutbox.list({ to: RESERVE.email })).filter((m) => m.kind === 'survey')).toEqual([]);

      const alumnus = await as(null);
      await alumnus.goto(`${h.url}${state.surveyPath}`);
      await alumnus.getByRole('heading', { name: 'Follow-up survey / Survei tindak lanjut', level: 1 }).waitFor();
      await alumnus.getByText(TITLE_EN, { exact: true }).waitFor();
      const question = (label: string) => alumnus.getByRole('group', { name: new RegExp(`^${label.replace(/[?()]/g, '\\$&')}`) });
      await question('Have you applied the knowledge from the program in your work?').getByLabel('Yes / Ya').check();
      await question('Has your position changed since the program?').getByLabel('No / Tidak').check();
      await question('Are you still in contact with the Indonesian counterparts or other participants?').getByLabel('Yes / Ya').check();
      await question('How useful was the program for your work?').getByLabel('5', { exact: true }).check();
      await alumnus
        .getByRole('textbox', { name: 'Any other comment (optional)' })
        .fill('We now run our own evacuation drills every quarter.');
      await alumnus.getByRole('button', { name: 'Send my answers / Kirim jawaban' }).click();
      await alumnus.getByText('Thank you: your answers are recorded.', { exact: false }).waitFor();
      expect(await alumnus.locator('body').innerText()).not.toContain(SELECTED.name);

      // A second visit of the link says it was answered, and offers no form.
      const again = await as(null);
      await again.goto(`${h.url}${state.surveyPath}`);
      await again.getByText('Thank you: your answers are recorded.', { exact: false }).waitFor();
      expect(await again.getByRole('button', { name: 'Send my answers / Kirim jawaban' }).count()).toBe(0);
    },
    STEP,
  );

  it(
    'counts the one participant in the report for 2027 and in the program’s survey results',
    async () => {
      const page = await as('coordinator@e2e.test');
      await page.goto(`${h.url}/reports/annual/2027`);
      await page.getByRole('heading', { name: /2027/, level: 1 }).waitFor();
      // One program for Fiji and Papua New Guinea; its participants come from the records: the
      // completed participant only (the reserve is a candidate, the 20 planned are not counted).
      await page.getByText('In 2027: 1 programs for 2 countries, 1 participants.').waitFor();
      await page.getByText('1 participants from records, 0 from recorded totals.').waitFor();
      const recipients = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: 'Recipient countries', level: 2 }) })
        .getByRole('table');
      // Rank, country, region, programs, participants.
      expect(await recipients.getByRole('row').filter({ hasText: 'Fiji' }).getByRole('cell').allInnerTexts()).toEqual([
        '1',
        'Fiji',
        'Oceania',
        '1',
        '1',
      ]);
      expect(await recipients.getByRole('row').filter({ hasText: 'Papua New Guinea' }).getByRole('cell').allInnerTexts()).toEqual([
        '2',
        'Papua New Guinea',
        'Oceania',
        '1',
        '0',
      ]);
      const summary = (await (await page.request.get(`${h.url}/api/v1/reports/summary?year=2027`)).json()) as {
        programs: number;
        participants: number;
        participantSources: { records: { participants: number }; totals: { participants: number } };
        topRecipients: { country: string; programs: number; participants: number }[];
      };
      expect(summary.programs).toBe(1);
      expect(summary.participants).toBe(1);
      expect(summary.participantSources.records.participants).toBe(1);
      expect(summary.topRecipients.map((r) => [r.country, r.programs, r.participants])).toEqual([
        ['FJ', 1, 1],
        ['PG', 1, 0],
      ]);

      await page.goto(`${h.url}/programs/${state.programId}`);
      await page.getByRole('link', { name: 'Survey results' }).click();
      await page.getByRole('heading', { name: 'Follow-up survey results', level: 1 }).waitFor();
      const wave = page.getByRole('table', { name: 'Survey 6 months after the program' });
      const rate = wave.getByRole('row').filter({ hasText: 'Response rate' });
      expect(await rate.getByRole('cell').allInnerTexts()).toEqual(['1 of 1', '100.00 %']);
      const applied = wave.getByRole('row').filter({ hasText: 'Applied the knowledge in their work' });
      expect(await applied.getByRole('cell').allInnerTexts()).toEqual(['1 of 1', '100.00 %']);
      const moved = wave.getByRole('row').filter({ hasText: 'Position changed since the program' });
      expect(await moved.getByRole('cell').allInnerTexts()).toEqual(['0 of 1', '0.00 %']);
      // The records behind the figures: the reserve stayed a candidate to the end.
      const people = await h.app.deps.store.repos.participants.listByProgram(state.programId);
      expect(Object.fromEntries(people.map((p) => [p.id, p.status]))).toEqual({
        [state.selectedId]: 'completed',
        [state.reserveId]: 'reserve',
      });
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
