/**
 * Issue 21 in the browser, "status follows the process": a coordinator takes a new request through
 * every stage of the process. The steps that cannot be undone ask first (and cancelling the question
 * changes nothing); the activity status follows each stage, starting records the actual start and
 * completing the actual end; and the work that waits for a stage (nominations, attendance, survey
 * results) is offered only once the program reaches it, with a hint before. Completing and
 * evaluating need their records (issue 25): the page names what is missing, and the completion is
 * recorded with its form.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { programInputSchema } from '../../src/domain/program/program.schema.js';
import { createProgram } from '../../src/services/programs.js';
import { evaluationInput } from '../../src/domain/program/evaluation.js';
import { saveEvaluation } from '../../src/services/completion.js';
import { anEvaluation } from '../../src/testing/completion.js';
import { signOffAll } from '../../src/testing/sign-offs.js';
import { addAccount, canRun, login, useBrowser } from './browser.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Today as the English pages write a date (the server's clock is the real one, in UTC). */
function today(): string {
  const d = new Date();
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const fact = (page: Page, label: string) => page.locator(`xpath=//dl[contains(@class,"facts")]/dt[.="${label}"]/following-sibling::dd[1]`);

describe.skipIf(!canRun)('stages: the status follows the process', () => {
  const state = { id: 0 };
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    const program = await createProgram(
      h.app.deps,
      programInputSchema.parse({
        identifier: 'ID-E2E-STAGES-01',
        titleEn: 'Training on seaweed farming for Pacific countries',
        modality: 'training',
        plannedStart: '2027-03-01',
        plannedEnd: '2027-03-12',
        recipients: [{ country: 'FJ' }],
      }),
    );
    state.id = program.id;
  });

  const actions = (page: Page) => page.getByRole('group', { name: 'Next steps' });
  const link = (page: Page, name: string) => page.locator('.page-head .actions').getByRole('link', { name, exact: true });
  const offered = async (page: Page) => ({
    nominations: await link(page, 'Open for nominations').count(),
    attendance: await link(page, 'Attendance and certificates').count(),
    surveys: await link(page, 'Survey results').count(),
  });
  /** Takes a step that asks first: the dialog says what happens; confirming takes it. */
  async function confirmStep(page: Page, action: string, question: string, stage: string): Promise<void> {
    await actions(page).getByRole('button', { name: action }).click();
    const dialog = page.getByRole('dialog', { name: `${action}?` });
    await dialog.getByText(question).waitFor();
    await dialog.getByRole('button', { name: action }).click();
    await page.getByText(`Done: the program is now at the stage “${stage}”.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
  }

  it('shows a request as pipeline, without nominations, attendance or surveys, and says when they come', async () => {
    const { page, h } = b;
    await login(page, h, 'coordinator@e2e.test');
    await page.goto(`${h.url}/programs/${state.id}`);
    await page.getByRole('heading', { name: 'Training on seaweed farming for Pacific countries' }).waitFor();
    await actions(page).getByRole('button', { name: 'Submit for assessment' }).waitFor();
    expect(await fact(page, 'Activity status').textContent()).toBe('Pipeline');
    await page.getByText('Nominations open once the program is approved.').waitFor();
    await page.getByText('Attendance is taken once the implementation has started.', { exact: false }).waitFor();
    expect(await offered(page)).toEqual({ nominations: 0, attendance: 0, surveys: 0 });
    // Reached directly, the offer form says so too.
    await page.goto(`${h.url}/programs/${state.id}/offer`);
    await page.getByText('Nominations open once the program is approved, and close when it is completed.').waitFor();
  });

  it('moves it through the stages, asking before each step that cannot be undone', async () => {
    const { page, h } = b;
    await page.goto(`${h.url}/programs/${state.id}`);
    // Submitting can be returned: it is taken at once.
    await actions(page).getByRole('button', { name: 'Submit for assessment' }).click();
    await page.getByText('Done: the program is now at the stage “Assessment”.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Approving asks first; cancelling the question changes nothing.
    await actions(page).getByRole('button', { name: 'Approve (annual plan)' }).click();
    const ask = page.getByRole('dialog', { name: 'Approve (annual plan)?' });
    await ask.getByText('Approve this program into the annual plan? This cannot be undone.').waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await page.request.get(`${h.url}/api/v1/activities/${state.id}`)).ok()).toBe(true);
    expect((await (await page.request.get(`${h.url}/api/v1/activities/${state.id}`)).json()).lifecycleStage).toBe('assessment');

    // The four ministries agree (docs/sign-offs.md); their own test clicks through the panel.
    await signOffAll(h.app.deps, state.id, 'assessment');
    await page.reload();
    await confirmStep(page, 'Approve (annual plan)', 'Approve this program into the annual plan? This cannot be undone.', 'Approved');
    await link(page, 'Open for nominations').waitFor();
    expect(await offered(page)).toEqual({ nominations: 1, attendance: 0, surveys: 0 });
    expect(await fact(page, 'Activity status').textContent()).toBe('Pipeline');

    await signOffAll(h.app.deps, state.id, 'funding');
    await page.reload();
    await confirmStep(page, 'Mark funded', 'Mark this program as funded? This cannot be undone.', 'Funded');
    await confirmStep(page, 'Start implementation', 'Start the implementation of this program?', 'Implementation');
    await fact(page, 'Activity status').getByText('Implementation', { exact: true }).waitFor();
    expect(await fact(page, 'Actual start').textContent()).toBe(today());
    expect(await fact(page, 'Actual end').count()).toBe(0);
    await link(page, 'Attendance and certificates').waitFor();
    expect(await offered(page)).toEqual({ nominations: 1, attendance: 1, surveys: 0 });

    // Completing needs the completion record (issue 25): the page says what is missing, and the form records it.
    const needs = page.getByTestId('needs-complete').first();
    await needs.getByText('record the completion (actual dates, actual cost, report)').waitFor();
    await page.getByRole('button', { name: 'Record the completion' }).click();
    await page.getByLabel('Actual start date').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Actual end date').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Add a cost line' }).click();
    await page.getByLabel('Amount').fill('125000000');
    await page.getByLabel('Completion report (English)').fill('Held as planned; 20 participants completed the course.');
    await page.getByRole('button', { name: 'Save the completion' }).click();
    await page.getByText('The completion is saved.').waitFor();
    expect(await page.getByTestId('needs-complete').count()).toBe(0);
    await confirmStep(page, 'Complete (report submitted)', 'Mark this program as completed, its report submitted?', 'Completed');
    await fact(page, 'Activity status').getByText('Finalisation', { exact: true }).waitFor();
    expect(await fact(page, 'Actual end').textContent()).toBe(today());
    await link(page, 'Survey results').waitFor();
    expect(await offered(page)).toEqual({ nominations: 0, attendance: 1, surveys: 1 });
    expect(await page.getByTestId('stage-hints').count()).toBe(0);

    // Evaluating needs the evaluation: the page asks for it, then it is recorded (here by the system).
    await page.getByTestId('needs-evaluate').first().getByText('record the evaluation', { exact: true }).waitFor();
    await saveEvaluation(h.app.deps, state.id, evaluationInput.parse(anEvaluation('ID-KEMLU')));
    await page.reload();
    await page.getByText('Evaluator One, Bappenas').waitFor();
    await confirmStep(page, 'Record evaluation', 'Record the evaluation of this program?', 'Evaluated');
    await fact(page, 'Activity status').getByText('Closed', { exact: true }).waitFor();
    expect(await actions(page).count()).toBe(0);

    // The IATI file says the same: closed (4), started and ended today.
    const xml = await (await page.request.get(`${h.url}/api/v1/activities/${state.id}/iati.xml`)).text();
    expect(xml).toContain('<activity-status code="4"/>');
    const iso = new Date().toISOString().slice(0, 10);
    expect(xml).toContain(`<activity-date iso-date="${iso}" type="2"/>`);
    expect(xml).toContain(`<activity-date iso-date="${iso}" type="4"/>`);
    expect(b.errors).toEqual([]);
  });
});
