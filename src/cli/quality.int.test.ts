import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra quality',
  (mitra) => {
    it('lists the rules, prints a year’s scorecard per agency, and one program’s findings', async () => {
      const rules = await mitra(['quality', 'rules']);
      expect(rules.code, rules.err).toBe(0);
      expect(rules.out).toMatch(/^code\s+kind\s+dimension/);
      expect(rules.out).toMatch(/completion_on_time\s+days_between\s+timeliness\s+required\s+3\s+on/);

      const card = await mitra(['quality', 'scorecard', '--year', '2016']);
      expect(card.code, card.err).toBe(0);
      expect(card.out).toMatch(/^data quality 2016, evaluated on \d{4}-\d\d-\d\d with 27 rules: 6 programs, score \d+\.\d/);
      expect(card.out).toMatch(/ID-POLRI\s+2\s+2\s+\d+\.\d/);

      const asJson = JSON.parse((await mitra(['quality', 'scorecard', '--year', '2016', '--json'])).out) as {
        total: { programs: number; mostToFix: { programId: number; identifier: string }[] };
      };
      expect(asJson.total.programs).toBe(6);
      const first = asJson.total.mostToFix[0];
      if (!first) throw new Error('the demo year 2016 has programs to fix');
      const program = await mitra(['quality', 'program', String(first.programId)]);
      expect(program.code, program.err).toBe(0);
      expect(program.out).toContain(`${first.identifier}: score`);
      // The demo's programs record no sector.
      expect(program.out).toContain('- sectors (recommended, weight 1, sectors): Record the sectors.');
    });

    it('switches a rule off and back on, and refuses params that do not fit its kind', async () => {
      const score = async () =>
        (JSON.parse((await mitra(['quality', 'scorecard', '--year', '2016', '--json'])).out) as { total: { score: number } }).total.score;
      const before = await score();
      const off = await mitra(['quality', 'rule', 'sectors', '--disable']);
      expect(off.code, off.err).toBe(0);
      expect(off.out).toMatch(/sectors\s+field_present\s+completeness\s+recommended\s+1\s+off/);
      expect(await score()).toBeGreaterThan(before);
      expect((await mitra(['quality', 'rule', 'sectors', '--enable'])).code).toBe(0);
      expect(await score()).toBe(before);

      const bad = await mitra(['quality', 'rule', 'stage_not_stale', '--params', '{"months":0}']);
      expect(bad.code).toBe(3);
      expect(bad.err).toContain('params.months');
      const unknown = await mitra(['quality', 'rule', 'no_such_rule', '--weight', '2']);
      expect(unknown.code).not.toBe(0);
      expect(unknown.err).toContain('no_such_rule');
    });

    it('writes the scorecard as CSV and XLSX', async () => {
      const csv = await mitra(['quality', 'scorecard', '--year', '2017', '--format', 'csv']);
      expect(csv.code, csv.err).toBe(0);
      expect(csv.out.split('\n')[0]).toMatch(/^Agency,Name,Programs,/);
      const files: Record<string, string | Uint8Array> = {};
      const xlsx = await mitra(['quality', 'scorecard', '--year', '2017', '--format', 'xlsx', '--out', 'q.xlsx'], files);
      expect(xlsx.code, xlsx.err).toBe(0);
      expect(new TextDecoder().decode((files['q.xlsx'] as Uint8Array).subarray(0, 2))).toBe('PK');
      expect((await mitra(['quality', 'scorecard', '--year', '2017', '--format', 'xlsx'])).code).toBe(3);
    });
  },
  async (mitra) => {
    await mitra(['demo']);
  },
);
