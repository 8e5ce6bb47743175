import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../domain/access/actor.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { loadDemoData } from '../services/demo/load-demo.js';
import { actingAs } from '../services/deps.js';
import { editionFigures, freezeEdition } from '../services/editions.js';
import { createProgram, patchProgram } from '../services/programs.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { seedMoneyScenario } from '../testing/money.js';
import { BUNDLE_BUILDERS } from './bundle-builders.js';
import { writeEditionBundle, type BundleWriteOptions } from './edition-bundle.js';

const OPTIONS: BundleWriteOptions = {
  providerCountry: 'ID',
  publisherRef: 'ID-NCT-SSTC',
  publisher: { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' },
  builders: BUNDLE_BUILDERS,
};

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mitra-bundle-'));
  dirs.push(dir);
  return join(dir, 'bundle');
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const FILES = (year: number, n: number) =>
  [
    `annual-report-${year}-edition-${n}.pdf`,
    `annual-report-${year}-edition-${n}.xlsx`,
    `checklist-${year}-edition-${n}.csv`,
    `iati-activities-${year}-edition-${n}.xml`,
    `iati-organisation-${year}-edition-${n}.xml`,
    `laporan-tahunan-${year}-edisi-${n}.pdf`,
    `laporan-tahunan-${year}-edisi-${n}.xlsx`,
    'manifest.json',
    `reconciliation-${year}-edition-${n}.xlsx`,
    `segib-${year}-edition-${n}.xlsx`,
    `tossd-${year}-edition-${n}.csv`,
    `tossd-${year}-edition-${n}.xlsx`,
    `un-sdg-17-3-1-${year}-edition-${n}.xlsx`,
  ].sort();

describeEachEngine("an edition's bundle", (app) => {
  const deps = () => app().deps;
  const coordinator = () => actingAs(deps(), actors.coordinator);

  it('reconciles the demo years 2016–2018 with no unexplained difference, the report’s totals being the edition’s', async () => {
    await loadDemoData(deps());
    for (const year of [2016, 2017, 2018]) {
      await freezeEdition(coordinator(), year, { overrideReason: 'demo' });
      const dir = await freshDir();
      const result = await writeEditionBundle(coordinator(), year, 1, OPTIONS, dir);
      expect(result.wholeRecords).toBe(true);
      expect(result.unexplained).toEqual([]);
      const { summary } = await editionFigures(deps(), year, 1);
      const report = result.outputs.find((o) => o.output === 'report');
      expect(report?.totals).toMatchObject({
        programs: summary.programs,
        countries: summary.countries,
        participants: summary.participants,
        usdMinor: summary.spending.usdMinor,
        idrMinor: summary.spending.idrMinor,
      });
      // Every output carries the year's programs (or says which rule leaves some out).
      for (const o of result.outputs) {
        const left = o.exclusions.reduce((n, e) => n + (e.amounts.programs ?? 0), 0);
        expect((o.totals.programs ?? 0) + left, o.output).toBe(summary.programs);
      }
      expect((await readdir(dir)).sort()).toEqual(FILES(year, 1));
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        files: { name: string; sha256: string; bytes: number }[];
        unexplainedDifferences: number;
      };
      expect(manifest.unexplainedDifferences).toBe(0);
      for (const f of manifest.files) {
        const bytes = await readFile(join(dir, f.name));
        expect([f.name, bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([f.name, f.bytes, f.sha256]);
      }
    }
  });

  it('builds from the records as frozen: money in three currencies, a missing rate, in-kind estimates, participants by sex, a later edit', async () => {
    const ids = await seedMoneyScenario(deps());
    // A program for an ineligible (non-TOSSD) recipient beside an eligible one.
    await createProgram(
      deps(),
      programInputSchema.parse(
        aProgram({
          identifier: 'BUNDLE-SG',
          lifecycleStage: 'completed',
          plannedStart: '2031-10-01',
          plannedEnd: '2031-10-03',
          participantsPlanned: 12,
          recipients: [
            { country: 'SG', percentage: 50 },
            { country: 'KE', percentage: 50 },
          ],
          transactions: [{ type: '3', date: '2031-10-01', amount: '2000', currency: 'USD', valueDate: '2031-10-01' }],
        }),
      ),
    );
    await freezeEdition(coordinator(), 2031, { overrideReason: 'JPY has no rate yet' });
    // Edited after the freeze: the bundle still shows the frozen record.
    const p1 = ids['MONEY-P1'] ?? 0;
    await patchProgram(deps(), p1, { titleEn: 'Renamed after the freeze' });
    const dir = await freshDir();
    const result = await writeEditionBundle(coordinator(), 2031, 1, OPTIONS, dir);
    expect(result.unexplained).toEqual([]);
    const report = result.outputs.find((o) => o.output === 'report');
    // By hand (src/testing/money.ts): spent USD 15,000.00 (P1) + 10,000.00 (P2, JPY left out) + 2,000.00 (BUNDLE-SG);
    // in kind USD 10,000.00 (P4) + 3,000.00 (P5).
    expect(report?.totals).toMatchObject({ usdMinor: 2_700_000, inKindUsdMinor: 1_300_000 });
    const tossd = result.outputs.find((o) => o.output === 'tossd');
    expect(tossd?.exclusions.find((e) => e.rule === 'tossd_ineligible_recipient')?.amounts).toMatchObject({
      countries: 1,
      usdMinor: 100_000,
    });
    const iati = await readFile(join(dir, 'iati-activities-2031-edition-1.xml'), 'utf8');
    expect(iati).toContain('MONEY-P1');
    expect(iati).not.toContain('Renamed after the freeze');
    const list = await readFile(join(dir, 'tossd-2031-edition-1.csv'), 'utf8');
    expect(list).not.toContain('Renamed after the freeze');
    expect(result.checklist.some((c) => c.output === 'report' && c.identifier === 'MONEY-P6')).toBe(false); // 2030: not this year
  });

  it('is written whole into a new or empty folder, for the coordination team and ministries only', async () => {
    const dir = await freshDir();
    await expect(writeEditionBundle(actingAs(deps(), ANONYMOUS), 2031, 1, OPTIONS, dir)).rejects.toMatchObject({ code: 'auth.required' });
    await expect(writeEditionBundle(coordinator(), 2031, 9, OPTIONS, dir)).rejects.toMatchObject({ code: 'edition.not_found' });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    await writeEditionBundle(coordinator(), 2031, 1, OPTIONS, dir);
    await expect(writeEditionBundle(coordinator(), 2031, 1, OPTIONS, dir)).rejects.toThrow(/is not empty/);
  });

  it('keeps the whole records immutable, and bundles an edition frozen before they were kept from the live records, saying so', async () => {
    const db = app().database.db;
    await expect(sql`update edition_programs set record = '{}'`.execute(db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from edition_programs`.execute(db)).rejects.toThrow(/cannot be changed/);
    // An edition as one frozen before migration 20261210090000: figures and snapshots, no whole records.
    const year = 2044;
    await createProgram(
      deps(),
      programInputSchema.parse(aProgram({ identifier: 'OLD-1', plannedStart: `${year}-02-01`, plannedEnd: `${year}-02-02` })),
    );
    const repos = deps().store.repos;
    const summary = (await import('../services/reports.js')).annualSummary;
    const figures = await summary(deps(), year);
    const records = await repos.editions.liveRecords(year);
    const edition = await repos.editions.insert({
      year,
      number: 1,
      titleEn: `Annual Report ${year}, edition 1, 1 January 2026`,
      titleId: `Laporan Tahunan ${year}, edisi 1, 1 Januari 2026`,
      frozenAt: '2026-01-01T00:00:00.000Z',
      frozenByUserId: null,
      frozenBy: 'test',
      overrideReason: null,
      blockers: [],
      errataReason: null,
      previousId: null,
      changes: null,
      programs: figures.programs,
      countries: figures.countries,
      participants: figures.participants,
    });
    await repos.editions.insertFigures(edition.id, 'all', figures);
    await repos.editions.insertFigures(edition.id, 'published', figures);
    await repos.editions.insertRecords(edition.id, records);
    const result = await writeEditionBundle(coordinator(), year, 1, OPTIONS, await freshDir());
    expect(result.wholeRecords).toBe(false);
    expect(result.unexplained).toEqual([]);
    expect(result.checklist[0]?.message).toMatch(/frozen before whole records were kept/);
  });
});
