import { createReadStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { iatiActivitySource } from './iati-read.js';
import { iatiDocument } from './iati-write.js';
import { describeEachEngine } from '../testing/engines.js';
import { exportIati } from '../services/iati-export.js';
import { importIati } from '../services/import-iati.js';
import type { ServiceDeps } from '../services/deps.js';

const SAMPLES = resolve(process.cwd(), '../shared/reference/iati/samples');
const PUBLISHER = { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' };
const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-import-'));

const importSample = (deps: ServiceDeps, name: string, options: { allOrNothing?: boolean; as?: string } = {}) => {
  const path = join(SAMPLES, name);
  return importIati(deps, iatiActivitySource(options.as ?? name, createReadStream(path), { maxBytes: 256 * 1024 * 1024 }), {
    allOrNothing: options.allOrNothing,
    ownReportingRef: PUBLISHER.ref,
  });
};

async function exportAll(deps: ServiceDeps, path: string): Promise<void> {
  const { page: _p, pageSize: _s, ...query } = programListQuerySchema.parse({ sort: 'identifier' });
  const exported = await exportIati(deps, query, PUBLISHER);
  let xml = '';
  for await (const chunk of iatiDocument(exported.generatedAt, exported.activities)) xml += chunk;
  writeFileSync(path, xml);
}

if (!existsSync(SAMPLES)) {
  describe('IATI import of the real samples', () => {
    it.skip('needs ../shared/reference/iati/samples (absent here)', () => {});
  });
} else {
  describeEachEngine('IATI import of the real samples', (app) => {
    it('imports Action Against Hunger Spain (2.02) and CAF (2.03, Spanish titles, regions) as other providers, idempotently', async () => {
      const { repos } = app().deps.store;
      const ownBefore = await repos.programs.count();
      const acf = await importSample(app().deps, 'acfspain-ph.xml');
      expect(acf).toMatchObject({ status: 'committed', rows: 6, inserted: 6, errorCount: 0 });
      expect(acf.file).toMatchObject({
        iatiVersion: '2.02',
        publishers: [{ publisher: 'ES-CIF-G81164105', activities: 6, provider: false }],
      });
      const caf = await importSample(app().deps, 'CAF-ActivityFile-2025-10-10.xml');
      expect(caf).toMatchObject({ status: 'committed', rows: 478, inserted: 478, errorCount: 0 });
      const again = await importSample(app().deps, 'CAF-ActivityFile-2025-10-10.xml');
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 478 });
      // Kept apart: not one own program more; two datasets of two publishers.
      expect(await repos.programs.count()).toBe(ownBefore);
      const datasets = await repos.otherProviders.datasets();
      expect(datasets.map((d) => [d.publisherRef, d.fileName, d.activities])).toEqual([
        ['XM-DAC-46008', 'CAF-ActivityFile-2025-10-10.xml', 478],
        ['ES-CIF-G81164105', 'acfspain-ph.xml', 6],
      ]);
      // The same file under another name is the same source: its activities move, no duplicate.
      const renamed = await importSample(app().deps, 'acfspain-ph.xml', { as: 'acf-latest.xml' });
      expect(renamed).toMatchObject({ status: 'committed', inserted: 0, updated: 6 });
      const after = await repos.otherProviders.datasets();
      expect(after.map((d) => [d.publisherRef, d.fileName, d.activities])).toEqual([
        ['ES-CIF-G81164105', 'acf-latest.xml', 6],
        ['XM-DAC-46008', 'CAF-ActivityFile-2025-10-10.xml', 478],
      ]);
      expect((await repos.otherProviders.list({ page: 1, pageSize: 1 })).total).toBe(484);
    });

    it('imports all 4,313 activities of the 52 MB USAID file, warning of the 59 that break IATI rules, and re-imports nothing', async () => {
      const { repos } = app().deps.store;
      const ownBefore = await repos.programs.count();
      const usaid = await importSample(app().deps, 'usaid-19-countries-2025-04-03.merged.xml');
      expect(usaid).toMatchObject({ status: 'committed', rows: 4313, inserted: 4313, errorCount: 0 });
      const summaries = usaid.warnings.filter((w) => w.code === 'iati_rule_summary').map((w) => [w.params.rule, w.params.activities]);
      expect(summaries).toEqual([
        ['7.5.3', 49],
        ['1.3.13', 10],
      ]);
      expect(usaid.file).toMatchObject({ warnedActivities: 59, refused: 0 });
      const slash = await repos.otherProviders.list({ q: 'US-GOV-1-511-IL-0660.00/2012/086', page: 1, pageSize: 5 });
      expect(slash.items).toEqual([expect.objectContaining({ warningCount: 1, prefixOk: true })]);
      const stored = await repos.otherProviders.get(slash.items[0]!.id);
      expect(stored?.warnings).toEqual([expect.objectContaining({ field: 'iati-identifier', rule: '1.3.13' })]);
      const transactionsOnly = await repos.otherProviders.list({ q: 'US-GOV-1-00008MO000177', page: 1, pageSize: 1 });
      const detail = await repos.otherProviders.get(transactionsOnly.items[0]!.id);
      expect(detail?.record.data.recipients.length).toBeGreaterThan(0);
      expect(detail?.record.details).toMatchObject({ reportingOrg: { ref: 'US-GOV-1' }, recipientsFromTransactions: true });
      // Own programs, reports and exports do not see it.
      expect(await repos.programs.count()).toBe(ownBefore);
      const again = await importSample(app().deps, 'usaid-19-countries-2025-04-03.merged.xml');
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 4313 });
      // The own IATI export holds none of it.
      const path = join(dir, 'all.xml');
      await exportAll(app().deps, path);
      expect(readFileSync(path, 'utf8')).not.toContain('US-GOV-1');
    }, 180_000);
  });
}
