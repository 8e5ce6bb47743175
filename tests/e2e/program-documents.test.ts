/**
 * A program's documents in the browser (issue 25, docs/documents.md): the implementing agency
 * uploads a photo of the handed-over equipment (public, shown with its thumbnail) and an
 * evaluation report (private), sees a file that is not what its name says refused in plain words,
 * uploads a new version and reads the history; the public then sees the public photo only.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { programInputSchema } from '../../src/domain/program/program.schema.js';
import { createProgram } from '../../src/services/programs.js';
import { aProgram } from '../../src/testing/builders.js';
import { addAccount, canRun, login, openPage, useBrowser } from './browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function photo(): Buffer {
  const png = new PNG({ width: 400, height: 300 });
  for (let i = 0; i < 400 * 300; i++) png.data.set([30, 110, 140, 255], i * 4);
  return PNG.sync.write(png);
}

describe.skipIf(!canRun)('program documents: uploaded, versioned, and the public ones shown to the public', () => {
  const state = { id: 0 };
  const b = useBrowser(async (h) => {
    await addAccount(h, 'agency');
    const program = await createProgram(
      h.app.deps,
      programInputSchema.parse(
        aProgram({ implementingOrg: 'ID-KEMENKES', lifecycleStage: 'implementation', titleEn: 'Medical equipment grant (e2e)' }),
      ),
    );
    state.id = program.id;
  });

  it('uploads a public photo and a private report, refusing a mismatched file at its field', async () => {
    const { page } = b;
    await login(page, b.h, 'agency@e2e.test');
    await page.goto(`${b.h.url}/programs/${state.id}`);
    const documents = page.getByRole('region', { name: 'Documents' });
    const upload = documents.getByRole('form', { name: 'Upload a document' });
    await upload.getByLabel('Kind').selectOption('photo');
    await upload.getByLabel('Title (English)').fill('Photo of the handed-over equipment');
    await upload.getByLabel(/^File/).setInputFiles({ name: 'equipment.pdf', mimeType: 'application/pdf', buffer: photo() });
    await upload.getByLabel(/^Public/).check();
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText(/equipment\.pdf" was refused: the file is a PNG but its name ends in "\.pdf"/).waitFor();

    await upload.getByLabel(/^File/).setInputFiles({ name: 'equipment.png', mimeType: 'image/png', buffer: photo() });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('“Photo of the handed-over equipment” uploaded.').waitFor();
    await documents.getByRole('img', { name: 'Thumbnail of Photo of the handed-over equipment' }).waitFor();

    await upload.getByLabel('Kind').selectOption('evaluation_report');
    await upload.getByLabel('Title (English)').fill('Evaluation report');
    await upload.getByLabel(/^File/).setInputFiles({ name: 'evaluation.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('“Evaluation report” uploaded.').waitFor();
    const report = documents.getByRole('row').filter({ hasText: 'Evaluation report' });
    expect(await report.innerText()).toContain('A07');
    expect(await report.innerText()).toContain('Private');
  });

  it('uploads a new version and shows the history', async () => {
    const { page } = b;
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Actions for Evaluation report' }).click();
    await page.getByRole('menuitem', { name: 'Upload a new version' }).click();
    const form = documents.getByRole('form', { name: 'Upload a new version' });
    await form
      .getByLabel(/^File of the new version/)
      .setInputFiles({ name: 'evaluation-final.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: 'Upload version' }).click();
    await documents.getByRole('link', { name: 'Download evaluation-final.pdf' }).waitFor();
    await documents.getByRole('button', { name: 'Actions for Evaluation report' }).click();
    await page.getByRole('menuitem', { name: 'Version history' }).click();
    const history = documents.getByRole('list', { name: 'Version history' });
    await history.getByRole('link', { name: 'evaluation.pdf' }).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(2);
    expect(b.errors).toEqual([]);
  });

  it('shows the public the public photo only', async () => {
    const errors: string[] = [];
    const { context, page } = await openPage(b.h, errors);
    await page.goto(`${b.h.url}/programs/${state.id}`);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('img', { name: 'Thumbnail of Photo of the handed-over equipment' }).waitFor();
    expect(await documents.getByText('Evaluation report').count()).toBe(0);
    expect(await documents.getByRole('form').count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });
});
