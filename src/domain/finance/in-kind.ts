/**
 * The in-kind valuation helper: an estimated value for programs with no money recorded (no
 * disbursement or expenditure), from unit costs × people × days. Always labelled as an estimate,
 * listed with its inputs, and kept apart from recorded spending.
 *
 *   value = people × days × day cost  +  Σ over recipient regions (people there × flight cost)
 *
 * - people: the participants counted for the annual report (participant records when any,
 *   else the recorded total, participants_planned);
 * - days: from the start to the end, both included (actual dates, else planned ones);
 * - day cost: a participant-day; for an expert dispatch a Mitra program records no separate
 *   number of experts, so its people are taken to be the experts sent and priced per expert-day;
 * - flights: one return flight per person, priced by the report region of the country the person
 *   is counted for (the recipient);
 * - each cost is the one in force on the program's start day (unit-costs.ts), converted to US
 *   dollars and rupiah at the exchange rates of that day.
 * A missing input or unit cost is reported and the program is left without an estimate: nothing
 * is guessed. Amounts without a rate are listed as in the reports (convertSpending).
 */
import type { CooperationType, LifecycleStage, Modality } from '../codes.js';
import { daysBetween } from '../dates.js';
import type { ReportRegion } from '../reference/types.js';
import { REPORT_REGIONS } from '../reference/types.js';
import { convertSpending, type Spending, type SpendingGroup } from '../report/summary.js';
import { unitCostOn, type UnitCost, type UnitCostKind } from './unit-costs.js';
import { isOneOf } from '../guards.js';

/** What the repository reads of a program with no spending. */
export interface InKindProgramFacts {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly year: number | null;
  readonly modality: Modality | null;
  readonly cooperationType: CooperationType;
  readonly stage: LifecycleStage;
  readonly implementingOrg: string | null;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** The annual report's participants of the program, and where the figure comes from. */
  readonly participants: number;
  readonly participantsSource: 'records' | 'totals' | null;
  /** The same people by the report region of the country they are counted for (null: no recipient country). */
  readonly participantsByRegion: readonly { readonly region: string | null; readonly participants: number }[];
}

/** Exchange rates by currency, each list sorted by day (units of the currency per US dollar). */
export type RateTable = ReadonlyMap<string, readonly { readonly date: string; readonly unitsPerUsd: number }[]>;

/** The latest rate on or before a day, or null. */
export function rateOn(rates: RateTable, currency: string, day: string): number | null {
  let found: number | null = null;
  for (const r of rates.get(currency) ?? []) {
    if (r.date > day) break;
    found = r.unitsPerUsd;
  }
  return found;
}

export interface InKindInputs {
  /** People counted, and whether they are participant records or the planned/recorded total. */
  readonly people: number;
  readonly peopleSource: 'records' | 'planned' | null;
  /** participant, or expert for an expert dispatch. */
  readonly role: 'participant' | 'expert';
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly dateSource: 'actual' | 'planned' | 'mixed' | null;
  /** Days from start to end, both included; null without dates. */
  readonly days: number | null;
  readonly byRegion: readonly { readonly region: ReportRegion | null; readonly people: number }[];
}

export interface InKindComponent {
  readonly kind: UnitCostKind;
  readonly region: ReportRegion | null;
  /** Person-days for a day cost, persons (flights) for a flight. */
  readonly quantity: number;
  readonly unitCost: { readonly id: number; readonly amountMinor: number; readonly currency: string; readonly validFrom: string } | null;
  /** quantity × unit cost, in the unit cost's currency; null when the cost is missing. */
  readonly amountMinor: number | null;
  readonly currency: string | null;
}

export type InKindGap =
  | { readonly what: 'participants' }
  | { readonly what: 'dates' }
  | { readonly what: 'dates_order' }
  | { readonly what: 'region' }
  | { readonly what: 'unit_cost'; readonly kind: UnitCostKind; readonly region: ReportRegion | null; readonly day: string };

export interface InKindEstimate {
  /** Always true: a value computed from unit costs, not a recorded amount. */
  readonly estimated: true;
  readonly program: Omit<
    InKindProgramFacts,
    'participants' | 'participantsSource' | 'participantsByRegion' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'
  >;
  readonly inputs: InKindInputs;
  readonly components: readonly InKindComponent[];
  /** Why there is no estimate (empty when there is one). */
  readonly gaps: readonly InKindGap[];
  /** The estimate in US dollars and rupiah; null when an input or a unit cost is missing. */
  readonly value: Spending | null;
  /** The amounts behind `value`, for totals over many programs. */
  readonly groups: readonly SpendingGroup[];
}

const isRegion = (r: string | null): r is ReportRegion => isOneOf(REPORT_REGIONS, r);

function inputsOf(p: InKindProgramFacts): InKindInputs {
  const startDate = p.actualStart ?? p.plannedStart;
  const endDate = p.actualEnd ?? p.plannedEnd;
  const fromActual = [p.actualStart !== null && startDate !== null, p.actualEnd !== null && endDate !== null];
  const dateSource =
    startDate === null || endDate === null ? null : fromActual.every(Boolean) ? 'actual' : fromActual.some(Boolean) ? 'mixed' : 'planned';
  const regions = new Map<ReportRegion | null, number>();
  for (const r of p.participantsByRegion) {
    if (r.participants <= 0) continue;
    const region = isRegion(r.region) ? r.region : null;
    regions.set(region, (regions.get(region) ?? 0) + r.participants);
  }
  return {
    people: p.participants,
    peopleSource: p.participantsSource === 'records' ? 'records' : p.participantsSource === 'totals' ? 'planned' : null,
    role: p.modality === 'expert_dispatch' ? 'expert' : 'participant',
    startDate,
    endDate,
    dateSource,
    days: startDate && endDate && endDate >= startDate ? daysBetween(startDate, endDate) + 1 : null,
    byRegion: [...regions.entries()]
      .map(([region, people]) => ({ region, people }))
      .sort((a, b) =>
        a.region === null ? 1 : b.region === null ? -1 : REPORT_REGIONS.indexOf(a.region) - REPORT_REGIONS.indexOf(b.region),
      ),
  };
}

function component(
  costs: readonly UnitCost[],
  kind: UnitCostKind,
  region: ReportRegion | null,
  quantity: number,
  day: string,
): InKindComponent {
  const cost = unitCostOn(costs, kind, region, day);
  return {
    kind,
    region,
    quantity,
    unitCost: cost ? { id: cost.id, amountMinor: cost.amountMinor, currency: cost.currency, validFrom: cost.validFrom } : null,
    amountMinor: cost ? quantity * cost.amountMinor : null,
    currency: cost?.currency ?? null,
  };
}

/** The estimate of one program with the unit costs and exchange rates given. */
export function estimateInKind(p: InKindProgramFacts, costs: readonly UnitCost[], rates: RateTable): InKindEstimate {
  const inputs = inputsOf(p);
  const {
    participants: _n,
    participantsSource: _s,
    participantsByRegion: _r,
    plannedStart: _ps,
    plannedEnd: _pe,
    actualStart: _as,
    actualEnd: _ae,
    ...program
  } = p;
  const gaps: InKindGap[] = [];
  if (inputs.people <= 0) gaps.push({ what: 'participants' });
  if (inputs.startDate === null || inputs.endDate === null) gaps.push({ what: 'dates' });
  else if (inputs.days === null) gaps.push({ what: 'dates_order' });
  const components: InKindComponent[] = [];
  const day = inputs.startDate;
  if (day !== null && inputs.days !== null && inputs.people > 0) {
    components.push(component(costs, inputs.role === 'expert' ? 'expert_day' : 'participant_day', null, inputs.people * inputs.days, day));
    for (const r of inputs.byRegion) {
      if (r.region === null) gaps.push({ what: 'region' });
      else components.push(component(costs, 'flight', r.region, r.people, day));
    }
    for (const c of components) if (!c.unitCost) gaps.push({ what: 'unit_cost', kind: c.kind, region: c.region, day });
  }
  if (gaps.length > 0 || day === null) return { estimated: true, program, inputs, components, gaps, value: null, groups: [] };
  const groups = componentGroups(components, rates, day);
  return { estimated: true, program, inputs, components, gaps, value: convertSpending(groups), groups };
}

/** The components' amounts with the rates of the day, merged by currency (for convertSpending). */
function componentGroups(components: readonly InKindComponent[], rates: RateTable, day: string): SpendingGroup[] {
  const byCurrency = new Map<string, number>();
  for (const c of components)
    if (c.currency && c.amountMinor !== null) byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? 0) + c.amountMinor);
  return [...byCurrency.entries()].map(([currency, amountMinor]) => ({
    currency,
    currencyRate: rateOn(rates, currency, day),
    idrRate: rateOn(rates, 'IDR', day),
    amountMinor,
    transactions: 1,
    firstDate: day,
    lastDate: day,
  }));
}

/**
 * Adds amounts of the same currency and rates together, so that a total over many programs
 * keeps bounded memory. It converts as the annual report does (sums per currency and rate,
 * then rounded to the cent), so it may differ from the sum of rounded program values by cents.
 */
export class SpendingAccumulator {
  private readonly groups = new Map<string, { -readonly [K in keyof SpendingGroup]: SpendingGroup[K] }>();

  add(groups: readonly SpendingGroup[]): void {
    for (const g of groups) {
      const key = `${g.currency}|${g.currencyRate}|${g.idrRate}`;
      const current = this.groups.get(key);
      if (!current) {
        this.groups.set(key, { ...g });
        continue;
      }
      current.amountMinor += g.amountMinor;
      current.transactions += g.transactions;
      if (g.firstDate < current.firstDate) current.firstDate = g.firstDate;
      if (g.lastDate > current.lastDate) current.lastDate = g.lastDate;
    }
  }

  total(): Spending {
    return convertSpending([...this.groups.values()]);
  }
}
