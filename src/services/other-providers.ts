/**
 * Other providers' IATI data (issue 22): the datasets imported from other publishers' files and
 * their activities, kept apart from the providing country's own programs; a comparison of all
 * providers in one recipient country; the deletion of exactly one dataset; and the promotion of
 * an imported activity to an own program when its reporting organisation is the provider.
 */
import { authorizeOtherProvidersManage, authorizeOtherProvidersRead } from '../domain/access/policy.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import { importedFacts } from '../domain/iati/imported-activity.js';
import { rateOn } from '../domain/finance/in-kind.js';
import type { IatiOrgRef } from '../domain/iati/iati-participating-orgs.js';
import { checkImplementer, checkProgramRules } from '../domain/program/program.rules.js';
import type { ProgramData, ProgramPartner } from '../domain/program/program.js';
import { isCodeIn } from '../domain/reference/codelists.js';
import { LIMITS } from '../domain/schema-helpers.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import { codeFromName } from './import-programs.js';
import { registerUnderFreeCode } from './imports.js';
import { rateTable } from './money.js';
import { exportPrograms } from './programs.js';
import type { IatiDataset, ImportedDetail, ImportedListQuery, ImportedSummary } from './other-providers.ports.js';

export async function listDatasets(deps: Deps<'otherProviders'>): Promise<IatiDataset[]> {
  authorizeOtherProvidersRead(deps.actor);
  return deps.store.repos.otherProviders.datasets();
}

export async function listImported(
  deps: Deps<'otherProviders'>,
  query: ImportedListQuery,
): Promise<{ items: ImportedSummary[]; total: number; page: number; pageSize: number }> {
  authorizeOtherProvidersRead(deps.actor);
  const { items, total } = await deps.store.repos.otherProviders.list(query);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getImported(deps: Deps<'otherProviders'>, id: number): Promise<ImportedDetail> {
  authorizeOtherProvidersRead(deps.actor);
  const found = await deps.store.repos.otherProviders.get(id);
  if (!found) throw new NotFoundError('other_providers.activity_not_found', `no imported activity with id ${id}`);
  return found;
}

/** Deletes one dataset and exactly its activities (other datasets, own programs and promoted programs stay). */
export async function deleteDataset(
  deps: Deps<'otherProviders' | 'audit'>,
  id: number,
): Promise<{ dataset: IatiDataset; activities: number }> {
  authorizeOtherProvidersManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const dataset = await repos.otherProviders.dataset(id);
    if (!dataset) throw new NotFoundError('other_providers.dataset_not_found', `no imported dataset with id ${id}`);
    const activities = await repos.otherProviders.deleteDataset(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'iati_dataset',
      entityId: id,
      entityLabel: `${dataset.publisherRef ?? dataset.publisherName ?? ''}: ${dataset.fileName}`,
      changes: { activities: { before: activities, after: null } },
    });
    return { dataset, activities };
  });
}

/** The provider's own reporting-org identifiers (lower case): its IATI identifier and its ministries' and agencies' codes. */
export async function providerRefs(repos: Repos<'organisations'>, ownReportingRef: string | null | undefined): Promise<Set<string>> {
  const refs = new Set<string>();
  if (ownReportingRef) refs.add(ownReportingRef.toLowerCase());
  for (const o of await repos.organisations.list({})) if (o.kind === 'provider_agency') refs.add(o.code.toLowerCase());
  return refs;
}

/** Finds the activity's organisations in the registry, registering the unknown ones as partners. */
async function organisationCode(repos: Repos<'organisations'>, o: IatiOrgRef, now: string, cache: Map<string, string>): Promise<string> {
  const key = o.ref ? `ref:${o.ref.toLowerCase()}` : `name:${(o.name ?? '').toLowerCase()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found = o.ref ? await repos.organisations.findByCode(o.ref) : await repos.organisations.findByName(o.name ?? '');
  let code = found?.code;
  if (!code) {
    const name = (o.name ?? o.ref ?? '').slice(0, LIMITS.shortText);
    const type = o.type && isCodeIn('OrganisationType', o.type) ? o.type : '90';
    code = await registerUnderFreeCode(repos, now, {
      base: o.ref ?? codeFromName(name, null),
      name,
      type,
      kind: 'partner',
      countryCode: null,
    });
  }
  cache.set(key, code);
  return code;
}

/**
 * Makes an imported activity an own program: only when its reporting organisation is the
 * provider (its IATI identifier or one of its ministries and agencies) and its identifier starts
 * with that organisation's; the program must then meet the registry's rules like any other. The
 * identifier loses the provider's own prefix (the export adds it again). Promoting again updates
 * the program it became.
 */
export async function promoteImported(
  deps: Deps<'otherProviders' | 'organisations' | 'programs' | 'reportFacts' | 'participants' | 'audit'>,
  id: number,
  options: { ownReportingRef: string },
): Promise<{ programId: number; identifier: string; created: boolean }> {
  authorizeOtherProvidersManage(deps.actor);
  return deps.store.transaction(async (repos) => {
    const imported = await repos.otherProviders.get(id);
    if (!imported) throw new NotFoundError('other_providers.activity_not_found', `no imported activity with id ${id}`);
    const ref = imported.record.details.reportingOrg?.ref ?? null;
    if (!ref || !(await providerRefs(repos, options.ownReportingRef)).has(ref.toLowerCase())) {
      throw new ConflictError(
        'other_providers.not_provider',
        `the activity is published by ${ref ?? imported.publisherName ?? 'an unnamed publisher'}, not by the provider (${options.ownReportingRef} or one of its ministries and agencies): it stays other providers' data`,
      );
    }
    if (!imported.prefixOk) {
      throw new ConflictError(
        'other_providers.prefix_mismatch',
        `the identifier ${imported.identifier} does not begin with ${ref}-: a file that claims to be the provider's but names activities of another publisher is kept apart`,
      );
    }
    const identifier =
      ref.toLowerCase() === options.ownReportingRef.toLowerCase() ? imported.identifier.slice(ref.length + 1) : imported.identifier;
    const now = deps.clock.nowIso();
    const cache = new Map<string, string>();
    const partners: ProgramPartner[] = [];
    for (const p of imported.record.partners) {
      const org = await organisationCode(repos, p.org, now, cache);
      if (!partners.some((x) => x.org === org && x.iatiRole === p.iatiRole))
        partners.push({ org, iatiRole: p.iatiRole, sscRole: p.sscRole, contributionMinor: null, currency: null, inKind: false });
    }
    const implementingOrg = imported.record.implementing ? await organisationCode(repos, imported.record.implementing, now, cache) : null;
    const data: ProgramData = { ...imported.record.data, identifier, implementingOrg, partners };
    const implementer = implementingOrg ? await repos.organisations.findByCode(implementingOrg) : undefined;
    const issues = [
      ...checkProgramRules(data),
      ...checkImplementer(implementer ? { code: implementer.code, kind: implementer.kind } : null),
    ];
    if (issues.length) {
      throw new InvalidError(
        'other_providers.promote_invalid',
        'the activity breaks rules an own program must meet: correct it at its source and import it again',
        issues,
      );
    }
    const existing = (await repos.programs.idsByIdentifier([identifier])).get(identifier);
    const iatiDetails = {
      ...imported.record.details,
      importedFrom: { datasetId: imported.datasetId, fileName: imported.fileName, publisher: ref, importedAt: imported.importedAt },
    };
    let programId: number;
    if (existing !== undefined) {
      const current = await repos.programs.findById(existing);
      if (!current || current.source !== 'iati' || existing !== imported.promotedProgramId) {
        throw new ConflictError(
          'other_providers.identifier_taken',
          `a program with identifier "${identifier}" is already registered in Mitra`,
        );
      }
      await repos.programs.update(existing, current.version, { data, now, source: 'iati', iatiDetails });
      programId = existing;
    } else {
      programId = await repos.programs.insert({ data, now, source: 'iati', iatiDetails });
    }
    await repos.reportFacts.refresh([programId]);
    await repos.otherProviders.markPromoted(id, programId);
    await audit(deps, repos, {
      action: existing === undefined ? 'create' : 'update',
      entity: 'activity',
      entityId: programId,
      entityLabel: identifier,
      comment: `promoted from ${imported.fileName} (${ref})`,
    });
    return { programId, identifier, created: existing === undefined };
  });
}

export interface ComparisonGroup {
  /** null: the providing country's own programs. */
  readonly publisherId: number | null;
  readonly publisher: string;
  readonly ref: string | null;
  readonly own: boolean;
  readonly years: { year: number; activities: number; budgetUsd: number; spendUsd: number }[];
  readonly sectors: { vocabulary: string; code: string; activities: number }[];
  /** Amounts left out of the USD figures: no exchange rate for their currency and year. */
  readonly unconverted: { year: number; currency: string; budgetMinor: number; spendMinor: number }[];
}

/**
 * All providers in one recipient country, by year: the providing country's own programs (those
 * the reader may see) and each other publisher's imported activities, counted the same way
 * (imported-activity.ts importedFacts: an activity in its start year, budgets by period start,
 * disbursements and expenditures by date, split by the recipients' shares), in US dollars at the
 * rate in force at the end of each year.
 */
export async function compareCountry(
  deps: Deps<'otherProviders' | 'programs' | 'exchangeRates'>,
  query: { country: string; fromYear: number; toYear: number; ownName: string },
): Promise<{ country: string; fromYear: number; toYear: number; providers: ComparisonGroup[] }> {
  authorizeOtherProvidersRead(deps.actor);
  const { country, fromYear, toYear } = query;
  const repo = deps.store.repos.otherProviders;
  const [rows, sectorRows, publishers] = await Promise.all([
    repo.compare(country, fromYear, toYear),
    repo.compareSectors(country, fromYear, toYear),
    repo.publishers(),
  ]);
  type Row = { year: number; currency: string; activities: number; budgetMinor: number; spendMinor: number };
  const own: Row[] = [];
  const ownSectors = new Map<string, { vocabulary: string; code: string; activities: number }>();
  for await (const page of exportPrograms(deps, { country, sort: { key: 'start', desc: false } })) {
    for (const p of page) {
      const facts = importedFacts(p).filter((f) => f.country === country && f.year >= fromYear && f.year <= toYear);
      for (const f of facts)
        own.push({ year: f.year, currency: f.currency, activities: f.starts, budgetMinor: f.budgetMinor, spendMinor: f.spendMinor });
      if (!facts.some((f) => f.starts)) continue;
      for (const s of p.sectors) {
        const key = `${s.vocabulary}|${s.code}`;
        const e = ownSectors.get(key) ?? { vocabulary: s.vocabulary, code: s.code, activities: 0 };
        e.activities++;
        ownSectors.set(key, e);
      }
    }
  }
  const currencies = new Set([...rows, ...own].map((r) => r.currency).filter((c) => c && c !== 'USD'));
  const rates = await rateTable(deps.store.repos, currencies);
  const group = (base: Omit<ComparisonGroup, 'years' | 'unconverted'>, list: readonly Row[]): ComparisonGroup => {
    const years = new Map<number, { year: number; activities: number; budgetUsd: number; spendUsd: number }>();
    const unconverted: ComparisonGroup['unconverted'][number][] = [];
    for (const r of list) {
      const y = years.get(r.year) ?? { year: r.year, activities: 0, budgetUsd: 0, spendUsd: 0 };
      y.activities += r.activities;
      if (r.currency && (r.budgetMinor || r.spendMinor)) {
        const perUsd = r.currency === 'USD' ? 1 : rateOn(rates, r.currency, `${r.year}-12-31`);
        if (perUsd === null) unconverted.push({ year: r.year, currency: r.currency, budgetMinor: r.budgetMinor, spendMinor: r.spendMinor });
        else {
          y.budgetUsd += r.budgetMinor / 100 / perUsd;
          y.spendUsd += r.spendMinor / 100 / perUsd;
        }
      }
      years.set(r.year, y);
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      ...base,
      years: [...years.values()]
        .sort((a, b) => a.year - b.year)
        .map((y) => ({ ...y, budgetUsd: round(y.budgetUsd), spendUsd: round(y.spendUsd) })),
      unconverted,
    };
  };
  const providers: ComparisonGroup[] = [
    group({ publisherId: null, publisher: query.ownName, ref: null, own: true, sectors: [...ownSectors.values()] }, own),
  ];
  for (const p of publishers) {
    const list = rows.filter((r) => r.publisherId === p.id);
    if (list.length === 0) continue;
    const sectors = sectorRows
      .filter((s) => s.publisherId === p.id)
      .map(({ vocabulary, code, activities }) => ({ vocabulary, code, activities }));
    providers.push(group({ publisherId: p.id, publisher: p.name ?? p.ref ?? '', ref: p.ref, own: false, sectors }, list));
  }
  return { country, fromYear, toYear, providers };
}
