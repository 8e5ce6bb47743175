import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { iatiActivitySource } from './iati-read.js';
import { iatiDocument } from './iati-write.js';
import { describeEachEngine } from '../testing/engines.js';
import { canValidateIati, xsdErrors } from '../testing/iati.js';
import { exportIati } from '../services/iati-export.js';
import { importIati } from '../services/import-iati.js';
import type { ServiceDeps } from '../services/deps.js';

const SAMPLES = resolve(process.cwd(), '../shared/reference/iati/samples');
const PUBLISHER = { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' };
const dir = mkdtempSync(join(tmpdir(), 'mitra-iati-import-'));

const importSample = (deps: ServiceDeps, name: string, partial = false) => {
  const path = join(SAMPLES, name);
  return importIati(deps, iatiActivitySource(name, createReadStream(path), { maxBytes: 256 * 1024 * 1024 }), {
    partial,
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
    it('imports Action Against Hunger Spain (2.02) and CAF (2.03, Spanish titles, regions), idempotently', async () => {
      const acf = await importSample(app().deps, 'acfspain-ph.xml');
      expect(acf).toMatchObject({ status: 'committed', rows: 6, inserted: 6, errorCount: 0 });
      expect(acf.file).toMatchObject({ iatiVersion: '2.02' });
      const caf = await importSample(app().deps, 'CAF-ActivityFile-2025-10-10.xml');
      expect(caf).toMatchObject({ status: 'committed', rows: 478, inserted: 478, errorCount: 0 });
      const again = await importSample(app().deps, 'CAF-ActivityFile-2025-10-10.xml');
      expect(again).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 478 });
      expect(await app().deps.store.repos.programs.count()).toBe(484);
    });

    it('imports the 52 MB USAID file: 59 activities break IATI rules, so nothing without --partial, the other 4,254 with it', async () => {
      const strict = await importSample(app().deps, 'usaid-19-countries-2025-04-03.merged.xml');
      expect(strict).toMatchObject({ status: 'rejected', rows: 4313, rejectedRows: 59 });
      expect(strict.errors.filter((e) => e.column === 'iati-identifier')).toHaveLength(10);
      expect(strict.errors.filter((e) => e.message === 'a budget period must not be longer than one year')).toHaveLength(49);
      expect(await app().deps.store.repos.programs.count()).toBe(484);
      const partial = await importSample(app().deps, 'usaid-19-countries-2025-04-03.merged.xml', true);
      expect(partial).toMatchObject({ status: 'committed', rows: 4313, inserted: 4254, rejectedRows: 59 });
      const usaid = await app().deps.store.repos.programs.findByIdentifier('US-GOV-1-00008MO000177');
      expect(usaid?.recipients.length).toBeGreaterThan(0);
      expect(usaid?.iatiDetails).toMatchObject({ reportingOrg: { ref: 'US-GOV-1' }, recipientsFromTransactions: true });
      const path = join(dir, 'all.xml');
      await exportAll(app().deps, path);
      if (canValidateIati) expect(xsdErrors(path)).toBe('');
    }, 180_000);
  });
}
