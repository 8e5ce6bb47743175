/// <reference lib="dom" />
/**
 * Two coordinators edit the same program at once: the second save is refused with the first
 * person's change shown, nothing is overwritten until they choose; and a program moves through
 * the assistance process by the buttons on its page.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../../src/domain/program/program.schema.js';
import { userInputSchema } from '../../src/domain/account/user.js';
import { createProgram, replaceProgram } from '../../src/services/programs.js';
import { createUser } from '../../src/services/users.js';
import { aProgram } from '../../src/testing/builders.js';
import { signOffAll } from '../../src/testing/sign-offs.js';
import { canRun, openPage, startHarness, type Harness } from './browser.js';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const text = (locator: Locator) => locator.textContent({ timeout: 500 }).catch(() => null);
const PASSWORD = 'Tiga-kata-rahasia-2026';

describe.skipIf(!canRun)('editing and moving a program in Chromium', () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ demo: false });
    for (const email of ['ayu.coordinator@example.org', 'budi.coordinator@example.org', 'citra.coordinator@example.org']) {
      await createUser(
        h.app.deps,
        userInputSchema.parse({ email, name: email.split('.')[0], role: 'coordinator', orgCode: null, password: PASSWORD }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  async function newPage(): Promise<Page> {
    const { context, page } = await openPage(h, errors);
    contexts.push(context);
    return page;
  }

  /** Signs in through the sign-in page; through the API from the page's context if that page is not there. */
  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${h.url}/login`);
    const emailField = page.getByLabel('Email', { exact: true });
    if (
      await emailField.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await emailField.fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    } else {
      const response = await page.request.post(`${h.url}/api/v1/auth/login`, { data: { email, password: PASSWORD } });
      expect(response.status()).toBe(200);
    }
  }

  const newProgram = (titleEn: string) => createProgram(h.app.deps, programInputSchema.parse(aProgram({ titleEn })));

  it('shows the other change and lets the second editor choose when both edit at once', async () => {
    const program = await newProgram('Training on seaweed farming');
    const [ayu, budi] = [await newPage(), await newPage()];
    await signIn(ayu, 'ayu.coordinator@example.org');
    await signIn(budi, 'budi.coordinator@example.org');
    for (const page of [ayu, budi]) {
      await page.goto(`${h.url}/programs/${program.id}/edit`);
      await poll(() => page.getByLabel('Title (English)').inputValue()).toBe('Training on seaweed farming');
      // The stage moves only through the process: the edit form has no stage field.
      expect(await page.getByLabel('Stage', { exact: true }).count()).toBe(0);
    }

    await ayu.getByLabel('Title (English)').fill('Training on seaweed farming and processing');
    await ayu.getByRole('button', { name: 'Save', exact: true }).click();
    await ayu.waitForURL(`${h.url}/programs/${program.id}`);
    await poll(() => text(ayu.getByRole('heading', { level: 1 }))).toBe('Training on seaweed farming and processing');

    await budi.getByLabel('Venue (city)').fill('Makassar');
    await budi.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = budi.getByRole('region', { name: 'Someone else changed this program' });
    await panel.waitFor();
    const said = await panel.innerText();
    expect(said).toContain('ayu.coordinator@example.org');
    expect(said).toContain('Training on seaweed farming and processing');
    expect(said).toContain('Training on seaweed farming');
    // Nothing was saved and Budi's input is still there.
    expect(budi.url()).toBe(`${h.url}/programs/${program.id}/edit`);
    expect(await budi.getByLabel('Venue (city)').inputValue()).toBe('Makassar');
    expect(await budi.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);

    await panel.getByRole('button', { name: 'Save my version over theirs' }).click();
    await budi.waitForURL(`${h.url}/programs/${program.id}`);
    const history = budi.getByRole('region', { name: 'Change history' });
    await history.getByText('budi.coordinator@example.org', { exact: false }).waitFor();
    const entries = history.getByRole('listitem');
    await poll(() => entries.count()).toBe(3); // registered, Ayu's change, Budi's change
    const [newest, middle] = [await entries.nth(0).innerText(), await entries.nth(1).innerText()];
    expect(newest).toContain('budi.coordinator@example.org');
    expect(newest).toContain('Makassar');
    expect(middle).toContain('ayu.coordinator@example.org');
    expect(middle).toContain('Training on seaweed farming and processing');
    expect(errors).toEqual([]);
  });

  it('loads the other version when the editor chooses to discard their own change', async () => {
    const program = await newProgram('Course on tuna fisheries management');
    const page = await newPage();
    await signIn(page, 'ayu.coordinator@example.org');
    await page.goto(`${h.url}/programs/${program.id}/edit`);
    await poll(() => page.getByLabel('Title (English)').inputValue()).toBe('Course on tuna fisheries management');
    // Someone else (here the operator, through the services) changes the title meanwhile.
    await replaceProgram(
      h.app.deps,
      program.id,
      programInputSchema.parse({ ...aProgram({ titleEn: 'Course on sustainable tuna fisheries' }), identifier: program.identifier }),
    );

    await page.getByLabel('Venue (city)').fill('Bitung');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Someone else changed this program' });
    await panel.getByText('Course on sustainable tuna fisheries').waitFor();
    await panel.getByRole('button', { name: 'Load their version (discard my changes)' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Title (English)').inputValue()).toBe('Course on sustainable tuna fisheries');
    expect(await page.getByLabel('Venue (city)').inputValue()).toBe('Banyuwangi');
    // From their version, a new change saves without a conflict.
    await page.getByLabel('Venue (city)').fill('Bitung');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(`${h.url}/programs/${program.id}`);
    await page.getByText('Bitung, Indonesia').waitFor();
    expect(errors).toEqual([]);
  });

  it('moves a request to assessment and approval by the buttons, and asks a reason to reject', async () => {
    const program = await newProgram('Workshop on disaster risk reduction');
    const page = await newPage();
    await signIn(page, 'citra.coordinator@example.org');
    await page.goto(`${h.url}/programs/${program.id}`);
    const process = page.getByRole('region', { name: 'Process' });
    const current = () => text(process.locator('[aria-current="step"] .step-name'));
    await poll(current).toBe('Request');

    await process.getByRole('button', { name: 'Submit for assessment' }).click();
    await process.getByRole('status').getByText('Done: the program is now at the stage “Assessment”.').waitFor();
    await poll(current).toBe('Assessment');

    await process.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject: give a reason' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByRole('alert').getByText('Give a reason: it is recorded with this step.').waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(current).toBe('Assessment');

    // The four ministries agree (their own flow: src/server/sign-offs.int.test.ts), so approval may go.
    await signOffAll(h.app.deps, program.id, 'assessment');
    await process.getByRole('button', { name: 'Approve (annual plan)' }).click();
    // Approval cannot be undone: it is asked for first (issue 21).
    const approve = page.getByRole('dialog', { name: 'Approve (annual plan)?' });
    await approve.getByText('Approve this program into the annual plan? This cannot be undone.').waitFor();
    await approve.getByRole('button', { name: 'Approve (annual plan)' }).click();
    await poll(current).toBe('Approved');
    const steps = process.getByRole('list').last().getByRole('listitem');
    await poll(() => steps.count()).toBe(2);
    expect(await steps.nth(0).innerText()).toMatch(/Submit for assessment from Request to Assessment\s+by citra\.coordinator@example\.org/);
    expect(await steps.nth(1).innerText()).toMatch(
      /Approve \(annual plan\) from Assessment to Approved\s+by citra\.coordinator@example\.org/,
    );
    await poll(() => process.getByRole('button').allInnerTexts()).toEqual(['Mark funded', 'Cancel']);

    // The approved program is in the year's annual plan.
    await page.goto(`${h.url}/plan/2018`);
    await page.getByRole('link', { name: program.identifier }).waitFor();
    expect(errors).toEqual([]);
  });

  it('asks the public to sign in for the annual plan', async () => {
    const page = await newPage();
    await page.goto(`${h.url}/plan/2018`);
    await page.getByText('Sign in to see the annual plan.').waitFor();
  });
});
