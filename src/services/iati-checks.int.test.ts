import { beforeAll, expect, it } from 'vitest';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { loadDemoData } from './demo/load-demo.js';
import { createProgram } from './programs.js';
import { checkIatiActivities, checkProgramIati, summarizeIatiChecks } from './iati-checks.js';
import { exportIati } from './iati-export.js';
import { describeEachEngine } from '../testing/engines.js';
import { aProgram } from '../testing/builders.js';

const PUBLISHER = { ref: 'ID-NCT-SSTC', nameEn: 'National Coordination Team', nameId: 'Tim Koordinasi Nasional', type: '10' };
const allPrograms = () => {
  const { page: _p, pageSize: _s, ...query } = programListQuerySchema.parse({ sort: 'identifier' });
  return query;
};

describeEachEngine('IATI checks', (app) => {
  beforeAll(async () => {
    await loadDemoData(app().deps);
  });

  it('checks every demo program and sums the findings up per implementing agency', async () => {
    const summary = await summarizeIatiChecks(app().deps, allPrograms(), PUBLISHER);
    expect(summary.programs).toBe(35);
    expect(summary.agencies.reduce((n, a) => n + a.programs, 0)).toBe(35);
    expect(summary.rules).toEqual({ translated: 107, untranslated: 0 });
    expect(summary.agencies.find((a) => a.implementingOrg === 'ID-KEMLU')).toMatchObject({
      name: 'Ministry of Foreign Affairs',
      programs: 18,
    });
    // The one program without a date breaks rule 6.11.1 (and is left out of the IATI file).
    expect(summary.undated).toBe(1);
    expect(summary.failing.filter((f) => f.firstError.startsWith('6.11.1 '))).toHaveLength(1);
    // The demo's programs record no sector: rule 6.2.2 (a sector at activity or transaction level).
    const rules = new Set(summary.agencies.flatMap((a) => a.topRules.map((r) => `${r.severity} ${r.ruleId}`)));
    // ID-NCT-SSTC does not begin with a registered agency code (OrganisationRegistrationAgency): rule 1.14.8, a warning.
    expect([...rules].sort()).toEqual(['error 6.11.1', 'error 6.2.2', 'warning 1.14.8']);
  });

  it('checks the activities of an export as they would be published', async () => {
    const exported = await exportIati(app().deps, allPrograms(), PUBLISHER);
    const results = [];
    for await (const page of exported.activities) results.push(...checkIatiActivities(page, '2026-12-07T00:00:00Z'));
    expect(results).toHaveLength(34);
    expect(results.every((r) => r.identifier.startsWith('ID-NCT-SSTC-'))).toBe(true);
    const errors = new Set(
      results
        .flatMap((r) => r.findings)
        .filter((f) => f.severity === 'error')
        .map((f) => f.ruleId),
    );
    expect([...errors]).toEqual(['6.2.2']);
  });

  it('finds exactly the rules a program was made to break: a budget over a year, sectors summing to 66, a space in the identifier', async () => {
    const deps = app().deps;
    const id = await createProgram(
      deps,
      programInputSchema.parse({
        ...aProgram(),
        sectors: [
          { vocabulary: '1', code: '31320', percentage: 50 },
          { vocabulary: '1', code: '31391', percentage: 50 },
        ],
        budgets: [{ type: 1, status: 1, periodStart: '2018-01-01', periodEnd: '2018-12-31', amount: 1_000_000, currency: 'USD' }],
      }),
    ).then((p) => p.id);
    const before = await checkProgramIati(deps, id, PUBLISHER);
    // What the forms refuse, a database edited by hand (or an old import) may hold.
    const db = app().database.db;
    await db.updateTable('activities').set({ identifier: 'TEST BROKEN' }).where('id', '=', id).execute();
    await db.updateTable('activity_sectors').set({ percentage: 33 }).where('activity_id', '=', id).execute();
    await db.updateTable('budgets').set({ period_end: '2019-06-30' }).where('activity_id', '=', id).execute();
    const after = await checkProgramIati(deps, id, PUBLISHER);
    const added = after.findings.filter((f) => !before.findings.some((b) => b.ruleId === f.ruleId && b.field === f.field));
    expect(added.map((f) => [f.ruleId, f.severity, f.field]).sort()).toEqual([
      ['1.3.1', 'warning', 'iati-identifier'],
      ['2.1.2', 'error', 'sector @percentage'],
      ['7.5.3', 'error', 'budget / period-end @iso-date'],
    ]);
    expect(added.find((f) => f.ruleId === '2.1.2')?.hint).toBe('the percentages sum to 66, not 100');
    expect(after.errors).toBe(before.errors + 2);
    expect(after.identifier).toBe('ID-NCT-SSTC-TEST BROKEN');
  });
});
