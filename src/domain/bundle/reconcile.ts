/**
 * The reconciliation of an edition's bundle (docs/bundle.md): every headline total of every
 * output against the ledger (the frozen programs' own totals). For each output and headline the
 * output carries: ledger = output + Σ exclusions, each exclusion naming its rule. What is left is
 * an unexplained difference: the bundle's checklist flags it and the tests fail on it.
 */
import { formatMinor } from '../money.js';
import { HEADLINES, type BundleSheet, type ChecklistItem, type Headline, type HeadlineTotals, type OutputTotals } from './types.js';

export interface ReconciliationRow {
  readonly output: OutputTotals['output'];
  readonly headline: Headline;
  readonly ledger: number;
  /** null: the output's standard does not carry this headline. */
  readonly output_total: number | null;
  /** Σ of the exclusions' amounts for this headline. */
  readonly explained: number;
  /** ledger − output − explained; 0 when every difference is explained. */
  readonly unexplained: number;
}

export function reconcile(ledger: HeadlineTotals, outputs: readonly OutputTotals[]): ReconciliationRow[] {
  return outputs.flatMap((o) =>
    HEADLINES.map((headline) => {
      const carried = o.totals[headline];
      const explained = o.exclusions.reduce((sum, e) => sum + (e.amounts[headline] ?? 0), 0);
      return {
        output: o.output,
        headline,
        ledger: ledger[headline],
        output_total: carried,
        explained: carried === null ? 0 : explained,
        unexplained: carried === null ? 0 : ledger[headline] - carried - explained,
      };
    }),
  );
}

export const unexplainedDifferences = (rows: readonly ReconciliationRow[]): ReconciliationRow[] => rows.filter((r) => r.unexplained !== 0);

const OUTPUT_NAMES: Record<OutputTotals['output'], string> = {
  report: 'Annual report',
  iati: 'IATI activity file',
  tossd: 'TOSSD reporting file',
  segib: 'SEGIB-style sheet',
  un: 'UN SDG 17.3.1 table',
};

const HEADLINE_NAMES: Record<Headline, string> = {
  programs: 'Programs',
  countries: 'Recipient countries',
  participants: 'Participants',
  usdMinor: 'Spent (USD)',
  idrMinor: 'Spent (IDR)',
  inKindUsdMinor: 'In-kind estimate (USD)',
};

const isMoney = (h: Headline) => h === 'usdMinor' || h === 'idrMinor' || h === 'inKindUsdMinor';
/** Money as a spreadsheet number with two decimals; counts as they are. */
const value = (h: Headline, n: number): number => (isMoney(h) ? Number(formatMinor(n)) : n);

/** The reconciliation as sheets: the totals side by side, and every exclusion with its rule. */
export function reconciliationSheets(ledger: HeadlineTotals, outputs: readonly OutputTotals[]): BundleSheet[] {
  const rows = reconcile(ledger, outputs);
  return [
    {
      name: 'Reconciliation',
      columns: ['Output', 'Headline', 'Edition (ledger)', 'Output total', 'Explained by rules', 'Unexplained', 'Status'],
      rows: rows.map((r) => [
        OUTPUT_NAMES[r.output],
        HEADLINE_NAMES[r.headline],
        value(r.headline, r.ledger),
        r.output_total === null ? null : value(r.headline, r.output_total),
        r.output_total === null ? null : value(r.headline, r.explained),
        r.output_total === null ? null : value(r.headline, r.unexplained),
        r.output_total === null
          ? 'not carried by this standard'
          : r.unexplained === 0
            ? r.explained === 0
              ? 'equal'
              : 'explained'
            : 'UNEXPLAINED',
      ]),
    },
    {
      name: 'Rules',
      columns: ['Output', 'Rule', 'Explanation', ...HEADLINES.map((h) => HEADLINE_NAMES[h])],
      rows: outputs.flatMap((o) =>
        o.exclusions.map((e) => [
          OUTPUT_NAMES[o.output],
          e.rule,
          e.explanation,
          ...HEADLINES.map((h) => {
            const n = e.amounts[h];
            return n === undefined ? null : value(h, n);
          }),
        ]),
      ),
    },
  ];
}

export { HEADLINE_NAMES, OUTPUT_NAMES };

/** Identifiers a summary row names (the CSV lists every one). */
const EXAMPLES = 10;

/**
 * The checklist summarised for the reconciliation workbook: one row per output and field, with
 * how many programs lack it, one of the messages, and the first programs; the checklist CSV keeps
 * one line per program and field (a year of 100,000 programs gives hundreds of thousands).
 */
export function checklistSummary(items: readonly ChecklistItem[]): BundleSheet {
  const groups = new Map<string, { output: string; field: string; programs: number; whole: string[]; message: string; first: string[] }>();
  for (const c of items) {
    const key = `${c.output}\u0000${c.field}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { output: OUTPUT_NAMES[c.output], field: c.field, programs: 0, whole: [], message: c.message, first: [] }));
    if (c.identifier === null) g.whole.push(c.message);
    else {
      g.programs++;
      if (g.first.length < EXAMPLES) g.first.push(c.identifier);
    }
  }
  return {
    name: 'Checklist',
    columns: ['Output', 'Field', 'Programs', 'What is missing', 'First programs (the CSV lists all)'],
    rows: [...groups.values()].map((g) => [
      g.output,
      g.field,
      g.programs,
      g.whole.length > 0 ? g.whole.join(' | ') : g.message,
      g.first.join(', ') + (g.programs > g.first.length ? ', …' : ''),
    ]),
  };
}
