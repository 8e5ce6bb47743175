/**
 * The TOSSD/CRS-style export of a year's programs (domain/finance/tossd.ts): programs page by
 * page (memory stays bounded), spending converted at each value date, and the in-kind estimate
 * of the programs with no spending. The public gets published programs only (exportActivities).
 */
import type { LifecycleStage } from '../domain/codes.js';
import { estimateInKind } from '../domain/finance/in-kind.js';
import { SPENT_TRANSACTION_TYPES, TOSSD_DEFAULT_STAGES, tossdRows, type TossdContext } from '../domain/finance/tossd.js';
import { exportPrograms } from './programs.js';
import { rateTable } from './money.js';
import type { Deps } from './deps.js';

export interface TossdOptions {
  /** ISO alpha-2 code of the providing country (MITRA_PROVIDER_COUNTRY). */
  readonly reportingCountry: string;
  /** The IATI reporting organisation's ref (MITRA_IATI_REPORTING_ORG). */
  readonly publisherRef: string;
}

/** The rows of a year's programs (under way or done, unless `stages` says otherwise), in identifier order, a page of programs at a time. */
export async function* tossdExport(
  deps: Deps<'programs' | 'organisations' | 'unitCosts' | 'exchangeRates' | 'money'>,
  year: number,
  stages: readonly LifecycleStage[] | undefined,
  options: TossdOptions,
): AsyncGenerator<string[][]> {
  const repos = deps.store.repos;
  const agencyNames = new Map((await repos.organisations.list({})).map((o) => [o.code, o.nameEn]));
  const costs = await repos.unitCosts.list();
  const rates = new Map(
    await rateTable(
      repos,
      costs.map((c) => c.currency),
    ),
  );
  const context: TossdContext = { reportingCountry: options.reportingCountry, publisherRef: options.publisherRef, agencyNames, rates };
  for await (const page of exportPrograms(deps, {
    year,
    stage: [...(stages?.length ? stages : TOSSD_DEFAULT_STAGES)],
    sort: { key: 'identifier', desc: false },
  })) {
    // Rates of currencies this page brings in for the first time.
    const currencies = new Set(page.flatMap((a) => a.transactions.map((t) => t.currency)).filter((c) => !rates.has(c)));
    for (const [currency, list] of await rateTable(repos, currencies)) rates.set(currency, list);
    const unspent = page.filter((a) => !a.transactions.some((t) => SPENT_TRANSACTION_TYPES.includes(t.type))).map((a) => a.id);
    const inKind = new Map<number, number | null>();
    for (const facts of await repos.money.inKindFactsOf(unspent)) {
      const value = estimateInKind(facts, costs, rates).value;
      inKind.set(facts.id, value && !value.missingRates.some((m) => m.missing.includes('usd')) ? value.usdMinor : null);
    }
    yield page.flatMap((a) => tossdRows(a, context, inKind.get(a.id) ?? null));
  }
}
