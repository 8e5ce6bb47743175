import { describe, expect, it } from 'vitest';
import { bundleContext, frozenProgram, spending } from '../../testing/frozen-program.js';
import { buildAnnualSummary } from '../report/summary.js';
import { IatiTotals, ReportOutput } from './report-output.js';

/** A summary with the given spending totals (the rest is not read by the report output). */
function summaryWith(programs: number, usdMinor: number, idrMinor: number, currencies = 1) {
  const s = buildAnnualSummary(2018, {
    programs,
    countries: 1,
    participantsBySource: [],
    programsWithSplitTotals: 0,
    programsWithoutRecipients: 0,
    regions: [],
    regionParticipants: [],
    recipientPrograms: [],
    recipientParticipants: [],
    groups: [],
    partners: [],
    spending: [],
    groupings: [],
  });
  return {
    ...s,
    spending: {
      ...s.spending,
      usdMinor,
      idrMinor,
      byCurrency: Array.from({ length: currencies }, (_, i) => ({ currency: `C${i}`, amountMinor: 0, transactions: 1 })),
    },
  };
}

const tx = (currency: string) => ({ type: '3', date: '2018-03-01', amountMinor: 1, currency, valueDate: null, description: null });

describe('the annual report as a bundle output', () => {
  it('lists the programs by start date with their agency’s name, sums participants by sex and the in-kind estimates', () => {
    const report = new ReportOutput(bundleContext(), summaryWith(3, 0, 0));
    report.add([
      frozenProgram({
        program: { identifier: 'B', titleEn: 'Second', actualStart: '2018-09-01', implementingOrg: 'MOFA' },
        participants: 5,
        participantsBySex: { F: 3, M: 1, X: 1, unrecorded: 0 },
      }),
      frozenProgram({
        program: { identifier: 'A', titleEn: 'First', actualStart: '2018-02-01', implementingOrg: 'NOPE' },
        participants: 7,
      }),
      frozenProgram({ program: { identifier: 'C', titleId: null }, inKind: { usdMinor: 12_345, idrMinor: 1 }, inKindGap: null }),
    ]);
    const extras = report.extras();
    expect(extras.programs.map((p) => [p.identifier, p.agencyEn, p.agencyId])).toEqual([
      ['A', 'NOPE', 'NOPE'],
      ['C', 'ID-KKP', 'ID-KKP'],
      ['B', 'Ministry of Foreign Affairs', 'Kementerian Luar Negeri'],
    ]);
    expect(extras.bySex).toEqual({ F: 3, M: 1, X: 1, unrecorded: 7 });
    expect(extras.inKindUsdMinor).toBe(12_345);
    const { checklist } = report.finish();
    expect(checklist).toEqual([
      { output: 'report', field: 'title (Indonesian)', identifier: 'C', message: expect.stringMatching(/no Indonesian title/) as unknown },
    ]);
  });

  it('explains a rounding difference between per-program and per-group conversion, within half a cent per conversion', () => {
    const pages = [
      frozenProgram({ spent: spending(10_01, 150_150_00), program: { transactions: [tx('EUR')] } }),
      frozenProgram({ spent: spending(20_00, 300_000_00), program: { transactions: [tx('EUR')] } }),
    ];
    const within = new ReportOutput(bundleContext(), summaryWith(2, 30_00, 450_150_00));
    within.add(pages);
    expect(within.finish().totals.exclusions).toEqual([
      expect.objectContaining({ rule: 'conversion_rounding', amounts: { usdMinor: 1, idrMinor: 0 } }),
    ]);
    // A difference of a dollar is no rounding: nothing explains it.
    const beyond = new ReportOutput(bundleContext(), summaryWith(2, 29_01, 450_150_00));
    beyond.add(pages);
    expect(beyond.finish().totals.exclusions).toEqual([]);
  });
});

describe('the IATI activity file as a bundle output', () => {
  it('leaves out programs with no date, with the countries only they had', () => {
    const iati = new IatiTotals();
    iati.add([
      frozenProgram({ spent: spending(100, 1_500_000) }),
      frozenProgram({
        program: {
          plannedStart: null,
          plannedEnd: null,
          actualStart: null,
          actualEnd: null,
          recipients: [
            { country: 'FJ', percentage: null },
            { country: 'KE', percentage: null },
          ],
        },
        spent: spending(50, 750_000),
      }),
    ]);
    const { totals, checklist } = iati.finish();
    expect(totals.totals).toEqual({
      programs: 1,
      countries: 1,
      participants: null,
      usdMinor: 100,
      idrMinor: 1_500_000,
      inKindUsdMinor: null,
    });
    expect(totals.exclusions).toEqual([
      expect.objectContaining({ rule: 'iati_no_activity_date', amounts: { programs: 1, countries: 1, usdMinor: 50, idrMinor: 750_000 } }),
    ]);
    expect(checklist.map((c) => c.field)).toEqual(['activity-date']);
  });
});
