/**
 * What an edition's bundle is made from (docs/bundle.md): the edition, its figures, and its
 * programs as frozen (the whole records of `edition_programs`), page by page, with the context
 * every output shares. io/edition-bundle.ts writes the files. The bundle is for the coordination
 * team and the ministries (it holds every stage's programs); the public has the published
 * editions' annual reports.
 */
import { canReadDraftEditions, requireSignedIn } from '../domain/access/policy.js';
import type { BundleContext, ChecklistItem, FrozenProgram } from '../domain/bundle/types.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Edition } from '../domain/report/edition.js';
import type { AnnualSummary } from '../domain/report/summary.js';
import type { Deps } from './deps.js';
import { wholeRecordPages, type WholeRecordRepos } from './edition-programs.js';
import { getEdition } from './editions.js';

/** Programs read at a time from the frozen records. */
const PAGE = 500;

export interface BundleOptions {
  /** ISO alpha-2 code of the providing country (MITRA_PROVIDER_COUNTRY). */
  readonly providerCountry: string;
  /** The IATI reporting organisation's ref (MITRA_IATI_REPORTING_ORG). */
  readonly publisherRef: string;
}

export interface BundleSource {
  readonly edition: Edition;
  /** The edition's figures of every stage (what the coordination team's report counts). */
  readonly summary: AnnualSummary;
  readonly context: BundleContext;
  /** How many programs the edition counted. */
  readonly programCount: number;
  /** false: the edition was frozen before whole records were kept; the pages are the programs as they are now. */
  readonly wholeRecords: boolean;
  /** What the bundle must say about its source (a live fallback, programs deleted since). */
  readonly checklist: readonly ChecklistItem[];
  /** The edition's programs, a page at a time, in id order; may be read more than once. */
  pages(): AsyncGenerator<FrozenProgram[]>;
}

export type BundleRepos = 'editions' | 'organisations' | WholeRecordRepos;

export async function bundleSource(deps: Deps<BundleRepos>, year: number, number: number, options: BundleOptions): Promise<BundleSource> {
  requireSignedIn(deps.actor);
  if (!canReadDraftEditions(deps.actor))
    throw new ForbiddenError('edition.bundle_forbidden', 'the bundle is for the coordination team and the ministries');
  const repos = deps.store.repos;
  const edition = await getEdition(deps, year, number);
  const summary = await repos.editions.figures(edition.id, 'all');
  if (!summary) throw new Error(`edition ${edition.id} has no figures`);
  const organisations = new Map(
    (await repos.organisations.list({})).map((o) => [o.code, { nameEn: o.nameEn, nameId: o.nameId, type: o.type }] as const),
  );
  const stored = await repos.editions.countPrograms(edition.id);
  const wholeRecords = stored > 0 || edition.programs === 0;
  const checklist: ChecklistItem[] = [];
  // Every recorded rate: the outputs convert budgets and partners' contributions too.
  const rates = new Map<string, { date: string; unitsPerUsd: number }[]>();
  for (const r of await repos.exchangeRates.list({})) {
    const list = rates.get(r.currency) ?? [];
    list.push({ date: r.date, unitsPerUsd: r.unitsPerUsd });
    rates.set(r.currency, list);
  }
  for (const list of rates.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  const context: BundleContext = {
    year,
    providerCountry: options.providerCountry,
    publisherRef: options.publisherRef,
    organisations,
    rates,
    titleEn: edition.titleEn,
    titleId: edition.titleId,
  };
  let pages: () => AsyncGenerator<FrozenProgram[]>;
  if (wholeRecords) {
    if (stored !== edition.programs)
      throw new Error(`edition ${edition.id} counted ${edition.programs} programs but keeps ${stored} whole records`);
    pages = async function* () {
      for (let after = 0; ;) {
        const page = await repos.editions.programsAfter(edition.id, after, PAGE);
        if (page.length === 0) return;
        yield page;
        after = page[page.length - 1]?.program.id ?? after;
      }
    };
  } else {
    // An edition frozen before whole records were kept: its programs as they are now, said so.
    const records = await repos.editions.records(edition.id);
    const live = new Map<number, number>();
    for await (const page of wholeRecordPages(repos, records)) for (const p of page) live.set(p.program.id, p.program.version);
    const changed = records.filter((r) => live.has(r.id) && live.get(r.id) !== r.version).length;
    const deleted = records.filter((r) => !live.has(r.id));
    checklist.push({
      output: 'report',
      field: 'edition records',
      identifier: null,
      message: `${edition.titleEn} was frozen before whole records were kept: the IATI, TOSSD, SEGIB and UN files use the ${records.length} programs as they are now (${changed} changed since the freeze); the annual report's figures are the edition's`,
    });
    for (const r of deleted)
      checklist.push({
        output: 'report',
        field: 'edition records',
        identifier: r.identifier,
        message: 'deleted since the freeze: not in the IATI, TOSSD, SEGIB and UN files',
      });
    pages = () => wholeRecordPages(repos, records);
  }
  return { edition, summary, context, programCount: edition.programs, wholeRecords, checklist, pages };
}
