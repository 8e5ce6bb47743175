import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';
import { openTestApp } from '../testing/engines.js';
import { seedMoneyScenario } from '../testing/money.js';

/** The unit costs of src/testing/money.ts as a semicolon-separated spreadsheet (the separator is detected). */
const UNIT_COSTS_CSV = [
  'kind;region;year;valid_from;currency;amount;note',
  'participant_day;;2031;;IDR;1000000;SBM 2031',
  'expert_day;;2031;;USD;200;',
  'flight;oceania;;2031-01-01;USD;800;',
  'flight;asia;2031;;USD;500;',
].join('\n');

describeCliOnEachEngine('mitra money and mitra export tossd', (mitra, env) => {
  beforeAll(async () => {
    const app = await openTestApp(env().DATABASE_URL ?? '');
    try {
      await seedMoneyScenario(app.deps, { withoutUnitCosts: true });
    } finally {
      await app.close();
    }
  });

  it('imports unit costs from a CSV, all or nothing, naming every bad row', async () => {
    const bad = await mitra(['money', 'unit-costs', 'import', 'bad.csv'], {
      'bad.csv': 'kind,region,year,currency,amount\nflight,,2031,USD,800\nparticipant_day,,2031,XXY,-1\n',
    });
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('bad.csv has 3 problem(s); nothing was written');
    expect(bad.err).toContain('line 2, region:');
    expect(bad.err).toContain('line 3, currency:');
    expect(bad.err).toContain('line 3, amount:');
    expect((await mitra(['money', 'unit-costs', 'list'])).out).toContain('no unit costs recorded');

    const good = await mitra(['money', 'unit-costs', 'import', 'costs.csv'], { 'costs.csv': UNIT_COSTS_CSV });
    expect(good.out).toContain('costs.csv: 4 unit cost(s) added, 0 replaced');
    const list = JSON.parse((await mitra(['money', 'unit-costs', 'list', '--json'])).out) as {
      kind: string;
      region: string | null;
      validFrom: string;
      amountMinor: number;
    }[];
    expect(list.map((u) => [u.kind, u.region, u.validFrom, u.amountMinor])).toEqual([
      ['participant_day', null, '2031-01-01', 100_000_000],
      ['expert_day', null, '2031-01-01', 20_000],
      ['flight', 'asia', '2031-01-01', 50_000],
      ['flight', 'oceania', '2031-01-01', 80_000],
    ]);
  });

  it('sets one unit cost, refusing unknown regions', async () => {
    expect(
      (
        await mitra([
          'money',
          'unit-costs',
          'set',
          '--kind',
          'flight',
          '--region',
          'mars',
          '--year',
          '2031',
          '--currency',
          'USD',
          '--amount',
          '900',
        ])
      ).code,
    ).toBe(3);
    const set = await mitra([
      'money',
      'unit-costs',
      'set',
      '--kind',
      'flight',
      '--region',
      'europe',
      '--valid-from',
      '2031-03-01',
      '--currency',
      'USD',
      '--amount',
      '1200',
    ]);
    expect(set).toMatchObject({ code: 0, out: 'added flight/europe@2031-03-01\n' });
    expect(
      (
        await mitra([
          'money',
          'unit-costs',
          'set',
          '--kind',
          'flight',
          '--region',
          'europe',
          '--valid-from',
          '2031-03-01',
          '--currency',
          'USD',
          '--amount',
          '1100',
        ])
      ).out,
    ).toBe('replaced flight/europe@2031-03-01\n');
  });

  it('prints budget against spending as a table or JSON', async () => {
    const table = await mitra(['money', 'budget', '--group-by', 'year']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/2031\s+4\s+30,000\.00\s+25,000\.00\s+450,000,000\.00\s+380,000,000\.00\s+—/);
    expect(table.out).toMatch(/2032\s+1\s+1,000\.00\s+1,100\.00\s+16,000,000\.00\s+17,600,000\.00\s+110\.0%/);
    expect(table.out).toContain(
      'spent: no exchange rate for JPY (2031-06-20–2031-06-20): JPY 100,000.00 in 1 line(s) left out of IDR AND USD',
    );
    const json = JSON.parse((await mitra(['money', 'budget', '--year', '2031', '--agency', 'ID-MONEY-A', '--json'])).out) as {
      rows: { group: { program: { identifier: string } }; executionRate: number | null }[];
    };
    expect(json.rows.map((r) => [r.group.program.identifier, r.executionRate])).toEqual([
      ['MONEY-P1', 0.75],
      ['MONEY-P2', null],
    ]);
    expect((await mitra(['money', 'budget', '--agency', 'NOPE'])).code).toBe(4);
    expect((await mitra(['money', 'budget', '--group-by', 'country'])).code).toBe(3);
  });

  it('prints the in-kind estimates, labelled as estimates', async () => {
    const run = await mitra(['money', 'in-kind', '--year', '2031']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('ESTIMATED in-kind values');
    expect(run.out).toMatch(/MONEY-P4\s+10 planned\s+3\s+10,000\.00\s+150,000,000\.00\s+estimated/);
    expect(run.out).toMatch(/MONEY-P5\s+2 experts\s+5\s+3,000\.00\s+48,000,000\.00\s+estimated/);
    expect(run.out).toContain('Estimated total (kept apart from spending): USD 13,000.00   IDR 198,000,000.00');
  });

  it('exports the TOSSD CSV of a year to a file or standard output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mitra-tossd-')), 'tossd.csv');
    const run = await mitra(['export', 'tossd', '--year', '2031', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.err).toContain(`wrote 6 row(s) to ${file}`);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]?.startsWith('\uFEFFYear,Reporting country (ISO3),Reporting country,Agency code,Agency,Project number')).toBe(true);
    expect(lines.filter((l) => l.includes('MONEY-P2')).map((l) => l.split(',').at(-3))).toEqual(['3333.34', '3333.33', '3333.33']);
    expect(
      lines
        .find((l) => l.includes('MONEY-P5'))
        ?.split(',')
        .slice(-3),
    ).toEqual(['0.00', '3000.00', '']);
    const stdout = await mitra(['export', 'tossd', '--year', '2031']);
    expect(stdout.out.split('\n').filter((l) => l.includes('MONEY-'))).toHaveLength(6);
    expect((await mitra(['export', 'tossd'])).code).toBe(2);
  });
});
