/**
 * Shapes of the project's own reference tables (generated into ./data by
 * scripts/build-reference.ts from the shared reference files; see docs/reference-data.md).
 */

/** The five regions of the coordination team's annual reports (UN M49 at region level). */
export const REPORT_REGIONS = ['asia', 'oceania', 'africa', 'americas', 'europe'] as const;
export type ReportRegion = (typeof REPORT_REGIONS)[number];

/** The report regions' names as the annual reports print them. */
export const REPORT_REGION_NAMES: Readonly<Record<'en' | 'id', Readonly<Record<ReportRegion, string>>>> = {
  en: { asia: 'Asia', oceania: 'Oceania', africa: 'Africa', americas: 'America & Caribbean', europe: 'Europe' },
  id: { asia: 'Asia', oceania: 'Oseania', africa: 'Afrika', americas: 'Amerika dan Karibia', europe: 'Eropa' },
};

export interface CountryRecord {
  /** ISO 3166-1 alpha-2 (plus XK for Kosovo, as in common practice). */
  readonly iso2: string;
  readonly iso3: string;
  /** ISO 3166-1 numeric, zero-padded to three digits ("004"). */
  readonly numeric: string;
  /** Display name in English. */
  readonly nameEn: string;
  /** Display name in Indonesian. */
  readonly nameId: string;
  /** Other names the resolver accepts (official, UN M49, common and Indonesian variants). */
  readonly aliases: readonly string[];
  readonly m49RegionCode: string | null;
  readonly m49SubregionCode: string | null;
  readonly m49SubregionName: string | null;
  readonly m49IntermediateCode: string | null;
  /** Report region, null only for Antarctica. */
  readonly region: ReportRegion | null;
  /** "member", "observer", "non_member" or "territory" in the UN sense. */
  readonly unStatus: 'member' | 'observer' | 'non_member' | 'territory' | 'special';
  /** "Developing"/"Developed" in the last UN M49 list that carried the distinction (2021). */
  readonly developing: boolean | null;
}

export const GROUP_CODES = ['LDC', 'LLDC', 'SIDS', 'PIF', 'MSG', 'ASEAN', 'AU', 'OIC', 'G77'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

export type MembershipStatus = 'member' | 'former member' | 'associate member' | 'observer' | 'dialogue partner';

export interface GroupRecord {
  readonly code: GroupCode;
  readonly nameEn: string;
  readonly nameId: string;
  readonly kind: string;
}

/** One period of one country's standing in a group. Dates are YYYY, YYYY-MM or YYYY-MM-DD. */
export interface MembershipRecord {
  readonly group: GroupCode;
  readonly iso2: string;
  readonly status: MembershipStatus;
  readonly since: string | null;
  readonly until: string | null;
}

export interface SdgGoalRecord {
  readonly goal: number;
  readonly shortEn: string;
  readonly titleEn: string;
  readonly shortId: string;
  readonly titleId: string;
  readonly colorHex: string;
}

export interface SdgTargetRecord {
  /** "8.3", "1.a" */
  readonly target: string;
  readonly goal: number;
  readonly titleEn: string;
}

export interface CodelistItem {
  readonly code: string;
  readonly name: string;
  /** false for items the codelist marks withdrawn */
  readonly active: boolean;
}
