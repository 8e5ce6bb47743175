/**
 * A program's completion record (issue 25, docs/completion-evaluation.md): what actually
 * happened once implementation ended — the actual dates, the actual cost by line and by who bore
 * it (the provider, i.e. the implementing agency on the state budget, or a named partner), and
 * the completion report. The record may be saved as a draft; `completeRequirements` (in
 * stage-requirements.ts) decides whether it is enough to move the program to `completed`.
 */
import { z } from 'zod';
import { defineCodeSet } from '../code-set.js';
import type { FieldIssue } from '../errors.js';
import { LIMITS, amountMinor, calendarDate, codeOf, currencyCode, optionalText } from '../schema-helpers.js';

/** The cost lines an implementing agency reports (its budget realisation's usual headings). */
export const costLines = defineCodeSet({
  travel: { en: 'Travel (tickets)', id: 'Perjalanan (tiket)', aliases: ['tickets', 'tiket', 'transport'] },
  accommodation: { en: 'Accommodation', id: 'Akomodasi', aliases: ['hotel', 'lodging', 'penginapan'] },
  per_diem: { en: 'Per diem', id: 'Uang harian', aliases: ['allowance', 'daily allowance', 'uang saku'] },
  training_materials: { en: 'Training materials', id: 'Bahan pelatihan', aliases: ['materials', 'modul'] },
  equipment: { en: 'Equipment', id: 'Peralatan', aliases: ['peralatan'] },
  experts: { en: 'Experts and resource persons', id: 'Tenaga ahli dan narasumber', aliases: ['experts', 'narasumber', 'honorarium'] },
  venue: { en: 'Venue and meetings', id: 'Tempat dan pertemuan', aliases: ['venue', 'meeting room', 'ruang rapat'] },
  other: { en: 'Other', id: 'Lainnya', aliases: ['lain-lain'] },
});
export type CostLine = (typeof costLines.codes)[number];

/** Who bore a cost: the provider (Indonesia's implementing agency) or a named partner organisation. */
export const costBearers = defineCodeSet({
  provider: { en: 'Provider (implementing agency)', id: 'Penyedia (instansi pelaksana)' },
  partner: { en: 'Partner', id: 'Mitra' },
});
export type CostBearer = (typeof costBearers.codes)[number];

export const MAX_COST_LINES = 200;
export const MAX_REPORT_CHARS = LIMITS.description;

export const costLineInput = z.strictObject({
  line: codeOf(costLines, 'cost line'),
  amount: amountMinor,
  currency: currencyCode,
  bearer: codeOf(costBearers, 'who bore the cost'),
  /** The partner organisation's code when a partner bore it (a triangular partner, the recipient's institution). */
  partnerOrg: z.string().trim().max(100).nullable().optional(),
  note: optionalText(LIMITS.shortText),
});
export type CostLineInput = z.infer<typeof costLineInput>;

export const completionInput = z.strictObject({
  actualStart: calendarDate.nullable().optional(),
  actualEnd: calendarDate.nullable().optional(),
  costs: z
    .array(costLineInput)
    .max(MAX_COST_LINES, { message: `must have at most ${MAX_COST_LINES} lines` })
    .default([]),
  /** An explicit statement that the program cost nothing to record (e.g. fully hosted), with its reason. */
  noCost: z.boolean().default(false),
  noCostReason: optionalText(LIMITS.shortText * 5),
  reportEn: optionalText(MAX_REPORT_CHARS),
  reportId: optionalText(MAX_REPORT_CHARS),
  illustrative: z.boolean().optional(),
});
export type CompletionInput = z.infer<typeof completionInput>;

/** A cost line as stored: amount in hundredths of its currency. */
export interface CostLineRecord {
  readonly line: CostLine;
  readonly amountMinor: number;
  readonly currency: string;
  readonly bearer: CostBearer;
  readonly partnerOrg: string | null;
  readonly note: string | null;
}

export interface CompletionData {
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly costs: readonly CostLineRecord[];
  readonly noCost: boolean;
  readonly noCostReason: string | null;
  readonly reportEn: string | null;
  readonly reportId: string | null;
  readonly illustrative: boolean;
}

export interface CompletionRecord extends CompletionData {
  readonly activityId: number;
  readonly version: number;
  readonly updatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The input as stored (amounts already in hundredths by the schema). */
export function completionDataOf(input: CompletionInput, illustrativeBefore = false): CompletionData {
  return {
    actualStart: input.actualStart ?? null,
    actualEnd: input.actualEnd ?? null,
    costs: input.costs.map((c) => ({
      line: c.line,
      amountMinor: c.amount,
      currency: c.currency,
      bearer: c.bearer,
      partnerOrg: c.bearer === 'partner' ? (c.partnerOrg?.trim() ?? null) : null,
      note: c.note ?? null,
    })),
    noCost: input.noCost,
    noCostReason: input.noCostReason ?? null,
    reportEn: input.reportEn ?? null,
    reportId: input.reportId ?? null,
    illustrative: input.illustrative ?? illustrativeBefore,
  };
}

/**
 * Rules a completion record must keep even as a draft (a save breaking one is refused, 422): the
 * end not before the start; a partner named on each line a partner bore and none on the
 * provider's; no cost lines beside a "no cost" statement, which needs its reason.
 */
export function checkCompletion(d: CompletionData): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.actualStart && d.actualEnd && d.actualEnd < d.actualStart)
    issues.push({
      path: 'actualEnd',
      code: 'date_order',
      params: { other: d.actualStart },
      message: `the actual end (${d.actualEnd}) is before the actual start (${d.actualStart})`,
    });
  d.costs.forEach((c, i) => {
    if (c.bearer === 'partner' && !c.partnerOrg)
      issues.push({ path: `costs.${i}.partnerOrg`, code: 'required', message: 'name the partner organisation that bore this cost' });
  });
  if (d.noCost && d.costs.length > 0)
    issues.push({
      path: 'noCost',
      code: 'no_cost_with_lines',
      message: 'a program with cost lines cannot also be stated to have cost nothing',
    });
  if (d.noCost && !d.noCostReason)
    issues.push({ path: 'noCostReason', code: 'required', message: 'say why no cost was borne (e.g. fully hosted by the partner)' });
  return issues;
}

/** Differences from the plan worth a warning (never a refusal): a program may start or end late. */
export function completionWarnings(
  d: CompletionData,
  plan: { readonly plannedStart: string | null; readonly plannedEnd: string | null },
): FieldIssue[] {
  const warnings: FieldIssue[] = [];
  if (d.actualStart && plan.plannedStart && d.actualStart !== plan.plannedStart)
    warnings.push({
      path: 'actualStart',
      code: 'differs_from_plan',
      params: { planned: plan.plannedStart },
      message: `the actual start differs from the planned start (${plan.plannedStart})`,
    });
  if (d.actualEnd && plan.plannedEnd && d.actualEnd !== plan.plannedEnd)
    warnings.push({
      path: 'actualEnd',
      code: 'differs_from_plan',
      params: { planned: plan.plannedEnd },
      message: `the actual end differs from the planned end (${plan.plannedEnd})`,
    });
  return warnings;
}

/** One bearer's part of the cost in one currency; `sharePercent` of that currency's total, to two decimals. */
export interface CostShare {
  readonly currency: string;
  readonly bearer: CostBearer;
  /** The partner organisation's code; null for the provider. */
  readonly partnerOrg: string | null;
  readonly amountMinor: number;
  readonly sharePercent: number;
}

export interface CurrencyTotal {
  readonly currency: string;
  readonly amountMinor: number;
  /** What the partners bore together, as a percentage of the currency's total (two decimals). */
  readonly partnerSharePercent: number;
}

/**
 * The cost per bearer and currency, and each bearer's share of its currency's total. Shares are
 * per currency: amounts in two currencies are not added here (the money views convert at the
 * value date's rate when the completion's costs are reported together with transactions).
 */
export function costShares(costs: readonly CostLineRecord[]): { shares: CostShare[]; totals: CurrencyTotal[] } {
  const totals = new Map<string, number>();
  const byBearer = new Map<string, { currency: string; bearer: CostBearer; partnerOrg: string | null; amountMinor: number }>();
  for (const c of costs) {
    totals.set(c.currency, (totals.get(c.currency) ?? 0) + c.amountMinor);
    const org = c.bearer === 'partner' ? c.partnerOrg : null;
    const key = `${c.currency}\u0000${c.bearer}\u0000${org ?? ''}`;
    const entry = byBearer.get(key) ?? { currency: c.currency, bearer: c.bearer, partnerOrg: org, amountMinor: 0 };
    entry.amountMinor += c.amountMinor;
    byBearer.set(key, entry);
  }
  const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 10_000) / whole) / 100);
  const shares = [...byBearer.values()]
    .map((s) => ({ ...s, sharePercent: percentOf(s.amountMinor, totals.get(s.currency) ?? 0) }))
    .sort(
      (a, b) =>
        a.currency.localeCompare(b.currency) ||
        (a.bearer === b.bearer ? 0 : a.bearer === 'provider' ? -1 : 1) ||
        (a.partnerOrg ?? '').localeCompare(b.partnerOrg ?? ''),
    );
  const totalList = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({
      currency,
      amountMinor,
      partnerSharePercent: percentOf(
        shares.filter((s) => s.currency === currency && s.bearer === 'partner').reduce((sum, s) => sum + s.amountMinor, 0),
        amountMinor,
      ),
    }));
  return { shares, totals: totalList };
}
