/**
 * What the analytics, priority and profile routes read and answer (analytics.routes.ts): the
 * request and response schemas (validation and OpenAPI) and the presenters that fill the
 * responses. The schemas with an id register in this order, which the OpenAPI document follows.
 */
import { z } from 'zod';
import { programListQuerySchema } from '../domain/program/program-query.js';
import { COMPARATORS, PRIORITY_METRICS, SUBJECT_KINDS, type CountryList, type PriorityTarget } from '../domain/analytics/priority.js';
import { formatMinor } from '../domain/money.js';
import type { Concentration } from '../domain/analytics/concentration.js';
import type { MissingRate } from '../domain/report/summary.js';
import type { TrendPoint, TrendSeries, Trends, YearConcentration } from '../services/analytics.js';
import type { PriorityView } from '../services/priorities.js';
import type { CostShares, CountryProfile, PartnerProfile, SexCounts } from '../services/profiles.js';
import { missingRatesSchema } from './report.schemas.js';

const count = z.number().int();
const money = z.string().meta({ description: 'exact decimal amount', example: '1875.00' });
export const year = z.coerce.number().int().min(1900).max(2200);
export const stage = programListQuerySchema.shape.stage;

export const rangeQuery = z.object({
  from: year.optional().meta({ description: 'first year (default: nine years before `to`)' }),
  to: year.optional().meta({ description: 'last year (default: this year)' }),
  stage,
});

/** What identifies a program in a profile's list. */
const programRef = z.object({
  id: count,
  identifier: z.string(),
  titleEn: z.string().nullable(),
  titleId: z.string().nullable(),
  year: count.nullable(),
});

const changeSchema = z
  .object({
    change: z.number(),
    percent: z.number().nullable().meta({ description: 'change in percent of the previous year; null when that was 0' }),
  })
  .nullable();

const pointSchema = z.object({
  year: count,
  programs: count,
  participants: count,
  countries: count.optional(),
  usd: money.optional(),
  idr: money.optional(),
  change: z.object({
    programs: changeSchema,
    participants: changeSchema,
    countries: changeSchema.optional(),
    usd: changeSchema.optional(),
  }),
});

const seriesSchema = z.object({ code: z.string().nullable(), labelEn: z.string(), labelId: z.string(), points: z.array(pointSchema) });

const missingRates = missingRatesSchema(money);

const presentMissing = (m: readonly MissingRate[]) => m.map((x) => ({ ...x, amount: formatMinor(x.amountMinor), missing: [...x.missing] }));

function presentPoint(p: TrendPoint): z.output<typeof pointSchema> {
  const { usdMinor, idrMinor, ...rest } = p;
  return {
    ...rest,
    ...(usdMinor !== undefined ? { usd: formatMinor(usdMinor) } : {}),
    ...(idrMinor !== undefined ? { idr: formatMinor(idrMinor) } : {}),
    change: {
      ...p.change,
      ...(p.change.usd !== undefined ? { usd: p.change.usd && { change: p.change.usd.change / 100, percent: p.change.usd.percent } } : {}),
    },
  };
}

const presentSeries = (s: readonly TrendSeries[]) => s.map((x) => ({ ...x, points: x.points.map(presentPoint) }));

export const trendsSchema = z.object({
  from: count,
  to: count,
  totals: z.array(pointSchema),
  byRegion: z.array(seriesSchema),
  byModality: z.array(seriesSchema),
  byFlagshipArea: z.array(seriesSchema),
  missingRates,
});

export const presentTrends = (t: Trends): z.output<typeof trendsSchema> => ({
  from: t.from,
  to: t.to,
  totals: t.totals.map(presentPoint),
  byRegion: presentSeries(t.byRegion),
  byModality: presentSeries(t.byModality),
  byFlagshipArea: presentSeries(t.byFlagshipArea),
  missingRates: presentMissing(t.missingRates),
});

const concentrationSchema = z.object({
  hhi: z.number().meta({ description: 'Herfindahl-Hirschman index, 0–10,000' }),
  equivalentParts: z.number().meta({ description: '10,000 / HHI: the number of equal parts with the same index' }),
  level: z.enum(['unconcentrated', 'moderate', 'high']).nullable(),
  parts: count,
  total: count,
  top: z.array(z.object({ key: z.string(), value: count, sharePercent: z.number() })),
});
const presentConcentration = (c: Concentration) => ({ ...c, top: [...c.top] });

export const concentrationYearsSchema = z.object({
  items: z.array(
    z.object({
      year: count,
      programsByCountry: concentrationSchema,
      participantsByCountry: concentrationSchema,
      programsByRegion: concentrationSchema,
      participantsByRegion: concentrationSchema,
      programsByFlagshipArea: concentrationSchema,
      participantsByFlagshipArea: concentrationSchema,
    }),
  ),
});

export const presentConcentrationYears = (items: readonly YearConcentration[]): z.output<typeof concentrationYearsSchema> => ({
  items: items.map((y) => ({
    year: y.year,
    programsByCountry: presentConcentration(y.programsByCountry),
    participantsByCountry: presentConcentration(y.participantsByCountry),
    programsByRegion: presentConcentration(y.programsByRegion),
    participantsByRegion: presentConcentration(y.participantsByRegion),
    programsByFlagshipArea: presentConcentration(y.programsByFlagshipArea),
    participantsByFlagshipArea: presentConcentration(y.participantsByFlagshipArea),
  })),
});

export const networkSchema = z.object({
  from: count,
  to: count,
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['provider', 'partner', 'recipient']),
      code: z.string().nullable(),
      labelEn: z.string(),
      labelId: z.string(),
      programs: count,
    }),
  ),
  links: z.array(z.object({ source: z.string(), target: z.string(), programs: count })),
});

export const priorityViewSchema = z.object({
  from: count,
  to: count,
  rows: z.array(
    z.object({
      subjectKind: z.enum(SUBJECT_KINDS),
      subjectCode: z.string(),
      nameEn: z.string(),
      nameId: z.string(),
      metric: z.enum(PRIORITY_METRICS),
      note: z.string().nullable(),
      behind: z.boolean().meta({ description: 'the latest year with a target is behind it' }),
      behindYears: z.array(count),
      years: z.array(
        z.object({
          year: count,
          targetId: count.nullable(),
          target: z.number().nullable(),
          comparator: z.enum(COMPARATORS).nullable(),
          actual: z.number().meta({ description: 'percent (two decimals) for shares, else the count' }),
          gap: z.number().nullable().meta({ description: 'actual − target (percentage points for shares)' }),
          met: z.boolean().nullable(),
          open: z.boolean().meta({ description: 'the year is not over' }),
          programs: count,
          participants: count,
          countries: count,
          totalPrograms: count,
          totalParticipants: count,
        }),
      ),
    }),
  ),
});

export const presentPriorityView = (v: PriorityView): z.output<typeof priorityViewSchema> => ({
  from: v.from,
  to: v.to,
  rows: v.rows.map((row) => ({
    subjectKind: row.subject.kind,
    subjectCode: row.subject.code,
    nameEn: row.nameEn,
    nameId: row.nameId,
    metric: row.metric,
    note: row.note,
    behind: row.behind,
    behindYears: [...row.behindYears],
    years: row.years.map((y) => ({
      year: y.year,
      targetId: y.targetId,
      target: y.target,
      comparator: y.comparator,
      actual: y.evaluation.actual,
      gap: y.target === null ? null : y.evaluation.gap,
      met: y.met,
      open: y.open,
      programs: y.programs,
      participants: y.participants,
      countries: y.countries,
      totalPrograms: y.totalPrograms,
      totalParticipants: y.totalParticipants,
    })),
  })),
});

export const breakdownQuery = z.object({ kind: z.enum(SUBJECT_KINDS), code: z.string().trim().min(1).max(40), year, stage });

export const breakdownSchema = z.object({
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectCode: z.string(),
  nameEn: z.string(),
  nameId: z.string(),
  year: count,
  totals: z.object({ programs: count, participants: count, countries: count }),
  countries: z.array(
    z.object({
      country: z.string(),
      nameEn: z.string(),
      nameId: z.string(),
      region: z.string().nullable(),
      programs: count,
      participants: count,
    }),
  ),
});

export const targetSchema = z
  .object({
    id: count,
    year: count,
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectCode: z.string(),
    metric: z.enum(PRIORITY_METRICS),
    comparator: z.enum(COMPARATORS),
    target: z.number(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PriorityTarget' });
export const presentTarget = (t: PriorityTarget): z.output<typeof targetSchema> => ({
  id: t.id,
  year: t.year,
  subjectKind: t.subject.kind,
  subjectCode: t.subject.code,
  metric: t.metric,
  comparator: t.comparator,
  target: t.target,
  note: t.note,
  updatedAt: t.updatedAt,
});

export const listSchema = z
  .object({ id: count, code: z.string(), nameEn: z.string(), nameId: z.string(), countries: z.array(z.string()), updatedAt: z.string() })
  .meta({ id: 'CountryList' });
export const presentList = (l: CountryList) => ({ ...l, countries: [...l.countries] });

const sexSchema = z.object({
  F: count,
  M: count,
  X: count,
  notRecorded: count.meta({ description: 'counted from a recorded total, without individual records' }),
});
const presentSex = (s: SexCounts) => ({ ...s });

const costSharesSchema = z.object({
  usd: money,
  idr: money,
  programs: count,
  byCurrency: z.array(z.object({ currency: z.string(), amount: money, programs: count })),
  missingRates,
});
const presentShares = (c: CostShares) => ({
  usd: formatMinor(c.usdMinor),
  idr: formatMinor(c.idrMinor),
  programs: c.programs,
  byCurrency: c.byCurrency.map((b) => ({ currency: b.currency, amount: formatMinor(b.amountMinor), programs: b.transactions })),
  missingRates: presentMissing(c.missingRates),
});

export const countryProfileSchema = z.object({
  country: z.object({
    iso2: z.string(),
    iso3: z.string(),
    nameEn: z.string(),
    nameId: z.string(),
    region: z.string().nullable(),
    subregion: z.string().nullable(),
  }),
  memberships: z.array(
    z.object({
      group: z.string(),
      nameEn: z.string(),
      nameId: z.string(),
      status: z.string(),
      since: z.string().nullable(),
      until: z.string().nullable(),
    }),
  ),
  totals: z.object({ programs: count, participants: count, usd: money, idr: money }),
  years: z.array(z.object({ year: count.nullable(), programs: count, participants: count, usd: money })),
  participantsBySex: sexSchema,
  programs: z.array(
    programRef.extend({
      modality: z.string().nullable(),
      flagshipArea: z.string().nullable(),
      cooperationType: z.string(),
      stage: z.string(),
      implementingOrg: z.string().nullable(),
      participants: count,
      participantsBySex: sexSchema,
      recipientCount: count,
      share: z.number().meta({ description: "the country's part of the program (its recipient percentage, else an equal part)" }),
      usd: money.meta({ description: "the country's part of the program's spending" }),
      idr: money,
    }),
  ),
  partners: z.array(
    z.object({
      code: z.string(),
      acronym: z.string().nullable(),
      nameEn: z.string(),
      nameId: z.string().nullable(),
      roles: z.array(z.string()),
      programs: count,
    }),
  ),
  missingRates,
});

export const presentCountryProfile = (p: CountryProfile): z.output<typeof countryProfileSchema> => ({
  country: p.country,
  memberships: [...p.memberships],
  totals: {
    programs: p.totals.programs,
    participants: p.totals.participants,
    usd: formatMinor(p.totals.usdMinor),
    idr: formatMinor(p.totals.idrMinor),
  },
  years: p.years.map((y) => ({ year: y.year, programs: y.programs, participants: y.participants, usd: formatMinor(y.usdMinor) })),
  participantsBySex: presentSex(p.participantsBySex),
  programs: p.programs.map((x) => ({
    id: x.id,
    identifier: x.identifier,
    titleEn: x.titleEn,
    titleId: x.titleId,
    year: x.year,
    modality: x.modality,
    flagshipArea: x.flagshipArea,
    cooperationType: x.cooperationType,
    stage: x.stage,
    implementingOrg: x.implementingOrg,
    participants: x.participants,
    participantsBySex: presentSex(x.participantsBySex),
    recipientCount: x.recipientCount,
    share: x.share,
    usd: formatMinor(x.usdMinor),
    idr: formatMinor(x.idrMinor),
  })),
  partners: p.partners.map((x) => ({ ...x, roles: [...x.roles] })),
  missingRates: presentMissing(p.missingRates),
});

export const partnerProfileQuery = z.object({
  stage,
  since: year.optional().meta({ description: 'count triangular programs cumulatively from this year' }),
});

export const partnerProfileSchema = z.object({
  organisation: z.object({
    code: z.string(),
    acronym: z.string().nullable(),
    nameEn: z.string(),
    nameId: z.string().nullable(),
    type: z.string(),
    kind: z.string(),
    countryCode: z.string().nullable(),
  }),
  totals: z.object({ programs: count, triangular: count, recipients: count }),
  since: count.nullable(),
  years: z.array(z.object({ year: count.nullable(), programs: count, triangular: count, cumulativeTriangular: count })),
  roles: z.array(z.object({ role: z.string(), programs: count })),
  programs: z.array(
    programRef.extend({
      stage: z.string(),
      cooperationType: z.string(),
      role: z.string(),
      contribution: z.object({ amount: money, currency: z.string(), inKind: z.boolean(), usd: money.nullable() }).nullable(),
      recipients: z.array(z.string()),
    }),
  ),
  recipients: z.array(z.object({ country: z.string(), programs: count })),
  cash: costSharesSchema,
  inKind: costSharesSchema,
});

export const presentPartnerProfile = (p: PartnerProfile): z.output<typeof partnerProfileSchema> => ({
  organisation: p.organisation,
  totals: p.totals,
  since: p.since,
  years: [...p.years],
  roles: [...p.roles],
  programs: p.programs.map((x) => ({
    ...x,
    contribution: x.contribution && {
      amount: formatMinor(x.contribution.amountMinor),
      currency: x.contribution.currency,
      inKind: x.contribution.inKind,
      usd: x.contribution.usdMinor === null ? null : formatMinor(x.contribution.usdMinor),
    },
    recipients: [...x.recipients],
  })),
  recipients: [...p.recipients],
  cash: presentShares(p.cash),
  inKind: presentShares(p.inKind),
});
