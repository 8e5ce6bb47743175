/**
 * The analytics summary tables stay equal to a rebuild through imports: generated programs and
 * participants (CSV), the same programs again (updates), exchange rates, and an IATI file.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { RATE_COLUMNS } from '../domain/import/csv-columns.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import { importPrograms } from '../services/import-programs.js';
import { importIati } from '../services/import-iati.js';
import { importParticipants } from '../services/import-participants.js';
import type { SyntheticOptions } from '../services/synthetic.js';
import { generatedCsv } from '../testing/generated-programs.js';
import { expectAnalyticsConsistent } from '../testing/analytics-cube.js';
import { describeEachEngine } from '../testing/engines.js';
import { csvRecordSource } from './csv-read.js';
import { csvRow } from './csv-write.js';
import { iatiActivitySource } from './iati-read.js';

// More programs than one refresh chunk (500), so that the import counts participant records in one pass.
const options: SyntheticOptions = { activities: 700, participants: 4000, fromYear: 2015, toYear: 2024, seed: 7, currentYear: 2026 };
const source = (name: string, text: string) =>
  csvRecordSource(
    name,
    (async function* () {
      yield text;
    })(),
    { maxBytes: 64 * 1024 * 1024 },
  );

const ACF = resolve(process.cwd(), '../shared/reference/iati/samples/acfspain-ph.xml');

describeEachEngine('analytics summary tables through imports', (app) => {
  it('match a rebuild after CSV imports, a re-import, exchange rates and an IATI file', async () => {
    const files = generatedCsv(options);
    const deps = app().deps;
    expect((await importPrograms(deps, source('activities.csv', files.activities), { providerCountry: 'ID' })).status).toBe('committed');
    expect((await importParticipants(deps, source('participants.csv', files.participants), { providerCountry: 'ID' })).status).toBe(
      'committed',
    );
    await expectAnalyticsConsistent(app());
    // The facts the import wrote (records counted in one pass) equal those of small refreshes.
    const facts = () =>
      app()
        .database.db.selectFrom('activity_country_facts')
        .select(['activity_id', 'country_code', 'participants', 'source'])
        .orderBy('activity_id')
        .orderBy('country_code')
        .execute();
    const imported = await facts();
    const ids = [...new Set(imported.map((f) => f.activity_id))];
    for (let i = 0; i < ids.length; i += 100) await deps.store.transaction((repos) => repos.reportFacts.refresh(ids.slice(i, i + 100)));
    expect(await facts()).toEqual(imported);
    expect(imported.filter((f) => f.source === 'records').length).toBeGreaterThan(100);
    // The same programs again, one in three moved to another flagship area by the file.
    const changed = files.activities.replace(/DEV-AGR/g, 'DEV-DRM');
    const again = await importPrograms(deps, source('activities.csv', changed), { providerCountry: 'ID' });
    expect(again.status).toBe('committed');
    expect(again.updated).toBeGreaterThan(30);
    const rates =
      csvRow(RATE_COLUMNS.filter((c) => c !== 'source')) +
      csvRow(['IDR', '2015-01-01', '13389.41']) +
      csvRow(['IDR', '2020-01-01', '14582.2']) +
      csvRow(['EUR', '2015-01-01', '0.9013']);
    expect((await importExchangeRates(deps, source('rates.csv', rates))).status).toBe('committed');
    await expectAnalyticsConsistent(app());
    if (existsSync(ACF)) {
      const report = await importIati(deps, iatiActivitySource('acfspain-ph.xml', createReadStream(ACF), { maxBytes: 64 * 1024 * 1024 }), {
        ownReportingRef: 'ID-NCT-SSTC',
      });
      expect(report.status).toBe('committed');
      await expectAnalyticsConsistent(app());
    }
  }, 120_000);
});
