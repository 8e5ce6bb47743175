import { createReadStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { iatiActivitySource } from './iati-read.js';
import { importIati } from '../services/import-iati.js';
import type { AppContext } from '../main.js';
import { describeEachEngine } from '../testing/engines.js';

const SAMPLES = resolve(process.cwd(), '../shared/reference/iati/samples');
const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-totals-'));

const importFile = (app: AppContext, path: string, as: string) =>
  importIati(app.deps, iatiActivitySource(as, createReadStream(path), { maxBytes: 64 * 1024 * 1024 }), { ownReportingRef: 'ID-NCT-SSTC' });

const rows = (r: { rows: Record<string, unknown>[] }) =>
  r.rows.map((row) => Object.values(row).map((v) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v)));

/** The totals as kept, and as summing the facts gives them: they must be the same. */
async function expectTotalsOfFacts(app: AppContext): Promise<number> {
  const db = app.database.db;
  const kept = await sql<
    Record<string, unknown>
  >`select country_code, year, publisher_id, currency, fact_rows, starts, budget_minor, spend_minor
    from iati_country_totals order by country_code, year, publisher_id, currency`.execute(db);
  const summed = await sql<
    Record<string, unknown>
  >`select country_code, year, publisher_id, currency, count(*) as n, sum(starts) as s, sum(budget_minor) as b, sum(spend_minor) as p
    from iati_activity_facts group by country_code, year, publisher_id, currency order by country_code, year, publisher_id, currency`.execute(
    db,
  );
  expect(rows(kept)).toEqual(rows(summed));
  const keptSectors = await sql<Record<string, unknown>>`select country_code, year, publisher_id, vocabulary, code, activities
    from iati_country_sector_totals order by country_code, year, publisher_id, vocabulary, code`.execute(db);
  const summedSectors = await sql<
    Record<string, unknown>
  >`select f.country_code, f.year, f.publisher_id, s.vocabulary, s.code, count(distinct f.activity_id) as n
    from iati_activity_facts f join iati_activity_sectors s on s.activity_id = f.activity_id where f.starts > 0
    group by f.country_code, f.year, f.publisher_id, s.vocabulary, s.code order by f.country_code, f.year, f.publisher_id, s.vocabulary, s.code`.execute(
    db,
  );
  expect(rows(keptSectors)).toEqual(rows(summedSectors));
  return kept.rows.length;
}

if (!existsSync(SAMPLES)) {
  describe('comparison totals of other providers', () => {
    it.skip('needs ../shared/reference/iati/samples (absent here)', () => {});
  });
} else {
  describeEachEngine('comparison totals of other providers', (app) => {
    it('stay the sums of the facts through inserts, moves, replacements and a deleted dataset', async () => {
      const acf = join(SAMPLES, 'acfspain-ph.xml');
      const caf = join(SAMPLES, 'CAF-ActivityFile-2025-10-10.xml');
      expect(await importFile(app(), acf, 'acfspain-ph.xml')).toMatchObject({ status: 'committed', inserted: 6 });
      expect(await importFile(app(), caf, 'caf.xml')).toMatchObject({ status: 'committed', inserted: 478 });
      expect(await expectTotalsOfFacts(app())).toBeGreaterThan(50);
      // The same activities in a renamed file: they move to its dataset.
      expect(await importFile(app(), acf, 'acf-latest.xml')).toMatchObject({ status: 'committed', updated: 6 });
      await expectTotalsOfFacts(app());
      // CAF's activities now all for Peru: replaced, their facts and sectors with them.
      const peru = join(dir, 'caf-peru.xml');
      writeFileSync(peru, readFileSync(caf, 'utf8').replace(/<recipient-country code="[A-Z]{2}"/g, '<recipient-country code="PE"'));
      const replaced = await importFile(app(), peru, 'caf.xml');
      expect(replaced).toMatchObject({ status: 'committed', inserted: 0 });
      expect(replaced.updated).toBeGreaterThan(100);
      await expectTotalsOfFacts(app());
      const compared = await app().deps.store.repos.otherProviders.compare('PE', 1990, 2100);
      expect(compared.length).toBeGreaterThan(0);
      // A deleted dataset takes its totals with it.
      const datasets = await app().deps.store.repos.otherProviders.datasets();
      const cafSet = datasets.find((d) => d.fileName === 'caf.xml');
      expect(cafSet).toBeDefined();
      await app().deps.store.repos.otherProviders.deleteDataset(cafSet?.id ?? 0);
      await expectTotalsOfFacts(app());
      expect(await app().deps.store.repos.otherProviders.compare('PE', 1990, 2100)).toEqual([]);
    });
  });
}
