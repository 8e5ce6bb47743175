/**
 * Agreements in the browser (issue 9): the coordination team records a signed MoU whose validity
 * first ends before its signature (refused at the field), uploads a file that is not a document
 * (refused in plain words) and then the signed text twice (two versions under one title), records
 * a program carried out under it, puts it into force, and finds it on the partner's page and
 * timeline; the home page lists the agreement of the demo data that is about to end.
 *
 * The partner is an organisation of the test's own, so that its page holds this test's agreement only.
 */
import { describe, expect, it } from 'vitest';
import { ensureOrg } from '../../src/testing/server.js';
import { addAccount, canRun, login, useBrowser } from './browser.js';

const PARTNER = { code: 'E2E-KOICA', name: 'Test E2E-KOICA' };
const TITLE = 'MoU on disaster risk management (e2e)';
/** The smallest file the server takes for a PDF (it checks the content, not the name). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!canRun)('agreements: recorded, documented, put into force and seen from the partner', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
    await ensureOrg(h.app, PARTNER.code, 'partner', 'KR');
  });
  const state = { url: '', reference: '' };

  it('refuses a validity ending before the signature at its field, then records the agreement', async () => {
    const { page } = b;
    await login(page, b.h, 'coordinator@e2e.test');
    await page.goto(`${b.h.url}/agreements`);
    await page.getByRole('link', { name: 'New agreement' }).click();
    const form = page.getByRole('form', { name: 'New agreement' });
    await form.waitFor();
    await form.getByLabel('Kind of agreement').selectOption('mou');
    await form.getByLabel('Status').selectOption('signed');
    await form.getByLabel('Title (English)').fill(TITLE);
    await form.getByLabel('Signature date').fill('2024-05-10');
    await form.getByLabel('Valid until').fill('2024-05-01');
    await form.getByLabel('Organisation code').fill(PARTNER.code);
    await form.getByLabel('Disaster risk management').check();
    await form.getByRole('button', { name: 'Record the agreement' }).click();
    const until = form.getByLabel('Valid until');
    await expect.poll(() => until.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await until.getAttribute('aria-describedby')) ?? '').split(' ').find((x) => x.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe('The validity must not start or end before the signature date.');

    await until.fill('2029-05-31');
    await form.getByRole('button', { name: 'Record the agreement' }).click();
    await page.waitForURL(/\/agreements\/\d+$/);
    state.url = page.url();
    const heading = await page.getByRole('heading', { level: 1 }).filter({ hasText: TITLE }).innerText();
    state.reference = heading.split(' ')[0] ?? '';
    expect(state.reference).toMatch(/^AGR-\d{4}-\d{4}$/);
  });

  it('refuses a file that is not a document, and keeps two uploads under one title as versions', async () => {
    const { page } = b;
    const upload = page.getByRole('form', { name: 'Upload a document' });
    await upload.getByLabel(/^Title/).fill('Signed text');
    await upload
      .getByLabel(/^File/)
      .setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, no document') });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('Send a PDF, DOCX, JPEG or PNG file.').waitFor();

    await upload.getByLabel(/^File/).setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('“Signed text” version 1 is uploaded.').waitFor();
    await upload.getByLabel(/^Title/).fill('Signed text');
    await upload.getByLabel(/^File/).setInputFiles({ name: 'signed-v2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('“Signed text” version 2 is uploaded.').waitFor();

    const documents = page.getByRole('region', { name: 'Documents' });
    const rows = documents.getByRole('row');
    await rows.filter({ hasText: 'signed-v2.pdf' }).waitFor();
    // Latest version first, each a download link; not public unless marked so.
    expect((await rows.allInnerTexts()).slice(1).map((r) => r.split('\t')[0]?.trim())).toEqual(['v2 (latest)', 'v1']);
    expect(await documents.getByRole('link', { name: 'signed-v2.pdf' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/agreement-documents\/\d+$/,
    );
    expect(await documents.getByRole('checkbox', { name: 'Public' }).first().isChecked()).toBe(false);
  });

  it('records a program carried out under the agreement', async () => {
    const { page } = b;
    const programs = page.getByRole('region', { name: 'Programs carried out under the agreement' });
    await programs.getByLabel('Program identifier').fill('ID-BNPB-2017-01');
    await programs.getByRole('button', { name: 'Add the program' }).click();
    await programs.getByRole('link', { name: 'ID-BNPB-2017-01' }).waitFor();
  });

  it('puts the signed agreement into force from its signature day', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Enter into force' }).click();
    const step = page.getByRole('form', { name: 'Enter into force' });
    expect(await step.getByLabel(/^Valid from/).inputValue()).toBe('2024-05-10');
    await step.getByRole('button', { name: 'Enter into force' }).click();
    await page.getByText('The agreement is now: In force.').waitFor();
  });

  it('shows the agreement on the partner’s page and timeline', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/partners/${PARTNER.code}`);
    const agreements = page.getByRole('region', { name: 'Agreements with this partner' });
    const row = agreements.getByRole('row').filter({ hasText: state.reference });
    await row.getByText('In force').waitFor();
    expect(await row.innerText()).toContain('10 May 2024 – 31 May 2029');
    const timeline = page.getByRole('region', { name: 'Partnership timeline' });
    await timeline.getByRole('region', { name: '2024' }).getByRole('link', { name: state.reference }).waitFor();
  });

  it('lists the agreement about to end on the coordinator’s home page', async () => {
    const { page } = b;
    await page.goto(`${b.h.url}/`);
    const panel = page.getByRole('region', { name: 'Partnerships: needs attention' });
    // The demo data's framework with JICA ends within the first reminder window (its end follows the clock).
    const row = panel.getByRole('row').filter({ hasText: 'Joint framework for third-country training programs with JICA' });
    await row.getByText(/^Ends in \d+ days$/).waitFor();
    expect(b.errors).toEqual([]);
  });
});
