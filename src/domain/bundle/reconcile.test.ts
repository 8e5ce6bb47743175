import { describe, expect, it } from 'vitest';
import { checklistSummary, reconcile, reconciliationSheets, unexplainedDifferences } from './reconcile.js';
import type { HeadlineTotals, OutputTotals } from './types.js';

const ledger: HeadlineTotals = {
  programs: 10,
  countries: 6,
  participants: 200,
  usdMinor: 1_000_00,
  idrMinor: 15_000_000_00,
  inKindUsdMinor: 50_00,
};

const tossd: OutputTotals = {
  output: 'tossd',
  totals: { programs: 9, countries: 5, participants: null, usdMinor: 900_00, idrMinor: null, inKindUsdMinor: 50_00 },
  exclusions: [
    { rule: 'tossd_ineligible_recipient', explanation: 'not eligible', amounts: { programs: 1, countries: 1, usdMinor: 100_00 } },
  ],
};

describe('the reconciliation of a bundle', () => {
  it('explains each difference by its rules and leaves the headlines a standard does not carry aside', () => {
    const rows = reconcile(ledger, [tossd]);
    expect(rows.map((r) => [r.headline, r.output_total, r.explained, r.unexplained])).toEqual([
      ['programs', 9, 1, 0],
      ['countries', 5, 1, 0],
      ['participants', null, 0, 0],
      ['usdMinor', 900_00, 100_00, 0],
      ['idrMinor', null, 0, 0],
      ['inKindUsdMinor', 50_00, 0, 0],
    ]);
    expect(unexplainedDifferences(rows)).toEqual([]);
  });

  it('finds a difference no rule explains, in either direction', () => {
    const short: OutputTotals = { ...tossd, totals: { ...tossd.totals, usdMinor: 899_99 } };
    const over: OutputTotals = { ...tossd, output: 'un', totals: { ...tossd.totals, programs: 10 } };
    const found = unexplainedDifferences(reconcile(ledger, [short, over]));
    expect(found.map((r) => [r.output, r.headline, r.unexplained])).toEqual([
      ['tossd', 'usdMinor', 1],
      ['un', 'programs', -1],
    ]);
  });

  it('shows money in units and marks each row', () => {
    const [totals, rules] = reconciliationSheets(ledger, [tossd]);
    expect(totals?.rows[3]).toEqual(['TOSSD reporting file', 'Spent (USD)', 1000, 900, 100, 0, 'explained']);
    expect(totals?.rows[2]?.[6]).toBe('not carried by this standard');
    expect(totals?.rows[5]?.[6]).toBe('equal');
    expect(rules?.rows).toEqual([['TOSSD reporting file', 'tossd_ineligible_recipient', 'not eligible', 1, 1, null, 100, null, null]]);
  });
});

describe('the checklist summary', () => {
  it('groups the items by output and field with the number of programs and the first of them', () => {
    const items = [
      ...Array.from({ length: 12 }, (_, i) => ({
        output: 'tossd' as const,
        field: 'purposecode',
        identifier: `P-${i + 1}`,
        message: 'No DAC code.',
      })),
      { output: 'segib' as const, field: 'Executed cost (USD)', identifier: null, message: 'recipients’ own costs are not recorded' },
      { output: 'tossd' as const, field: 'Year', identifier: null, message: 'before 2019' },
    ];
    expect(checklistSummary(items).rows).toEqual([
      ['TOSSD reporting file', 'purposecode', 12, 'No DAC code.', 'P-1, P-2, P-3, P-4, P-5, P-6, P-7, P-8, P-9, P-10, …'],
      ['SEGIB-style sheet', 'Executed cost (USD)', 0, 'recipients’ own costs are not recorded', ''],
      ['TOSSD reporting file', 'Year', 0, 'before 2019', ''],
    ]);
  });
});
