/**
 * Other providers' data in the browser (issue 22): a coordinator imports another publisher's IATI
 * file through the API, finds the dataset on the "Other providers" page, opens its activities and
 * the one that breaks an IATI rule (the warning names rule 7.5.3), compares the providers in the
 * recipient country (own programs first), and deletes the dataset after a confirmation that says
 * how many activities go. The import page lists each activity's warning with its IATI rule, and an
 * activity the provider itself published becomes an own program with one click.
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, useBrowser } from './browser.js';

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-11-30T10:00:00Z">
  <iati-activity default-currency="USD" last-updated-datetime="2026-11-30T10:00:00Z">
    <iati-identifier>XM-E2E-CLINICS</iati-identifier>
    <reporting-org ref="XM-E2E" type="10"><narrative>E2E Development Agency</narrative></reporting-org>
    <title><narrative>Rural clinics</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2019-02-01" type="2"/>
    <recipient-country code="TL"/>
    <sector vocabulary="1" code="12220"/>
    <budget type="1" status="2">
      <period-start iso-date="2019-01-01"/>
      <period-end iso-date="2020-06-30"/>
      <value value-date="2019-01-01">150000</value>
    </budget>
  </iati-activity>
  <iati-activity default-currency="USD" last-updated-datetime="2026-11-30T10:00:00Z">
    <iati-identifier>XM-E2E-SCHOOLS</iati-identifier>
    <reporting-org ref="XM-E2E" type="10"><narrative>E2E Development Agency</narrative></reporting-org>
    <title><narrative>School meals</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2020-03-01" type="2"/>
    <recipient-country code="TL"/>
    <sector vocabulary="1" code="11220"/>
    <budget type="1" status="2">
      <period-start iso-date="2020-01-01"/>
      <period-end iso-date="2020-12-31"/>
      <value value-date="2020-01-01">80000</value>
    </budget>
  </iati-activity>
</iati-activities>`;

describe.skipIf(!canRun)("other providers' data", () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });

  it('imports a file, shows its dataset, an activity with its warning, the comparison, and deletes the dataset', async () => {
    const csrf = await login(b.page, b.h, 'coordinator@e2e.test');
    const imported = await b.page.request.post(`${b.h.url}/api/v1/imports/iati`, {
      headers: { 'content-type': 'application/xml', 'x-file-name': 'e2e-agency.xml', 'x-csrf-token': csrf },
      data: FILE,
    });
    expect(imported.status()).toBe(200);
    expect(await imported.json()).toMatchObject({ status: 'committed', inserted: 2 });

    // The datasets page, reached from the menu.
    await b.page.goto(`${b.h.url}/`);
    await b.page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Other providers' }).click();
    const datasets = b.page.getByRole('table', { name: 'Imported IATI datasets of other publishers, newest first' });
    const row = datasets.getByRole('row').filter({ hasText: 'e2e-agency.xml' });
    await row.waitFor();
    expect(await row.innerText()).toContain('E2E Development Agency (XM-E2E)');
    expect(await b.page.title()).toBe('Other providers · Mitra');

    // Its activities, then the one with a warning.
    await row.getByRole('button', { name: 'Actions for e2e-agency.xml' }).click();
    await b.page.getByRole('menuitem', { name: 'Show activities' }).click();
    await b.page.waitForURL(/\/other-providers\/activities\?datasetId=\d+/);
    await b.page.getByText('2 activities').waitFor();
    expect(await b.page.getByRole('list', { name: 'Active filters' }).innerText()).toContain('Dataset: e2e-agency.xml');
    // The box follows the address (?warnings=1): a click, then the list it filters. Playwright's
    // check() reads the box back at once and can see it before the address has caught up.
    await b.page.getByRole('checkbox', { name: 'With warnings only' }).click();
    await b.page.getByText('1 activity', { exact: true }).waitFor();
    expect(await b.page.getByRole('checkbox', { name: 'With warnings only' }).isChecked()).toBe(true);
    await b.page.getByRole('link', { name: 'XM-E2E-CLINICS' }).click();
    await b.page.getByRole('heading', { name: '1 warning' }).waitFor();
    expect(await b.page.getByText(/^Imported from E2E Development Agency/).innerText()).toMatch(
      /^Imported from E2E Development Agency \(XM-E2E\), file e2e-agency\.xml, line 3, on \d{1,2} \w{3} \d{4}\.$/,
    );
    const warnings = b.page.getByRole('table', { name: 'The IATI rules this activity breaks' });
    expect(await warnings.getByRole('cell').nth(1).innerText()).toBe('7.5.3');
    expect(await b.page.getByText('12220 Basic health care').count()).toBe(1);

    // Promotion is refused for another publisher's activity, with the reason.
    await b.page.getByRole('button', { name: 'Promote to own program' }).click();
    expect(await b.page.getByRole('alert').innerText()).toContain('published by another organisation, not by Indonesia');

    // The comparison in its recipient country, from its profile: the own programs first, then the publisher.
    await b.page.goto(`${b.h.url}/countries/TL`);
    await b.page.getByRole('link', { name: 'Compare with other providers' }).click();
    await b.page.waitForURL(/\/other-providers\/compare\?country=TL$/);
    // The file's years, whatever this year is (the page shows the ten years up to it unless told).
    await b.page.getByLabel('From', { exact: true }).selectOption('2019');
    await b.page.getByLabel('To', { exact: true }).selectOption('2020');
    await b.page.waitForURL(/fromYear=2019&toYear=2020/);
    const byYear = b.page.getByRole('table', { name: 'By year' });
    await byYear.waitFor();
    const groups = await byYear.locator('th[scope="colgroup"]').allInnerTexts();
    expect(groups[0]).toBe('Indonesia (own programs)');
    expect(groups).toContain('E2E Development Agency (XM-E2E)');
    expect(await b.page.getByRole('table', { name: 'Sectors (activities)' }).innerText()).toContain('11220 Primary education');

    // Deleting the dataset: the confirmation says how many activities go, and the list refreshes.
    await b.page.getByRole('link', { name: 'Datasets' }).click();
    await row.getByRole('button', { name: 'Actions for e2e-agency.xml' }).click();
    await b.page.getByRole('menuitem', { name: 'Delete dataset' }).click();
    const dialog = b.page.getByRole('dialog', { name: 'Delete e2e-agency.xml?' });
    expect(await dialog.innerText()).toContain('exactly its 2 activities');
    await dialog.getByRole('button', { name: 'Delete the dataset and 2 activities' }).click();
    await b.page.getByRole('status').filter({ hasText: 'e2e-agency.xml is deleted, with its 2 activities.' }).waitFor();
    await b.page.getByText('No IATI file of another publisher has been imported yet.').waitFor();
    expect(b.errors).toEqual([]);
  }, 120_000);

  it('imports the file through the import page, which lists each warning with its IATI rule', async () => {
    await b.page.goto(`${b.h.url}/import?kind=iati`);
    await b.page
      .getByLabel('IATI XML file')
      .setInputFiles({ name: 'e2e-agency.xml', mimeType: 'application/xml', buffer: Buffer.from(FILE) });
    await b.page.getByRole('button', { name: 'Check the file' }).click();
    await b.page.getByText(/^2 activities: 2 new, 0 updated, 0 unchanged — kept as other providers’ data/).waitFor();
    const warnings = b.page.getByRole('table', { name: 'Warnings by activity, with the IATI rule' });
    const cells = await warnings.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['XM-E2E-CLINICS', '3', 'budget 1 / period-end', '7.5.3']);
    await b.page.getByRole('button', { name: 'Import 2 activities as other providers’ data' }).click();
    await b.page.getByRole('status').filter({ hasText: 'Imported as other providers’ data: 2 new' }).waitFor();
    await b.page.getByRole('link', { name: 'See the datasets' }).click();
    await b.page.getByRole('row').filter({ hasText: 'e2e-agency.xml' }).waitFor();
    expect(b.errors).toEqual([]);
  }, 60_000);

  it("promotes the provider's own activity to an own program and links to it", async () => {
    const csrf = await login(b.page, b.h, 'coordinator@e2e.test');
    // Published by the provider itself (the default MITRA_IATI_REPORTING_ORG), its identifier with its prefix.
    const own = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="USD">
    <iati-identifier>ID-NCT-SSTC-E2E-PROMOTE</iati-identifier>
    <reporting-org ref="ID-NCT-SSTC" type="10"><narrative>Indonesia</narrative></reporting-org>
    <title><narrative>Training on seaweed farming</narrative></title>
    <activity-status code="2"/>
    <activity-date iso-date="2020-04-01" type="2"/>
    <recipient-country code="TL"/>
  </iati-activity>
</iati-activities>`;
    const imported = await b.page.request.post(`${b.h.url}/api/v1/imports/iati`, {
      headers: { 'content-type': 'application/xml', 'x-file-name': 'own.xml', 'x-csrf-token': csrf },
      data: own,
    });
    expect(await imported.json()).toMatchObject({ status: 'committed', inserted: 1 });
    await b.page.goto(`${b.h.url}/other-providers/activities?q=E2E-PROMOTE`);
    await b.page.getByRole('link', { name: 'ID-NCT-SSTC-E2E-PROMOTE' }).click();
    await b.page.getByRole('button', { name: 'Promote to own program' }).click();
    await b.page.getByRole('status').filter({ hasText: 'It is now an own program.' }).waitFor();
    await b.page.getByRole('link', { name: 'open program E2E-PROMOTE' }).click();
    await b.page.waitForURL(/\/programs\/\d+$/);
    await b.page.getByRole('heading', { level: 1 }).filter({ hasText: 'Training on seaweed farming' }).waitFor();
    expect(b.errors).toEqual([]);
  }, 60_000);
});
