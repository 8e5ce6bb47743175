/**
 * The whole records an edition freezes (docs/bundle.md): each program of the year as it is at
 * the freeze, with what the reports counted of it — participants by recipient country and by sex,
 * spending converted at each value date, the in-kind estimate of a program without spending, its
 * results framework —
 * so that every output of the edition's bundle (IATI, TOSSD, SEGIB-style sheet, UN table) is
 * computed from the same frozen state, whatever is edited later. Runs inside the freeze's
 * transaction, 500 programs at a time (a year may hold 100,000).
 */
import type { FrozenProgram } from '../domain/bundle/types.js';
import { sexes } from '../domain/codes.js';
import { estimateInKind, type RateTable } from '../domain/finance/in-kind.js';
import type { UnitCost } from '../domain/finance/unit-costs.js';
import { SPENT_TRANSACTION_TYPES, spentOf } from '../domain/finance/tossd.js';
import type { ProgramSnapshot } from '../domain/report/program-snapshot.js';
import type { Repos } from './deps.js';
import type { ParticipantBreakdown } from './editions.ports.js';
import { rateTable } from './money.js';

const PAGE = 500;

export type WholeRecordRepos = 'editions' | 'programs' | 'money' | 'unitCosts' | 'exchangeRates' | 'results';

/** Why an in-kind estimate is missing, in words (the bundle's checklist shows it). */
function gapText(gaps: ReturnType<typeof estimateInKind>['gaps']): string {
  return gaps
    .map((g) =>
      g.what === 'unit_cost'
        ? `no ${g.kind} unit cost${g.region ? ` for ${g.region}` : ''} on ${g.day}`
        : g.what === 'dates_order'
          ? 'the end date is before the start date'
          : g.what === 'region'
            ? 'participants without a report region'
            : `no ${g.what} recorded`,
    )
    .join('; ');
}

/** Freezes the whole records of the programs an edition counted (`records`: its snapshots). */
export async function freezeWholeRecords(
  repos: Repos<WholeRecordRepos>,
  editionId: number,
  records: readonly ProgramSnapshot[],
): Promise<number> {
  let written = 0;
  for await (const page of wholeRecordPages(repos, records)) {
    await repos.editions.insertPrograms(editionId, page);
    written += page.length;
  }
  return written;
}

/**
 * The whole records of the programs of `records` as they are now, 500 at a time (a program
 * deleted since is missing from its page). The freeze stores them; the bundle of an edition
 * frozen before whole records were kept reads them live (docs/bundle.md).
 */
export async function* wholeRecordPages(
  repos: Repos<WholeRecordRepos>,
  records: readonly ProgramSnapshot[],
): AsyncGenerator<FrozenProgram[]> {
  const costs: readonly UnitCost[] = await repos.unitCosts.list();
  const rates = new Map(
    await rateTable(
      repos,
      costs.map((c) => c.currency),
    ),
  );
  for (let i = 0; i < records.length; i += PAGE) {
    const slice = records.slice(i, i + PAGE);
    const ids = slice.map((r) => r.id);
    const [programs, breakdown, approvals, frameworks] = await Promise.all([
      repos.programs.findManyByIds(ids),
      repos.editions.participantBreakdown(ids),
      repos.editions.approvalDays(ids),
      repos.results.getMany(ids),
    ]);
    const currencies = new Set(programs.flatMap((p) => p.transactions.map((t) => t.currency)).filter((c) => !rates.has(c)));
    for (const [currency, list] of await rateTable(repos, currencies)) rates.set(currency, list);
    const unspent = programs.filter((p) => !p.transactions.some((t) => SPENT_TRANSACTION_TYPES.includes(t.type))).map((p) => p.id);
    const inKind = new Map<number, ReturnType<typeof estimateInKind>>();
    for (const facts of await repos.money.inKindFactsOf(unspent)) inKind.set(facts.id, estimateInKind(facts, costs, rates));
    const snapshots = new Map(slice.map((r) => [r.id, r]));
    yield programs.map((program) => ({
      ...frozenProgram(program, snapshots.get(program.id), breakdown.get(program.id), inKind.get(program.id), rates),
      approvedOn: approvals.get(program.id) ?? null,
      // The results framework as it is at the freeze (docs/results.md): the edition's IATI file
      // and annual report show these figures, whatever is reported later.
      results: frameworks.get(program.id)?.results ?? [],
    }));
  }
}

function frozenProgram(
  program: FrozenProgram['program'],
  snapshot: ProgramSnapshot | undefined,
  breakdown: ParticipantBreakdown | undefined,
  estimate: ReturnType<typeof estimateInKind> | undefined,
  rates: RateTable,
): FrozenProgram {
  const participants = snapshot?.participants ?? 0;
  const source =
    snapshot?.participantsSource === 'records' || snapshot?.participantsSource === 'totals' ? snapshot.participantsSource : null;
  const bySex = Object.fromEntries(sexes.codes.map((s) => [s, source === 'records' ? (breakdown?.bySex[s] ?? 0) : 0])) as Record<
    (typeof sexes.codes)[number],
    number
  >;
  const recordedBySex = sexes.codes.reduce((sum, s) => sum + bySex[s], 0);
  const value = estimate?.value ?? null;
  const usable = value !== null && !value.missingRates.some((m) => m.missing.includes('usd'));
  return {
    program,
    participants,
    participantsSource: source,
    participantsByCountry: (breakdown?.byCountry ?? []).filter((c) => c.participants > 0),
    participantsBySex: { ...bySex, unrecorded: participants - recordedBySex },
    spent: spentOf(program, rates),
    inKind: usable ? { usdMinor: value.usdMinor, idrMinor: value.idrMinor } : null,
    inKindGap: estimate && !usable ? gapText(estimate.gaps) || 'no exchange rate to US dollars for the unit costs' : null,
  };
}
