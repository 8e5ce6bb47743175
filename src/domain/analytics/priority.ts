/**
 * Policy priorities: targets per year for a group of countries (a built-in grouping such as
 * the Pacific Islands Forum, a report region, a custom country list or one country), and how
 * the records measure up against them.
 */
import { z } from 'zod';
import { InvalidError } from '../errors.js';
import { isGroupCode, groupMembersInYear, listGroups } from '../reference/groupings.js';
import { countriesInRegion, countryName, isCountryCode } from '../reference/countries.js';
import { REPORT_REGION_NAMES, REPORT_REGIONS } from '../reference/types.js';
import { LIMITS, optionalText } from '../schema-helpers.js';
import { isOneOf } from '../guards.js';

export const SUBJECT_KINDS = ['group', 'region', 'list', 'country'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Shares are in percent of the year's programs or participants; the others are counts. */
export const PRIORITY_METRICS = ['program_share', 'participant_share', 'programs', 'participants', 'countries'] as const;
export type PriorityMetric = (typeof PRIORITY_METRICS)[number];

export const COMPARATORS = ['at_least', 'at_most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const isShareMetric = (m: PriorityMetric): boolean => m === 'program_share' || m === 'participant_share';

/** A custom list's code: lower-case letters, digits and dashes. */
export const LIST_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface PrioritySubject {
  readonly kind: SubjectKind;
  readonly code: string;
}

export interface PriorityTarget {
  readonly id: number;
  readonly year: number;
  readonly subject: PrioritySubject;
  readonly metric: PriorityMetric;
  readonly comparator: Comparator;
  /** Percent (two decimals) for shares, a whole number otherwise. */
  readonly target: number;
  readonly note: string | null;
  readonly updatedAt: string;
}

export interface CountryList {
  readonly id: number;
  readonly code: string;
  readonly nameEn: string;
  readonly nameId: string;
  readonly countries: readonly string[];
  readonly updatedAt: string;
}

const year = z.number().int().min(1900).max(2200);

export const priorityTargetInputSchema = z
  .strictObject({
    year,
    subjectKind: z.enum(SUBJECT_KINDS),
    subjectCode: z.string().trim().min(1).max(40),
    metric: z.enum(PRIORITY_METRICS),
    comparator: z.enum(COMPARATORS).default('at_least'),
    target: z.number().min(0, { message: 'must not be negative' }),
    note: optionalText(LIMITS.shortText * 2),
  })
  .superRefine((t, ctx) => {
    const codeProblem = subjectCodeProblem(t.subjectKind, t.subjectCode);
    if (codeProblem) ctx.addIssue({ code: 'custom', path: ['subjectCode'], message: codeProblem, params: { code: 'unknown_subject' } });
    if (isShareMetric(t.metric)) {
      if (t.target > 100)
        ctx.addIssue({
          code: 'custom',
          path: ['target'],
          message: 'a share is a percentage between 0 and 100',
          params: { code: 'out_of_range' },
        });
      if (Math.abs(Math.round(t.target * 100) - t.target * 100) > 1e-7)
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'a share has at most two decimals' });
    } else if (!Number.isInteger(t.target)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: `${t.metric} is a count: a whole number` });
    }
  })
  .transform((t) => ({ ...t, subjectCode: normaliseSubjectCode(t.subjectKind, t.subjectCode) }));

export type PriorityTargetInput = z.output<typeof priorityTargetInputSchema>;

export const countryListInputSchema = z.strictObject({
  code: z.string().trim().toLowerCase().regex(LIST_CODE_PATTERN, { message: 'lower-case letters, digits and dashes, at most 40' }),
  nameEn: z.string().trim().min(1, { message: 'is required' }).max(LIMITS.shortText),
  nameId: z.string().trim().min(1, { message: 'is required' }).max(LIMITS.shortText),
  countries: z
    .array(z.string().trim().toUpperCase())
    .min(1, { message: 'a list needs at least one country' })
    .max(300)
    .superRefine((codes, ctx) => {
      const seen = new Set<string>();
      codes.forEach((c, i) => {
        if (!isCountryCode(c))
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `"${c}" is not an ISO 3166-1 alpha-2 country code`,
            params: { code: 'unknown_country' },
          });
        else if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [i], message: `${c} is listed twice` });
        seen.add(c);
      });
    })
    .transform((codes) => [...codes].sort()),
});

export type CountryListInput = z.output<typeof countryListInputSchema>;

/** A subject code as stored: trimmed, groupings and countries upper-case, regions and lists lower-case. */
export function normaliseSubjectCode(kind: SubjectKind, code: string): string {
  const c = code.trim();
  return kind === 'group' || kind === 'country' ? c.toUpperCase() : c.toLowerCase();
}

/** Why a subject code is not one of its kind, or null. Custom lists are checked against the database by the service. */
export function subjectCodeProblem(kind: SubjectKind, code: string): string | null {
  const c = normaliseSubjectCode(kind, code);
  if (kind === 'group' && !isGroupCode(c))
    return `unknown grouping "${code}"; expected one of ${listGroups()
      .map((g) => g.code)
      .join(', ')}`;
  if (kind === 'region' && !isOneOf(REPORT_REGIONS, c)) return `unknown region "${code}"; expected one of ${REPORT_REGIONS.join(', ')}`;
  if (kind === 'country' && !isCountryCode(c)) return `"${code}" is not an ISO 3166-1 alpha-2 country code`;
  if (kind === 'list' && !LIST_CODE_PATTERN.test(c)) return `"${code}" is not a country-list code`;
  return null;
}

/** A subject asked for by kind and code as typed, its code normalised; an unknown code is refused (`priority.unknown_subject`). */
export function prioritySubjectOf(kind: SubjectKind, code: string): PrioritySubject {
  const problem = subjectCodeProblem(kind, code);
  if (problem) throw new InvalidError('priority.unknown_subject', problem, [{ path: 'code', message: problem }]);
  return { kind, code: normaliseSubjectCode(kind, code) };
}

/**
 * The member countries of a subject in a year: a grouping's members that year (New Caledonia
 * counts for PIF from 2016), a region's countries, a list's countries, or the country itself.
 */
export function subjectMembers(subject: PrioritySubject, year: number, lists: ReadonlyMap<string, readonly string[]>): string[] {
  switch (subject.kind) {
    case 'group':
      return isGroupCode(subject.code) ? groupMembersInYear(subject.code, year) : [];
    case 'region':
      return isOneOf(REPORT_REGIONS, subject.code) ? countriesInRegion(subject.code) : [];
    case 'list':
      return [...(lists.get(subject.code) ?? [])];
    case 'country':
      return [subject.code];
  }
}

export function subjectName(
  subject: PrioritySubject,
  lang: 'en' | 'id',
  lists: ReadonlyMap<string, { nameEn: string; nameId: string }>,
): string {
  switch (subject.kind) {
    case 'group': {
      const g = listGroups().find((x) => x.code === subject.code);
      return g ? (lang === 'id' ? g.nameId : g.nameEn) : subject.code;
    }
    case 'region':
      return isOneOf(REPORT_REGIONS, subject.code) ? REPORT_REGION_NAMES[lang][subject.code] : subject.code;
    case 'list': {
      const l = lists.get(subject.code);
      return l ? (lang === 'id' ? l.nameId : l.nameEn) : subject.code;
    }
    case 'country':
      return countryName(subject.code, lang);
  }
}

/** What the records show for a subject in a year, and the year's totals the shares divide by. */
export interface SubjectFigures {
  readonly programs: number;
  readonly participants: number;
  readonly countries: number;
  readonly totalPrograms: number;
  readonly totalParticipants: number;
}

export interface Evaluation {
  /** The measured value: percent with two decimals for shares, else the count. */
  readonly actual: number;
  readonly met: boolean;
  /** actual − target, in the target's unit (percentage points for shares). */
  readonly gap: number;
}

/**
 * Compares the records with a target exactly: a share target of 25% is met by 1 of 4 programs
 * (the comparison is made on integers, not on a rounded percentage).
 */
export function evaluateTarget(metric: PriorityMetric, comparator: Comparator, target: number, f: SubjectFigures): Evaluation {
  let part: number;
  let whole: number;
  switch (metric) {
    case 'program_share':
      [part, whole] = [f.programs, f.totalPrograms];
      break;
    case 'participant_share':
      [part, whole] = [f.participants, f.totalParticipants];
      break;
    default: {
      const actual = metric === 'programs' ? f.programs : metric === 'participants' ? f.participants : f.countries;
      return { actual, met: comparator === 'at_least' ? actual >= target : actual <= target, gap: actual - target };
    }
  }
  const targetHundredths = Math.round(target * 100);
  const actual = whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;
  // part / whole ≥ t / 10,000 ⇔ part × 10,000 ≥ t × whole (t in hundredths of a percent).
  const lhs = part * 10_000;
  const rhs = targetHundredths * whole;
  const met = whole === 0 ? comparator === 'at_most' || targetHundredths === 0 : comparator === 'at_least' ? lhs >= rhs : lhs <= rhs;
  return { actual, met, gap: Math.round((actual - target) * 100) / 100 };
}
