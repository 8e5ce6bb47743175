import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra iati check',
  (mitra) => {
    it('prints the summary per agency and the programs with errors, and exits with 3 when there are errors', async () => {
      const run = await mitra(['iati', 'check', '--year', '2016']);
      expect(run.code, run.err).toBe(3);
      expect(run.out).toMatch(/^6 programs checked against 107 IATI rules and the codelists: 6 with errors/);
      expect(run.out).toMatch(/ID-KEMLU\s+\|?\s*\d+/);
      // The demo's programs record no sector (IATI rule 6.2.2).
      expect(run.out).toContain('6.2.2 sector');
      const asJson = await mitra(['iati', 'check', '--year', '2016', '--json']);
      const summary = JSON.parse(asJson.out) as { programs: number; agencies: { implementingOrg: string }[] };
      expect(summary.programs).toBe(6);
      expect(summary.agencies.length).toBeGreaterThan(0);
    });

    it('exits with 0 when no program has an error, and refuses a bad filter', async () => {
      const none = await mitra(['iati', 'check', '--year', '2001']);
      expect(none.code, none.err).toBe(0);
      expect(none.out).toMatch(/^0 programs checked/);
      const bad = await mitra(['iati', 'check', '--stage', 'dreaming']);
      expect(bad.code).toBe(3);
      expect(bad.err).toMatch(/stage/);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
