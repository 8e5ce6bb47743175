import { describe, expect, it } from 'vitest';
import { listCountries } from '../../domain/reference/countries.js';
import { buildAnnualSummary, type SummaryAggregates } from '../../domain/report/summary.js';
import { annualReportTables } from '../../domain/report/tables.js';
import { numberKind, renderAnnualReportPdf } from './annual-report.js';
import { barChartSvg } from './charts.js';
import { worldMapSvg } from './world-map-svg.js';

/** A year with a program in each of the first `countries` countries of the reference table. */
function aggregates(countries: number): SummaryAggregates {
  const recipients = listCountries()
    .filter((c) => c.region)
    .slice(0, countries);
  return {
    programs: countries,
    countries,
    participantsBySource: [{ source: 'totals', programs: countries, participants: countries * 10 }],
    programsWithSplitTotals: 0,
    programsWithoutRecipients: 0,
    regions: [{ region: 'asia', programs: countries, countries }],
    regionParticipants: [{ region: 'asia', participants: countries * 10 }],
    recipientPrograms: recipients.map((c, i) => ({ country: c.iso2, programs: 1 + (i % 4) })),
    recipientParticipants: recipients.map((c) => ({ country: c.iso2, participants: 10 })),
    groups: [
      { modality: 'training', flagshipArea: 'DEV-AGR', cooperationType: 'bilateral', programs: countries, participants: countries * 10 },
    ],
    partners: [],
    spending: [
      {
        currency: 'IDR',
        currencyRate: 15_000,
        idrRate: 15_000,
        amountMinor: 15_000_000_000,
        transactions: 1,
        firstDate: '2020-01-02',
        lastDate: '2020-01-02',
      },
    ],
    groupings: [],
  };
}

describe('annual report PDF', () => {
  it('shows the year as it is and the two totals with decimals, as the summary table orders its rows', () => {
    const rows = annualReportTables(buildAnnualSummary(2020, aggregates(3)), 'en').find((t) => t.key === 'summary')?.rows ?? [];
    const kinds = rows.map((r, i) => [r[0], numberKind('summary', i, 1)]);
    expect(kinds[0]).toEqual(['Year', 'plain']);
    expect(kinds.slice(-2)).toEqual([
      ['Total in USD', 'amount'],
      ['Total in IDR', 'amount'],
    ]);
    expect(kinds.slice(1, -2).every(([, kind]) => kind === 'count')).toBe(true);
  });

  it('draws charts and the map with hex or rgb colours only (hsl() renders black in PDFs)', () => {
    const chart = barChartSvg({ categories: ['Asia', 'Oseania'], values: [3, 5], colour: '#1f6f8b', width: 240, formatValue: String });
    const map = worldMapSvg(
      new Map([
        ['TL', 4],
        ['WS', 1],
      ]),
    );
    for (const svg of [chart, map]) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/hsla?\(/);
    }
    expect(chart).toContain('Oseania');
    // One path per colour: the globe, grey countries, Timor-Leste darkest (the largest value);
    // Samoa, too small at 1:110m, is a dot.
    expect(map.match(/<path /g)).toHaveLength(3);
    expect(map).toMatch(/<path d="M[^"]+" fill="#08519c"/);
    expect(map.match(/M/g)?.length).toBeGreaterThan(177);
    expect(map.match(/<circle /g)).toHaveLength(1);
  });

  // How long it takes is measured by bench/annual-pdf.ts (docs/benchmarks.md), not asserted here:
  // a timed assertion fails on a loaded shared machine without anything being wrong.
  it('renders a year with 150 recipient countries over several pages', async () => {
    const summary = buildAnnualSummary(2020, aggregates(150));
    const options = { stages: undefined, generatedAt: '2026-11-28T09:00:00.000Z' };
    for (const lang of ['en', 'id'] as const) {
      const pdf = await renderAnnualReportPdf(summary, lang, options);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(6);
    }
  });
});
