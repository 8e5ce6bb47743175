/**
 * The program form's state, what it sends, and its checks: the API's own schema and the domain's
 * rules (domain/program), so that the form finds the errors the server would, on the same fields.
 */
import {
  IATI_ORG_ROLES,
  type ActivityStatus,
  type CooperationType,
  type FlagshipArea,
  type FundingSource,
  type IatiOrgRole,
  type LifecycleStage,
  type Modality,
  type SscRole,
} from '../../../../src/domain/codes.js';
import { programFromInput } from '../../../../src/domain/program/program.js';
import { STATUS_OF_STAGE, statusFitsStage } from '../../../../src/domain/program/stage-status.js';
import { checkProgramRules } from '../../../../src/domain/program/program.rules.js';
import { programInputSchema } from '../../../../src/domain/program/program.schema.js';
import type { Program } from '../../api/client.js';
import type { ProgramBody } from '../../api/queries.js';
import { addIssues, addSchemaErrors, type FieldErrors } from '../../components/field-errors.js';
import { orNull } from '../../components/form-values.js';

export interface PartnerRow {
  org: string;
  iatiRole: IatiOrgRole;
  sscRole: SscRole;
  contributionAmount: string;
  currency: string;
  inKind: boolean;
}
export interface BudgetRow {
  periodStart: string;
  periodEnd: string;
  amount: string;
  currency: string;
}
export interface TransactionRow {
  type: string;
  date: string;
  amount: string;
  currency: string;
  description: string;
}
export interface RecipientRow {
  country: string;
  percentage: string;
}

/** Every field as the form holds it: texts as typed, codes as chosen ('' for none). */
export interface ProgramFormState {
  identifier: string;
  titleEn: string;
  titleId: string;
  descriptionEn: string;
  descriptionId: string;
  modality: Modality | '';
  flagshipArea: FlagshipArea | '';
  cooperationType: CooperationType;
  activityStatus: ActivityStatus;
  lifecycleStage: LifecycleStage;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  venueCity: string;
  venueCountry: string;
  implementingOrg: string;
  fundingSource: FundingSource | '';
  participantsPlanned: string;
  illustrative: boolean;
  recipients: RecipientRow[];
  partners: PartnerRow[];
  sdgs: string;
  budgets: BudgetRow[];
  transactions: TransactionRow[];
  /** Kept as they are (the form does not edit sectors). */
  sectors: Program['sectors'];
}

/** The fields the form shows as a text box (the others are codes, lists or a tick). */
export type ProgramTextField = {
  [K in keyof ProgramFormState]: string extends ProgramFormState[K] ? (ProgramFormState[K] extends string ? K : never) : never;
}[keyof ProgramFormState];

export const emptyProgramForm = (): ProgramFormState => ({
  identifier: '',
  titleEn: '',
  titleId: '',
  descriptionEn: '',
  descriptionId: '',
  modality: '',
  flagshipArea: '',
  cooperationType: 'bilateral',
  activityStatus: 'pipeline',
  lifecycleStage: 'request',
  plannedStart: '',
  plannedEnd: '',
  actualStart: '',
  actualEnd: '',
  venueCity: '',
  venueCountry: '',
  implementingOrg: '',
  fundingSource: '',
  participantsPlanned: '',
  illustrative: false,
  recipients: [],
  partners: [],
  sdgs: '',
  budgets: [],
  transactions: [],
  sectors: [],
});

export const newPartnerRow = (): PartnerRow => ({
  org: '',
  iatiRole: 1,
  sscRole: 'second_provider',
  contributionAmount: '',
  currency: '',
  inKind: false,
});
export const newBudgetRow = (): BudgetRow => ({ periodStart: '', periodEnd: '', amount: '', currency: 'IDR' });
export const newTransactionRow = (): TransactionRow => ({ type: '4', date: '', amount: '', currency: 'IDR', description: '' });

/** A stored IATI organisation role (the server keeps 1 to 4; anything else reads as the role select's first, 1). */
export const iatiRoleOf = (value: number | string): IatiOrgRole => IATI_ORG_ROLES.find((r) => String(r) === String(value)) ?? 1;

/** The edit form of a stored program. */
export function programFormOf(a: Program): ProgramFormState {
  return {
    identifier: a.identifier,
    titleEn: a.titleEn ?? '',
    titleId: a.titleId ?? '',
    descriptionEn: a.descriptionEn ?? '',
    descriptionId: a.descriptionId ?? '',
    modality: a.modality ?? '',
    flagshipArea: a.flagshipArea ?? '',
    cooperationType: a.cooperationType,
    activityStatus: a.activityStatus,
    lifecycleStage: a.lifecycleStage,
    plannedStart: a.plannedStart ?? '',
    plannedEnd: a.plannedEnd ?? '',
    actualStart: a.actualStart ?? '',
    actualEnd: a.actualEnd ?? '',
    venueCity: a.venueCity ?? '',
    venueCountry: a.venueCountry ?? '',
    implementingOrg: a.implementingOrg ?? '',
    fundingSource: a.fundingSource ?? '',
    participantsPlanned: a.participantsPlanned === null ? '' : String(a.participantsPlanned),
    illustrative: a.illustrative,
    recipients: a.recipients.map((r) => ({ country: r.country, percentage: r.percentage === null ? '' : String(r.percentage) })),
    partners: a.partners.map((p) => ({
      org: p.org,
      iatiRole: iatiRoleOf(p.iatiRole),
      sscRole: p.sscRole,
      contributionAmount: p.contributionAmount ?? '',
      currency: p.currency ?? '',
      inKind: p.inKind,
    })),
    sdgs: a.sdgs.map((s) => s.target ?? String(s.goal)).join(', '),
    budgets: a.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount, currency: b.currency })),
    transactions: a.transactions.map((x) => ({
      type: x.type,
      date: x.date,
      amount: x.amount,
      currency: x.currency,
      description: x.description ?? '',
    })),
    sectors: a.sectors,
  };
}

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));

/** The status the form shows and sends: the one chosen if it fits the stage, else the stage's own (issue 21). */
export function statusOf(s: Pick<ProgramFormState, 'activityStatus' | 'lifecycleStage'>): ProgramFormState['activityStatus'] {
  return statusFitsStage(s.activityStatus, s.lifecycleStage) ? s.activityStatus : STATUS_OF_STAGE[s.lifecycleStage];
}

/**
 * The form as the API's request body: empty fields are null, numbers are numbers. `withStage`
 * false leaves the lifecycle stage out: the stage of a stored program moves only by transitions,
 * and a new program is a request unless a coordinator chooses otherwise.
 */
export function toProgramBody(s: ProgramFormState, withStage = true): ProgramBody {
  return {
    identifier: s.identifier.trim(),
    titleEn: orNull(s.titleEn),
    titleId: orNull(s.titleId),
    descriptionEn: orNull(s.descriptionEn),
    descriptionId: orNull(s.descriptionId),
    modality: s.modality || null,
    flagshipArea: s.flagshipArea || null,
    cooperationType: s.cooperationType,
    activityStatus: statusOf(s),
    ...(withStage ? { lifecycleStage: s.lifecycleStage } : {}),
    plannedStart: orNull(s.plannedStart),
    plannedEnd: orNull(s.plannedEnd),
    actualStart: orNull(s.actualStart),
    actualEnd: orNull(s.actualEnd),
    venueCity: orNull(s.venueCity),
    venueCountry: orNull(s.venueCountry),
    implementingOrg: orNull(s.implementingOrg),
    fundingSource: s.fundingSource || null,
    participantsPlanned: numberOrNull(s.participantsPlanned),
    illustrative: s.illustrative,
    recipients: s.recipients.map((r) => ({ country: r.country, percentage: numberOrNull(r.percentage) })),
    partners: s.partners.map((p) => ({
      org: p.org,
      iatiRole: p.iatiRole,
      sscRole: p.sscRole,
      contributionAmount: orNull(p.contributionAmount),
      currency: orNull(p.currency),
      inKind: p.inKind,
    })),
    sectors: s.sectors.map((x) => ({ vocabulary: x.vocabulary, code: x.code, percentage: x.percentage })),
    sdgs: s.sdgs
      .split(/[\s,;]+/)
      .map((x) => x.trim())
      .filter(Boolean),
    budgets: s.budgets.map((b) => ({ periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount.trim(), currency: b.currency })),
    transactions: s.transactions.map((x) => ({
      type: x.type,
      date: x.date,
      amount: x.amount.trim(),
      currency: x.currency,
      description: orNull(x.description),
    })),
  };
}

/**
 * Checks with the API's own schema, then (when it passes) the domain's rules; field errors by
 * path. Zod's own text stands for an empty required text (this form never read it as "required").
 */
export function validateProgramForm(s: ProgramFormState): FieldErrors {
  const parsed = programInputSchema.safeParse(toProgramBody(s));
  if (!parsed.success) return addSchemaErrors(new Map(), parsed, { emptyIsRequired: false });
  return addIssues(new Map(), checkProgramRules(programFromInput(parsed.data)));
}

/** The list with row `index` changed. */
export const patchRow = <R>(rows: readonly R[], index: number, patch: Partial<R>): R[] =>
  rows.map((row, i) => (i === index ? { ...row, ...patch } : row));

/** The list without row `index`. */
export const removeRow = <R>(rows: readonly R[], index: number): R[] => rows.filter((_, i) => i !== index);
