/**
 * The reporting organisation's IATI organisation file: its own programs (not those imported from
 * other publishers' files) read a page at a time, their budgets and spending added up per year
 * and converted to one reporting currency (domain/iati/organisation-figures.ts), and the
 * `iati-organisation` element built from them (organisation-xml.ts); io/iati-write.ts
 * iatiOrganisationDocument writes the file. The file obeys the reader's scope like the activity
 * export: the public gets the figures of published programs only.
 */
import type { LifecycleStage } from '../domain/codes.js';
import { missingRateWarnings, OrganisationFigures, type OrganisationTotals, type YearRange } from '../domain/iati/organisation-figures.js';
import { annualReportDocuments, iatiOrganisationNode } from '../domain/iati/organisation-xml.js';
import type { XmlNode } from '../domain/iati/xml-node.js';
import type { Deps } from './deps.js';
import type { IatiPublisher } from './iati-export.js';
import { rateTable } from './money.js';
import { reportStages } from './reports.js';

export type IatiOrganisationDeps = Deps<'money' | 'exchangeRates'>;

export interface IatiOrganisationOptions {
  readonly publisher: IatiPublisher;
  /** The reporting currency: USD by default. */
  readonly currency?: string;
  /** Calendar years counted (both included); by default every year with programs or figures. */
  readonly years?: YearRange;
  /** Lifecycle stages counted (every stage by default; the public's are narrowed to published ones). */
  readonly stages?: readonly LifecycleStage[];
  /**
   * Where people reach this server (MITRA_PUBLIC_URL, when it is set): the file links the annual
   * reports there. Without it the file has no document-link.
   */
  readonly publicUrl?: string | null;
  /** The file's date (by default now); publishing dates it by the newest change it counts, so unchanged data gives the same bytes. */
  readonly generatedAt?: string;
}

export interface IatiOrganisationFile {
  readonly generatedAt: string;
  /** The `iati-organisation` element (iatiOrganisationDocument writes the file around it). */
  readonly organisation: XmlNode;
  /** What the file leaves out and why (amounts with no exchange rate): for the CLI and the file's comments. */
  readonly warnings: readonly string[];
  readonly totals: OrganisationTotals;
}

/** Programs read per query (their budgets and transactions come with them). */
const PAGE = 1_000;

export async function iatiOrganisationFile(deps: IatiOrganisationDeps, options: IatiOrganisationOptions): Promise<IatiOrganisationFile> {
  const repos = deps.store.repos;
  const currency = options.currency ?? 'USD';
  const filter = { stages: reportStages(deps, { stages: options.stages }), publisherRef: options.publisher.ref };
  const figures = new OrganisationFigures(currency, options.years);
  const rates = new Map(await rateTable(repos, [currency]));
  for (let afterId = 0; ;) {
    const page = await repos.money.ownProgramMoney(filter, { afterId, limit: PAGE });
    // Rates of currencies this page brings in for the first time.
    const currencies = new Set(
      page.flatMap((p) => [...p.budgets.map((b) => b.currency), ...p.transactions.map((t) => t.currency)]).filter((c) => !rates.has(c)),
    );
    if (currencies.size) for (const [c, list] of await rateTable(repos, currencies)) rates.set(c, list);
    for (const p of page) figures.add(p, rates);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    afterId = last.id;
  }
  const totals = figures.totals();
  const generatedAt = options.generatedAt ?? deps.clock.nowIso();
  const { ref, nameEn, nameId, type } = options.publisher;
  const documents = options.publicUrl ? annualReportDocuments(options.publicUrl, totals.programYears, generatedAt) : [];
  return {
    generatedAt,
    organisation: iatiOrganisationNode(totals, { publisher: { ref, nameEn, nameId, type }, generatedAt, documents }),
    warnings: missingRateWarnings(totals),
    totals,
  };
}
