/** A recipient country's and a partner's whole relationship with the provider, over the years. */
import { listGroups, membershipsOf } from '../domain/reference/groupings.js';
import { resolveCountry } from '../domain/reference/countries.js';
import { NotFoundError } from '../domain/errors.js';
import { convertSpending, type MissingRate, type SpendingGroup } from '../domain/report/summary.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import type { CountryProfileRows, ProgramRef } from './analytics.ports.js';
import type { Deps } from './deps.js';
import { reportStages, type ReportScope } from './reports.js';

export interface SexCounts {
  readonly F: number;
  readonly M: number;
  readonly X: number;
  /** Participants counted from a recorded total, without individual records. */
  readonly notRecorded: number;
}

export interface CountryProfile {
  readonly country: { iso2: string; iso3: string; nameEn: string; nameId: string; region: string | null; subregion: string | null };
  readonly memberships: readonly {
    group: string;
    nameEn: string;
    nameId: string;
    status: string;
    since: string | null;
    until: string | null;
  }[];
  readonly totals: { readonly programs: number; readonly participants: number; readonly usdMinor: number; readonly idrMinor: number };
  readonly years: readonly { year: number | null; programs: number; participants: number; usdMinor: number }[];
  readonly participantsBySex: SexCounts;
  readonly programs: readonly (CountryProfileRows['programs'][number] & {
    participantsBySex: SexCounts;
    usdMinor: number;
    idrMinor: number;
    share: number;
  })[];
  readonly partners: readonly {
    code: string;
    acronym: string | null;
    nameEn: string;
    nameId: string | null;
    roles: string[];
    programs: number;
  }[];
  /** Rates missing for spending of these programs (whole-program amounts, not the country's part). */
  readonly missingRates: readonly MissingRate[];
}

const addSex = (a: SexCounts, b: SexCounts): SexCounts => ({
  F: a.F + b.F,
  M: a.M + b.M,
  X: a.X + b.X,
  notRecorded: a.notRecorded + b.notRecorded,
});
const NO_SEX: SexCounts = { F: 0, M: 0, X: 0, notRecorded: 0 };

/**
 * Everything that went to one country. Spending is the country's part of each program's
 * converted spending: its recipient percentage, or an equal part when none is recorded.
 */
export async function countryProfile(deps: Deps<'analytics'>, code: string, scope: ReportScope = {}): Promise<CountryProfile> {
  // ISO alpha-2 or alpha-3 (or a name): /countries/PNG works like /countries/PG.
  const resolved = resolveCountry(code);
  if (!resolved.ok) throw new NotFoundError('country.not_found', `no country with ISO code "${code}"`);
  const record = resolved.country;
  const rows = await deps.store.repos.analytics.countryProfile(record.iso2, reportStages(deps, scope));
  const sexOf = new Map<number, { F: number; M: number; X: number }>();
  for (const s of rows.sexes) {
    const c = sexOf.get(s.activityId) ?? { F: 0, M: 0, X: 0 };
    if (s.sex === 'F' || s.sex === 'M' || s.sex === 'X') c[s.sex] += s.count;
    sexOf.set(s.activityId, c);
  }
  const spendOf = new Map<number, SpendingGroup[]>();
  for (const s of rows.spending) spendOf.set(s.activityId, [...(spendOf.get(s.activityId) ?? []), s.group]);
  const programs = rows.programs.map((p) => {
    const records = sexOf.get(p.id) ?? { F: 0, M: 0, X: 0 };
    const bySex = { ...records, notRecorded: Math.max(0, p.participants - records.F - records.M - records.X) };
    const share = p.percentage !== null ? p.percentage / 100 : 1 / Math.max(1, p.recipientCount);
    const money = convertSpending(spendOf.get(p.id) ?? []);
    return {
      ...p,
      participantsBySex: bySex,
      share: Math.round(share * 10_000) / 10_000,
      usdMinor: Math.round(money.usdMinor * share),
      idrMinor: Math.round(money.idrMinor * share),
    };
  });
  const years = new Map<number | null, { year: number | null; programs: number; participants: number; usdMinor: number }>();
  for (const p of programs) {
    const y = years.get(p.year) ?? { year: p.year, programs: 0, participants: 0, usdMinor: 0 };
    years.set(p.year, {
      year: p.year,
      programs: y.programs + 1,
      participants: y.participants + p.participants,
      usdMinor: y.usdMinor + p.usdMinor,
    });
  }
  const partners = new Map<
    string,
    { code: string; acronym: string | null; nameEn: string; nameId: string | null; roles: string[]; programs: number }
  >();
  for (const p of rows.partners) {
    const e = partners.get(p.code) ?? { code: p.code, acronym: p.acronym, nameEn: p.nameEn, nameId: p.nameId, roles: [], programs: 0 };
    e.roles.push(p.role);
    e.programs = Math.max(e.programs, p.programs);
    partners.set(p.code, e);
  }
  const groups = listGroups();
  return {
    country: {
      iso2: record.iso2,
      iso3: record.iso3,
      nameEn: record.nameEn,
      nameId: record.nameId,
      region: record.region,
      subregion: record.m49SubregionName,
    },
    memberships: membershipsOf(record.iso2).map((m) => {
      const g = groups.find((x) => x.code === m.group);
      return {
        group: m.group,
        nameEn: g?.nameEn ?? m.group,
        nameId: g?.nameId ?? m.group,
        status: m.status,
        since: m.since,
        until: m.until,
      };
    }),
    totals: {
      programs: programs.length,
      participants: programs.reduce((n, p) => n + p.participants, 0),
      usdMinor: programs.reduce((n, p) => n + p.usdMinor, 0),
      idrMinor: programs.reduce((n, p) => n + p.idrMinor, 0),
    },
    years: [...years.values()].sort((a, b) => (b.year ?? 0) - (a.year ?? 0)),
    participantsBySex: programs.reduce((acc, p) => addSex(acc, p.participantsBySex), NO_SEX),
    programs,
    partners: [...partners.values()]
      .map((p) => ({ ...p, roles: p.roles.sort() }))
      .sort((a, b) => b.programs - a.programs || a.nameEn.localeCompare(b.nameEn)),
    missingRates: convertSpending(rows.spending.map((s) => s.group)).missingRates,
  };
}

export interface CostShares {
  readonly usdMinor: number;
  readonly idrMinor: number;
  readonly byCurrency: readonly { currency: string; amountMinor: number; transactions: number }[];
  readonly missingRates: readonly MissingRate[];
  /** Programs with a contribution recorded. */
  readonly programs: number;
}

export interface PartnerProfile {
  readonly organisation: Pick<Organisation, 'code' | 'acronym' | 'nameEn' | 'nameId' | 'type' | 'kind' | 'countryCode'>;
  readonly totals: { readonly programs: number; readonly triangular: number; readonly recipients: number };
  readonly years: readonly { year: number | null; programs: number; triangular: number; cumulativeTriangular: number }[];
  /** Triangular programs from `since` (when given) up to each year: "73 triangular cooperations up to 2017". */
  readonly since: number | null;
  readonly roles: readonly { role: string; programs: number }[];
  readonly programs: readonly (ProgramRef & {
    stage: string;
    cooperationType: string;
    role: string;
    contribution: { amountMinor: number; currency: string; inKind: boolean; usdMinor: number | null } | null;
    recipients: string[];
  })[];
  readonly recipients: readonly { country: string; programs: number }[];
  /** Contributions converted at the rates of each program's start. */
  readonly cash: CostShares;
  readonly inKind: CostShares;
}

export async function partnerProfile(
  deps: Deps<'organisations' | 'analytics'>,
  code: string,
  scope: ReportScope & { since?: number } = {},
): Promise<PartnerProfile> {
  const org = await deps.store.repos.organisations.findByCode(code);
  if (!org) throw new NotFoundError('organisation.not_found', `no organisation with code "${code}"`);
  const rows = await deps.store.repos.analytics.partnerProfile(org.id, reportStages(deps, scope));
  const recipientsOf = new Map<number, string[]>();
  for (const r of rows.recipients) recipientsOf.set(r.activityId, [...(recipientsOf.get(r.activityId) ?? []), r.country]);
  // A program where the partner has two roles is one program.
  const distinct = new Map<number, (typeof rows.programs)[number]>();
  for (const p of rows.programs) if (!distinct.has(p.id)) distinct.set(p.id, p);
  const groupOf = (p: (typeof rows.programs)[number]): SpendingGroup | null =>
    p.contributionMinor === null || !p.currency
      ? null
      : {
          currency: p.currency,
          currencyRate: p.currencyRate,
          idrRate: p.idrRate,
          amountMinor: p.contributionMinor,
          transactions: 1,
          firstDate: p.day ?? '',
          lastDate: p.day ?? '',
        };
  const shares = (inKind: boolean): CostShares => {
    const groups = rows.programs
      .filter((p) => p.inKind === inKind)
      .map(groupOf)
      .filter((g): g is SpendingGroup => g !== null);
    const s = convertSpending(groups);
    return { usdMinor: s.usdMinor, idrMinor: s.idrMinor, byCurrency: s.byCurrency, missingRates: s.missingRates, programs: groups.length };
  };
  const years = new Map<number | null, { year: number | null; programs: number; triangular: number }>();
  for (const p of distinct.values()) {
    const y = years.get(p.year) ?? { year: p.year, programs: 0, triangular: 0 };
    years.set(p.year, { year: p.year, programs: y.programs + 1, triangular: y.triangular + (p.cooperationType === 'triangular' ? 1 : 0) });
  }
  let running = 0;
  const since = scope.since ?? null;
  const yearRows = [...years.values()]
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
    .map((y) => {
      if (since === null || (y.year !== null && y.year >= since)) running += y.triangular;
      return { ...y, cumulativeTriangular: running };
    })
    .reverse();
  const roles = new Map<string, Set<number>>();
  for (const p of rows.programs) roles.set(p.role, (roles.get(p.role) ?? new Set()).add(p.id));
  const recipients = new Map<string, number>();
  for (const p of distinct.values()) for (const c of new Set(recipientsOf.get(p.id) ?? [])) recipients.set(c, (recipients.get(c) ?? 0) + 1);
  return {
    organisation: {
      code: org.code,
      acronym: org.acronym,
      nameEn: org.nameEn,
      nameId: org.nameId,
      type: org.type,
      kind: org.kind,
      countryCode: org.countryCode,
    },
    totals: {
      programs: distinct.size,
      triangular: [...distinct.values()].filter((p) => p.cooperationType === 'triangular').length,
      recipients: recipients.size,
    },
    years: yearRows,
    since,
    roles: [...roles]
      .map(([role, ids]) => ({ role, programs: ids.size }))
      .sort((a, b) => b.programs - a.programs || a.role.localeCompare(b.role)),
    programs: rows.programs.map((p) => {
      const g = groupOf(p);
      return {
        id: p.id,
        identifier: p.identifier,
        titleEn: p.titleEn,
        titleId: p.titleId,
        year: p.year,
        stage: p.stage,
        cooperationType: p.cooperationType,
        role: p.role,
        contribution: g
          ? {
              amountMinor: g.amountMinor,
              currency: g.currency,
              inKind: p.inKind,
              usdMinor: convertSpending([g]).missingRates.some((m) => m.missing.includes('usd')) ? null : convertSpending([g]).usdMinor,
            }
          : null,
        recipients: recipientsOf.get(p.id) ?? [],
      };
    }),
    recipients: [...recipients]
      .map(([country, programs]) => ({ country, programs }))
      .sort((a, b) => b.programs - a.programs || a.country.localeCompare(b.country)),
    cash: shares(false),
    inKind: shares(true),
  };
}
