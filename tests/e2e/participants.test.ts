/**
 * Participants where the work happens: the Ministry of Health's program officer (an agency)
 * adds a participant through the form on one of its own programs (a missing consent is shown at
 * its field first), sees it listed, changes it and removes it through the row's "More actions"
 * menu (by keyboard); finds no such form on another agency's program; uploads a participants
 * file for its program from the program page, and sees a row for another agency's program
 * refused. The coordination team finds "Erase personal data" in the row menu, not on every row.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, openPage, useBrowser } from './browser.js';

/** The Ministry of Health's program in the demo (Timor-Leste its only recipient) and another ministry's. */
const OWN = 'ID-KEMENKES-2017-01';
const OWN_TITLE = 'Triangular training on maternal and child health for Timor-Leste';
const OTHER_TITLE = 'International seminar on microfinance for Palestine';

describe.skipIf(!canRun)('participants recorded by the implementing agency', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'agency');
    await addAccount(h, 'coordinator');
  });
  const ids = { own: 0, other: 0 };
  const poll = expect.poll;
  const programId = async (q: string, title: string) => {
    const found = (await (await fetch(`${b.h.url}/api/v1/activities?q=${encodeURIComponent(q)}`)).json()) as {
      items: { id: number; titleEn: string | null }[];
    };
    return found.items.find((a) => a.titleEn === title)?.id ?? 0;
  };
  const table = (page: Page) => page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Position' }) });
  const row = (page: Page, name: string) => table(page).getByRole('row').filter({ hasText: name });

  it('adds a participant through the form on its own program, consent first shown as missing', async () => {
    ids.own = await programId('maternal and child health', OWN_TITLE);
    ids.other = await programId('microfinance for Palestine', OTHER_TITLE);
    expect(ids.own).toBeGreaterThan(0);
    expect(ids.other).toBeGreaterThan(0);
    await login(b.page, b.h, 'agency@e2e.test');
    await b.page.goto(`${b.h.url}/programs/${ids.own}`);
    await b.page.getByRole('heading', { name: OWN_TITLE, level: 1 }).waitFor();
    await b.page.getByRole('button', { name: 'Add participant' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.getByLabel('Full name').fill('Ana Maria Soares');
    await dialog.getByLabel('Sex').selectOption('F');
    // Timor-Leste, the program's only recipient, is already chosen.
    expect(await dialog.getByLabel('Country').inputValue()).toBe('TL');
    await dialog.getByLabel('Organisation').fill('Ministry of Health of Timor-Leste');
    await dialog.getByLabel('Position').fill('Midwife');
    await dialog.getByLabel('Email').fill('ana.soares@example.org');
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await dialog.getByText('The participant must consent to the processing of their data.').waitFor();
    await dialog.getByLabel('The participant has given this consent.').check();
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => row(b.page, 'Ana Maria Soares').innerText()).toContain('Midwife');
    expect(await row(b.page, 'Ana Maria Soares').innerText()).toContain('ana.soares@example.org');
    // Removing is not a button on the row: it is in the row's menu.
    expect(await row(b.page, 'Ana Maria Soares').getByRole('button', { name: 'Remove' }).count()).toBe(0);
  });

  it('edits the participant from the row menu', async () => {
    const more = b.page.getByRole('button', { name: 'More actions for Ana Maria Soares' });
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await b.page.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Change Ana Maria Soares' });
    await dialog.getByText(/Consent recorded on/).waitFor();
    await dialog.getByLabel('Position').fill('Head midwife');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => row(b.page, 'Ana Maria Soares').innerText()).toContain('Head midwife');
  });

  it('removes the participant through the row menu, by keyboard, after confirming', async () => {
    const more = b.page.getByRole('button', { name: 'More actions for Ana Maria Soares' });
    await more.focus();
    await b.page.keyboard.press('ArrowDown');
    await poll(() => b.page.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    await b.page.keyboard.press('ArrowDown');
    await poll(() => b.page.evaluate(() => document.activeElement?.textContent)).toBe('Remove');
    await b.page.keyboard.press('Enter');
    const dialog = b.page.getByRole('dialog', { name: 'Remove Ana Maria Soares from this program?' });
    await dialog.getByRole('button', { name: 'Remove participant' }).click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => row(b.page, 'Ana Maria Soares').count()).toBe(0);
    const log = await b.page.request.get(`${b.h.url}/api/v1/activities/${ids.own}/participants`);
    expect(((await log.json()) as { items: { fullName: string }[] }).items.map((p) => p.fullName)).not.toContain('Ana Maria Soares');
  });

  it('offers no form and no upload on another agency’s program', async () => {
    await b.page.goto(`${b.h.url}/programs/${ids.other}`);
    await b.page.getByRole('heading', { name: OTHER_TITLE, level: 1 }).waitFor();
    await b.page.getByRole('heading', { name: 'Participants', level: 2 }).waitFor();
    expect(await b.page.getByRole('button', { name: 'Add participant' }).count()).toBe(0);
    expect(await b.page.getByRole('link', { name: /Upload participants/ }).count()).toBe(0);
    expect(await b.page.getByRole('button', { name: /^More actions/ }).count()).toBe(0);
  });

  it('uploads a participants file for its program from the program page', async () => {
    await b.page.goto(`${b.h.url}/programs/${ids.own}`);
    await b.page.getByRole('link', { name: /Upload participants/ }).click();
    await b.page.waitForURL(/\/import/);
    // The agency is offered the participants import only.
    await poll(() => b.page.getByRole('radio').count()).toBe(1);
    expect(await b.page.getByRole('radio', { name: 'Participants' }).isChecked()).toBe(true);
    const good = `activity_identifier,full_name,sex,country,position\n${OWN},Joaquim da Costa,M,Timor-Leste,Nurse\n`;
    await b.page.getByLabel('CSV file').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByRole('button', { name: 'Import 1 row' }).click();
    await poll(() => b.page.getByRole('status').innerText()).toContain('Imported: 1 new, 0 updated');
    await b.page.goto(`${b.h.url}/programs/${ids.own}`);
    await poll(() => row(b.page, 'Joaquim da Costa').innerText()).toContain('Nurse');
  });

  it('shows the server’s refusal of the same person twice at the field', async () => {
    await b.page.getByRole('button', { name: 'Add participant' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Add a participant' });
    await dialog.getByLabel('Full name').fill('da Costa, Joaquim');
    await dialog.getByLabel('The participant has given this consent.').check();
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await dialog.getByText('This person is already a participant of this program.').waitFor();
    expect(await dialog.getByLabel('Full name').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => dialog.count()).toBe(0);
  });

  it('refuses a file with a row for another agency’s program, naming the row, and imports nothing', async () => {
    const otherIdentifier = (
      (await (await fetch(`${b.h.url}/api/v1/activities/${ids.other}`)).json()) as {
        identifier: string;
      }
    ).identifier;
    await b.page.goto(`${b.h.url}/import?kind=participants`);
    const mixed = `activity_identifier,full_name,sex,country\n${OWN},Maria Ximenes,F,TL\n${otherIdentifier},Layla Haddad,F,PS\n`;
    await b.page.getByLabel('CSV file').setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(mixed) });
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByText(`program ${otherIdentifier} is not implemented by your agency (ID-KEMENKES)`).waitFor();
    expect(await b.page.getByRole('button', { name: /^Import \d+ rows/ }).count()).toBe(0);
    const list = await b.page.request.get(`${b.h.url}/api/v1/activities/${ids.own}/participants`);
    expect(((await list.json()) as { items: { fullName: string }[] }).items.map((p) => p.fullName)).not.toContain('Maria Ximenes');
  });

  it('shows the coordination team “Erase personal data” in the row menu, with a confirmation, not as a button on each row', async () => {
    const { context, page } = await openPage(b.h, b.errors);
    await login(page, b.h, 'coordinator@e2e.test');
    await page.goto(`${b.h.url}/programs/${ids.own}`);
    await poll(() => row(page, 'Joaquim da Costa').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Erase personal data' }).count()).toBe(0);
    await page.getByRole('button', { name: 'More actions for Joaquim da Costa' }).click();
    await page.getByRole('menuitem', { name: 'Erase personal data' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => row(page, 'Joaquim da Costa').count()).toBe(1);
    await context.close();
    expect(b.errors).toEqual([]);
  });
});
