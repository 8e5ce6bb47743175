/** What the API answers for programs: response schemas (for OpenAPI) and presenters. */
import { z } from 'zod';
import type { Program } from '../domain/program/program.js';
import {
  activityStatuses,
  cooperationTypes,
  flagshipAreas,
  fundingSources,
  lifecycleStages,
  modalities,
  sscRoles,
} from '../domain/codes.js';
import { formatMinor } from '../domain/money.js';
import type { ProgramSummary } from '../services/programs.ports.js';
import { pageOf } from './common.schemas.js';

const day = z.string().nullable();

const summaryShape = {
  id: z.number().int(),
  identifier: z.string(),
  titleEn: z.string().nullable(),
  titleId: z.string().nullable(),
  modality: z.enum(modalities.codes).nullable(),
  flagshipArea: z.enum(flagshipAreas.codes).nullable(),
  cooperationType: z.enum(cooperationTypes.codes),
  activityStatus: z.enum(activityStatuses.codes),
  lifecycleStage: z.enum(lifecycleStages.codes),
  plannedStart: day,
  plannedEnd: day,
  actualStart: day,
  actualEnd: day,
  year: z.number().int().nullable().meta({ description: 'year of actualStart, else plannedStart' }),
  venueCity: z.string().nullable(),
  venueCountry: z.string().nullable(),
  implementingOrg: z.string().nullable(),
  participantsPlanned: z.number().int().nullable(),
  illustrative: z.boolean().meta({ description: 'demo values that no source gives' }),
  updatedAt: z.string(),
};

export const programSummarySchema = z
  .object({ ...summaryShape, recipients: z.array(z.string()).meta({ description: 'ISO alpha-2 codes' }) })
  .meta({ id: 'ActivitySummary' });

export const programPageSchema = pageOf(programSummarySchema).meta({ id: 'ActivityPage' });

const amount = z.string().meta({ description: 'exact decimal amount', example: '1250000.00' });

export const programSchema = z
  .object({
    ...summaryShape,
    descriptionEn: z.string().nullable(),
    descriptionId: z.string().nullable(),
    fundingSource: z.enum(fundingSources.codes).nullable(),
    recipients: z.array(z.object({ country: z.string(), percentage: z.number().nullable() })),
    partners: z.array(
      z.object({
        org: z.string(),
        iatiRole: z.number().int(),
        sscRole: z.enum(sscRoles.codes),
        contributionAmount: amount.nullable(),
        currency: z.string().nullable(),
        inKind: z.boolean(),
      }),
    ),
    sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), percentage: z.number().nullable() })),
    sdgs: z.array(z.object({ goal: z.number().int(), target: z.string().nullable() })),
    budgets: z.array(
      z.object({
        type: z.number().int(),
        status: z.number().int(),
        periodStart: z.string(),
        periodEnd: z.string(),
        amount,
        currency: z.string(),
        valueDate: day,
      }),
    ),
    transactions: z.array(
      z.object({
        type: z.string(),
        date: z.string(),
        amount,
        currency: z.string(),
        valueDate: day,
        description: z.string().nullable(),
      }),
    ),
    version: z.number().int().meta({ description: 'optimistic-lock version; also sent as the ETag' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Activity' });

export type ProgramJson = z.output<typeof programSchema>;

export function presentProgram(a: Program): ProgramJson {
  return {
    id: a.id,
    identifier: a.identifier,
    titleEn: a.titleEn,
    titleId: a.titleId,
    descriptionEn: a.descriptionEn,
    descriptionId: a.descriptionId,
    modality: a.modality,
    flagshipArea: a.flagshipArea,
    cooperationType: a.cooperationType,
    activityStatus: a.activityStatus,
    lifecycleStage: a.lifecycleStage,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    actualStart: a.actualStart,
    actualEnd: a.actualEnd,
    year: a.year,
    venueCity: a.venueCity,
    venueCountry: a.venueCountry,
    implementingOrg: a.implementingOrg,
    fundingSource: a.fundingSource,
    participantsPlanned: a.participantsPlanned,
    illustrative: a.illustrative,
    recipients: a.recipients.map((r) => ({ country: r.country, percentage: r.percentage })),
    partners: a.partners.map((p) => ({
      org: p.org,
      iatiRole: p.iatiRole,
      sscRole: p.sscRole,
      contributionAmount: p.contributionMinor === null ? null : formatMinor(p.contributionMinor),
      currency: p.currency,
      inKind: p.inKind,
    })),
    sectors: a.sectors.map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage })),
    sdgs: a.sdgs.map((s) => ({ goal: s.goal, target: s.target })),
    budgets: a.budgets.map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      amount: formatMinor(b.amountMinor),
      currency: b.currency,
      valueDate: b.valueDate,
    })),
    transactions: a.transactions.map((t) => ({
      type: t.type,
      date: t.date,
      amount: formatMinor(t.amountMinor),
      currency: t.currency,
      valueDate: t.valueDate,
      description: t.description,
    })),
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function presentSummary(s: ProgramSummary): z.output<typeof programSummarySchema> {
  return { ...s, recipients: [...s.recipients] };
}
