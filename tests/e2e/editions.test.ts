/**
 * Frozen editions in the browser (issue 23): a coordinator opens "Editions" from the menu,
 * freezes the demo's 2018, sees the live figures equal to edition 1, then — after a program is
 * edited — the banner "the live figures differ from edition 1" with the figure and the record
 * that changed; writes the Indonesian narrative and publishes; the public sees the published
 * edition only, without the freeze form, the banner or the bundle (which the coordinator downloads).
 */
import { describe, expect, it } from 'vitest';
import { addAccount, canRun, login, openPage, useBrowser } from './browser.js';

describe.skipIf(!canRun)('frozen editions', () => {
  const b = useBrowser(async (h) => {
    await addAccount(h, 'coordinator');
  });

  it('freezes a year, shows how the live figures differ, writes the narrative, publishes, and shows the public the published edition', async () => {
    const csrf = await login(b.page, b.h, 'coordinator@e2e.test');
    await b.page.goto(`${b.h.url}/reports/annual/2018`);
    await b.page.getByRole('navigation', { name: 'Mitra' }).getByRole('link', { name: 'Editions' }).click();
    await b.page.getByRole('heading', { name: 'Editions of the 2018 annual report' }).waitFor();
    expect(await b.page.title()).toBe('Editions 2018 · Mitra');
    await b.page.getByText('No edition of 2018 has been frozen yet.').waitFor();

    await b.page.getByRole('button', { name: 'Freeze edition 1' }).click();
    const name = b.page.getByRole('heading', { name: /^Annual Report 2018, edition 1, \d{1,2} \w+ \d{4}$/ });
    await name.waitFor();
    await b.page.getByText('The live figures are those of edition 1.').waitFor();

    // An edit after the freeze: a 2018 program moves to another flagship area.
    const list = await b.page.request.get(`${b.h.url}/api/v1/activities?year=2018&sort=identifier&pageSize=1`);
    const [program] = ((await list.json()) as { items: { id: number; identifier: string; flagshipArea: string }[] }).items;
    if (!program) throw new Error('the demo has no 2018 program');
    const current = await b.page.request.get(`${b.h.url}/api/v1/activities/${program.id}`);
    const moved = await b.page.request.patch(`${b.h.url}/api/v1/activities/${program.id}`, {
      headers: { 'x-csrf-token': csrf, 'if-match': current.headers().etag ?? '' },
      data: { flagshipArea: program.flagshipArea === 'OTHER' ? 'DEV-EDU' : 'OTHER' },
    });
    expect(moved.status()).toBe(200);
    await b.page.reload();
    await b.page.getByRole('heading', { name: 'The live figures differ from edition 1.' }).waitFor();
    await b.page
      .getByText(/^\d+ figures, 0 programs added, 0 removed, 1 changed$/)
      .first()
      .click();
    const changed = b.page.getByRole('table', { name: 'Programs changed' });
    expect(await changed.innerText()).toContain(program.identifier);
    expect(await changed.innerText()).toContain('flagshipArea');
    expect(await b.page.getByRole('table', { name: 'Figures that differ' }).innerText()).toContain('byFlagshipArea[code=OTHER].programs');

    await b.page.getByLabel('In Indonesian').fill('Kata pengantar edisi pertama.');
    await b.page.getByRole('button', { name: 'Save the narrative' }).click();
    await b.page.getByText('The narrative is saved.').waitFor();

    await b.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await b.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await b.page.getByText('Published', { exact: true }).waitFor();
    await b.page.getByText('The narrative of a published edition no longer changes.').waitFor();
    // The bundle, for signed-in users: one ZIP of every file to send out (docs/bundle.md).
    const bundle = b.page.getByRole('link', { name: 'Download bundle (ZIP)' });
    expect(await bundle.getAttribute('href')).toBe('/api/v1/editions/2018/1/bundle.zip');
    const zip = await b.page.request.get(`${b.h.url}/api/v1/editions/2018/1/bundle.zip`);
    expect([zip.status(), zip.headers()['content-type']]).toEqual([200, 'application/zip']);
    expect(b.errors).toEqual([]);

    // The public: the published edition, its narrative, no freeze form and no banner.
    const errors: string[] = [];
    const visitor = await openPage(b.h, errors);
    try {
      await visitor.page.goto(`${b.h.url}/reports/editions/2018`);
      await visitor.page.getByRole('heading', { name: /^Annual Report 2018, edition 1, / }).waitFor();
      expect(await visitor.page.getByText('Kata pengantar edisi pertama.').count()).toBe(1);
      expect(await visitor.page.getByRole('button', { name: /^Freeze/ }).count()).toBe(0);
      expect(await visitor.page.getByRole('link', { name: 'Download bundle (ZIP)' }).count()).toBe(0);
      expect(await visitor.page.getByText('The live figures differ from edition 1.').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  }, 120_000);
});
