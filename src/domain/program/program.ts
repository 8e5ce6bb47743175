/**
 * A program (IATI "activity") as Mitra holds it: every field present (null when not recorded),
 * money in hundredths of the currency unit.
 */
import type {
  ActivityStatus,
  CooperationType,
  FlagshipArea,
  FundingSource,
  IatiOrgRole,
  LifecycleStage,
  Modality,
  SscRole,
} from '../codes.js';
import { yearOf } from '../dates.js';
import type { SdgTag } from '../reference/sdgs.js';
import type { IatiDetails } from '../iati/iati-details.js';
import type { ProgramInput, ProgramPatch, BudgetInput, PartnerInput, TransactionInput } from './program.schema.js';

export interface Recipient {
  readonly country: string;
  readonly percentage: number | null;
}

export interface ProgramPartner {
  readonly org: string;
  readonly iatiRole: IatiOrgRole;
  readonly sscRole: SscRole;
  readonly contributionMinor: number | null;
  readonly currency: string | null;
  readonly inKind: boolean;
}

export interface Sector {
  readonly vocabulary: string;
  readonly code: string;
  readonly percentage: number | null;
}

export interface Budget {
  readonly type: 1 | 2;
  readonly status: 1 | 2;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly valueDate: string | null;
}

export interface Transaction {
  readonly type: string;
  readonly date: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly valueDate: string | null;
  readonly description: string | null;
}

export interface ProgramData {
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly descriptionEn: string | null;
  readonly descriptionId: string | null;
  readonly modality: Modality | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly cooperationType: CooperationType;
  readonly activityStatus: ActivityStatus;
  readonly lifecycleStage: LifecycleStage;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly venueCity: string | null;
  readonly venueCountry: string | null;
  /** Code of the implementing ministry or agency. */
  readonly implementingOrg: string | null;
  readonly fundingSource: FundingSource | null;
  readonly participantsPlanned: number | null;
  /** Demo values that no source gives (DOMAIN.md): shown as illustrative, never as fact. */
  readonly illustrative: boolean;
  readonly recipients: readonly Recipient[];
  readonly partners: readonly ProgramPartner[];
  readonly sectors: readonly Sector[];
  readonly sdgs: readonly SdgTag[];
  readonly budgets: readonly Budget[];
  readonly transactions: readonly Transaction[];
}

export interface Program extends ProgramData {
  readonly id: number;
  /** Year of the actual start, else of the planned start (DESIGN.md); null when neither is known. */
  readonly year: number | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** "mitra" (entered or imported from a spreadsheet), "iati" (taken from a publisher's IATI file). */
  readonly source?: string;
  /** For a program taken from an IATI file: its publisher and what Mitra has no field for. */
  readonly iatiDetails?: IatiDetails | null;
}

export function programYear(a: Pick<ProgramData, 'actualStart' | 'plannedStart'>): number | null {
  const start = a.actualStart ?? a.plannedStart;
  return start ? yearOf(start) : null;
}

const toPartner = (p: PartnerInput): ProgramPartner => ({
  org: p.org,
  iatiRole: p.iatiRole,
  sscRole: p.sscRole,
  contributionMinor: p.contributionAmount ?? null,
  currency: p.currency ?? null,
  inKind: p.inKind ?? false,
});

const toBudget = (b: BudgetInput): Budget => ({
  type: b.type,
  status: b.status,
  periodStart: b.periodStart,
  periodEnd: b.periodEnd,
  amountMinor: b.amount,
  currency: b.currency,
  valueDate: b.valueDate ?? null,
});

const toTransaction = (t: TransactionInput): Transaction => ({
  type: t.type,
  date: t.date,
  amountMinor: t.amount,
  currency: t.currency,
  valueDate: t.valueDate ?? null,
  description: t.description ?? null,
});

/** The defaults of a new program. */
export const ACTIVITY_DEFAULTS = {
  cooperationType: 'bilateral',
  activityStatus: 'pipeline',
  lifecycleStage: 'request',
} as const satisfies Partial<ProgramData>;

/**
 * Applies a patch (or a whole input) to a program's data: fields given replace the stored ones,
 * lists given replace the stored lists, fields left out keep their value.
 */
export function applyProgramPatch(base: ProgramData, patch: ProgramPatch): ProgramData {
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  return {
    identifier: pick(patch.identifier, base.identifier),
    titleEn: pick(patch.titleEn, base.titleEn),
    titleId: pick(patch.titleId, base.titleId),
    descriptionEn: pick(patch.descriptionEn, base.descriptionEn),
    descriptionId: pick(patch.descriptionId, base.descriptionId),
    modality: pick(patch.modality, base.modality),
    flagshipArea: pick(patch.flagshipArea, base.flagshipArea),
    cooperationType: pick(patch.cooperationType, base.cooperationType),
    activityStatus: pick(patch.activityStatus, base.activityStatus),
    lifecycleStage: pick(patch.lifecycleStage, base.lifecycleStage),
    plannedStart: pick(patch.plannedStart, base.plannedStart),
    plannedEnd: pick(patch.plannedEnd, base.plannedEnd),
    actualStart: pick(patch.actualStart, base.actualStart),
    actualEnd: pick(patch.actualEnd, base.actualEnd),
    venueCity: pick(patch.venueCity, base.venueCity),
    venueCountry: pick(patch.venueCountry, base.venueCountry),
    implementingOrg: pick(patch.implementingOrg, base.implementingOrg),
    fundingSource: pick(patch.fundingSource, base.fundingSource),
    participantsPlanned: pick(patch.participantsPlanned, base.participantsPlanned),
    illustrative: pick(patch.illustrative, base.illustrative),
    recipients: patch.recipients
      ? patch.recipients.map((r) => ({ country: r.country, percentage: r.percentage ?? null }))
      : base.recipients,
    partners: patch.partners ? patch.partners.map(toPartner) : base.partners,
    sectors: patch.sectors
      ? patch.sectors.map((s) => ({ vocabulary: s.vocabulary, code: s.code, percentage: s.percentage ?? null }))
      : base.sectors,
    sdgs: patch.sdgs ?? base.sdgs,
    budgets: patch.budgets ? patch.budgets.map(toBudget) : base.budgets,
    transactions: patch.transactions ? patch.transactions.map(toTransaction) : base.transactions,
  };
}

/** An empty program with the defaults, the base of a new one. */
export function emptyProgram(identifier: string): ProgramData {
  return {
    identifier,
    titleEn: null,
    titleId: null,
    descriptionEn: null,
    descriptionId: null,
    modality: null,
    flagshipArea: null,
    ...ACTIVITY_DEFAULTS,
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    venueCity: null,
    venueCountry: null,
    implementingOrg: null,
    fundingSource: null,
    participantsPlanned: null,
    illustrative: false,
    recipients: [],
    partners: [],
    sectors: [],
    sdgs: [],
    budgets: [],
    transactions: [],
  };
}

/** A whole input (create or PUT) as program data. */
export function programFromInput(input: ProgramInput): ProgramData {
  return applyProgramPatch(emptyProgram(input.identifier), input);
}
