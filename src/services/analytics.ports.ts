/**
 * Ports of the analytics (services/analytics.ts, profiles.ts, priorities.ts): figures read from
 * the summary tables; db/analytics.repo.ts implements them.
 */
import type { SubjectFigures } from '../domain/analytics/priority.js';
import type { LifecycleStage } from '../domain/codes.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import type { Program } from '../domain/program/program.js';
import type { SpendingGroup } from '../domain/report/summary.js';

/** Programs and participants counted in one year. */
export interface YearCounts extends Pick<SubjectFigures, 'programs' | 'participants'> {
  readonly year: number;
}

/** A year's programs, participants and recipient countries (of everything, or of one subject). */
export interface YearFigure extends YearCounts, Pick<SubjectFigures, 'countries'> {}

export interface CountryFigure extends YearCounts {
  readonly country: string;
}

export interface RegionFigure extends YearFigure {
  readonly region: string | null;
}

export interface DimFigure extends YearCounts {
  /** The modality, area or cooperation type; null for programs where it is not recorded. */
  readonly code: string | null;
}

/** What identifies a program in a profile's list. */
export type ProgramRef = Pick<Program, 'id' | 'identifier' | 'titleEn' | 'titleId' | 'year'>;

export interface CountryProfileRows {
  readonly programs: readonly (ProgramRef & {
    modality: string | null;
    flagshipArea: string | null;
    cooperationType: string;
    stage: string;
    implementingOrg: string | null;
    /** Participants counted for this country (records, or its part of a recorded total). */
    participants: number;
    participantsSource: string | null;
    recipientCount: number;
    /** The country's recipient percentage, null when none is recorded. */
    percentage: number | null;
  })[];
  /** Participant records from the country, per program and sex. */
  readonly sexes: readonly { activityId: number; sex: string; count: number }[];
  readonly partners: readonly (Pick<Organisation, 'code' | 'acronym' | 'nameEn' | 'nameId'> & { role: string; programs: number })[];
  /** Spent amounts of the programs going to the country (whole programs; the service takes the country's part). */
  readonly spending: readonly { activityId: number; group: SpendingGroup }[];
}

export interface PartnerProfileRows {
  readonly programs: readonly (ProgramRef & {
    cooperationType: string;
    stage: string;
    role: string;
    contributionMinor: number | null;
    currency: string | null;
    inKind: boolean;
    /** The program's start (actual, else planned): contributions convert at the rates of that day. */
    day: string | null;
    currencyRate: number | null;
    idrRate: number | null;
  })[];
  readonly recipients: readonly { activityId: number; country: string }[];
}

export interface NetworkLinks {
  /** Triangular programs per implementing agency and partner (second provider or facilitator). */
  readonly providerPartner: readonly { provider: string | null; partner: string; programs: number }[];
  /** Triangular programs per partner and recipient country. */
  readonly partnerCountry: readonly { partner: string; country: string; programs: number }[];
}

type Stages = readonly LifecycleStage[] | undefined;

/** A year that has programs, and how many. */
export interface ProgramYear {
  readonly year: number;
  readonly programs: number;
}

export interface AnalyticsRepository {
  /** The years that have programs (in these stages), latest first. */
  programYears(stages: Stages): Promise<ProgramYear[]>;
  /** Programs, participants and recipient countries per year (years with programs only). */
  yearTotals(from: number, to: number, stages: Stages): Promise<YearFigure[]>;
  /**
   * The same figures for programs going to a subject (dim group, region, list or country of the
   * summary tables), with its member countries per set of years (for the country count).
   */
  subjectFigures(
    subject: { dim: string; key: string },
    sets: readonly { years: readonly number[]; members: readonly string[] }[],
    stages: Stages,
  ): Promise<YearFigure[]>;
  countryFigures(from: number, to: number, stages: Stages, countries?: readonly string[]): Promise<CountryFigure[]>;
  regionFigures(from: number, to: number, stages: Stages): Promise<RegionFigure[]>;
  dimFigures(dim: 'modality' | 'area' | 'coop', from: number, to: number, stages: Stages): Promise<DimFigure[]>;
  spendingByYear(
    from: number,
    to: number,
    stages: Stages,
    by: 'total' | 'modality' | 'flagship',
  ): Promise<{ year: number; key: string | null; group: SpendingGroup }[]>;
  countryProfile(iso2: string, stages: Stages): Promise<CountryProfileRows>;
  partnerProfile(orgId: number, stages: Stages): Promise<PartnerProfileRows>;
  triangularNetwork(from: number, to: number, stages: Stages): Promise<NetworkLinks>;
}
