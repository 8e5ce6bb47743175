import { describe, expect, it } from 'vitest';
import { reconcile, reconciliationSheets, unexplainedDifferences } from './reconcile.js';
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
