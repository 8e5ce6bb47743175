/**
 * Matching a partner government's request to what Indonesia can offer (docs/requests.md): the
 * ministries and agencies that ran programs of the same flagship area or sector, those past
 * programs themselves, and alumni from the requesting country. Each match has a score and the
 * reasons behind it, as codes with parameters so the interface can say them in either language.
 *
 * The score adds points per reason:
 *   same flagship area           10 per program (at most 3 programs counted)
 *   same DAC sector (5-digit)    10 per program (at most 3)
 *   same DAC sector category      5 per program whose sector shares only the 3-digit category (at most 3)
 *   requesting country            8 per program with that recipient (at most 3)
 *   its region                    3 per program with a recipient in the region but not the country (at most 3)
 *   same modality                 4 per program (at most 3)
 *   recency                      10 for a matching program in the request's year or later,
 *                                 2 less per year before, 0 from five years back
 * A program is one program, so its counts are 0 or 1. Candidates must share the area or the
 * sector (category) when the request names one; otherwise the region's candidates are ranked.
 */
import type { FlagshipArea, LifecycleStage, Modality } from '../codes.js';
import { yearOf } from '../dates.js';
import { regionOf } from '../reference/countries.js';
import type { ReportRegion } from '../reference/types.js';
import type { CooperationRequestData } from './request.js';

/** Points per counted program of each reason, and how many programs count at most. */
export const MATCH_POINTS = {
  same_area: 10,
  same_sector: 10,
  same_sector_category: 5,
  country_experience: 8,
  region_experience: 3,
  same_modality: 4,
} as const;
export const MAX_COUNTED_PROGRAMS = 3;
export const RECENCY = { maxPoints: 10, perYear: 2 } as const;
/** Programs that count as experience: those that ran or are running. */
export const MATCH_STAGES: readonly LifecycleStage[] = ['implementation', 'completed', 'evaluated'];
/** How many matches of each kind are shown. */
export const MATCH_LIMIT = 10;

/** What the ranking compares: the request's area, sector, country (and region), modality and year. */
export interface MatchQuery {
  readonly country: string;
  readonly region: ReportRegion | null;
  readonly flagshipArea: FlagshipArea | null;
  readonly sectorCode: string | null;
  /** The 3-digit DAC category of the sector. */
  readonly sectorCategory: string | null;
  readonly modality: Modality | null;
  /** Recency is measured from the year the request was received. */
  readonly referenceYear: number;
}

export function matchQueryOf(
  r: Pick<CooperationRequestData, 'country' | 'flagshipArea' | 'sectorCode' | 'modality' | 'receivedOn'>,
): MatchQuery {
  return {
    country: r.country,
    region: regionOf(r.country),
    flagshipArea: r.flagshipArea,
    sectorCode: r.sectorCode,
    sectorCategory: r.sectorCode ? r.sectorCode.slice(0, 3) : null,
    modality: r.modality,
    referenceYear: yearOf(r.receivedOn),
  };
}

/** Whether the request names a subject (area or sector) that candidates must share. */
export function hasSubject(q: MatchQuery): boolean {
  return q.flagshipArea !== null || q.sectorCode !== null;
}

/** How many of a candidate's programs share each feature of the request (counted in SQL). */
export interface MatchFacts {
  readonly areaPrograms: number;
  /** Programs with the request's exact 5-digit sector. */
  readonly sectorPrograms: number;
  /** Programs whose sector shares only the 3-digit category (not the exact code). */
  readonly sectorCategoryPrograms: number;
  readonly countryPrograms: number;
  /** Programs with a recipient in the region but not the requesting country itself. */
  readonly regionPrograms: number;
  readonly modalityPrograms: number;
  /** The year of the latest program that shares the subject (any program when the request has none). */
  readonly latestYear: number | null;
}

export const NO_FACTS: MatchFacts = {
  areaPrograms: 0,
  sectorPrograms: 0,
  sectorCategoryPrograms: 0,
  countryPrograms: 0,
  regionPrograms: 0,
  modalityPrograms: 0,
  latestYear: null,
};

export type MatchReason =
  | { readonly code: 'same_area'; readonly area: FlagshipArea; readonly programs: number; readonly points: number }
  | { readonly code: 'same_sector'; readonly sector: string; readonly programs: number; readonly points: number }
  | { readonly code: 'same_sector_category'; readonly category: string; readonly programs: number; readonly points: number }
  | { readonly code: 'country_experience'; readonly country: string; readonly programs: number; readonly points: number }
  | { readonly code: 'region_experience'; readonly region: ReportRegion; readonly programs: number; readonly points: number }
  | { readonly code: 'same_modality'; readonly modality: Modality; readonly programs: number; readonly points: number }
  | { readonly code: 'recent'; readonly year: number; readonly points: number };

export type MatchReasonCode = MatchReason['code'];

export interface Ranked<T> {
  readonly candidate: T;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

const counted = (n: number) => Math.min(Math.max(n, 0), MAX_COUNTED_PROGRAMS);

/** Points for a matching program of `year`, seen from `referenceYear`. */
export function recencyPoints(year: number | null, referenceYear: number): number {
  if (year === null) return 0;
  const age = Math.max(0, referenceYear - year);
  return Math.max(0, RECENCY.maxPoints - RECENCY.perYear * age);
}

/** The score of one candidate's facts and the reasons that add up to it, in a fixed order. */
export function scoreFacts(q: MatchQuery, f: MatchFacts): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const pts = (weight: number, n: number) => weight * counted(n);
  if (q.flagshipArea && f.areaPrograms > 0)
    reasons.push({
      code: 'same_area',
      area: q.flagshipArea,
      programs: f.areaPrograms,
      points: pts(MATCH_POINTS.same_area, f.areaPrograms),
    });
  if (q.sectorCode && f.sectorPrograms > 0)
    reasons.push({
      code: 'same_sector',
      sector: q.sectorCode,
      programs: f.sectorPrograms,
      points: pts(MATCH_POINTS.same_sector, f.sectorPrograms),
    });
  if (q.sectorCategory && f.sectorCategoryPrograms > 0) {
    reasons.push({
      code: 'same_sector_category',
      category: q.sectorCategory,
      programs: f.sectorCategoryPrograms,
      points: pts(MATCH_POINTS.same_sector_category, f.sectorCategoryPrograms),
    });
  }
  if (f.countryPrograms > 0)
    reasons.push({
      code: 'country_experience',
      country: q.country,
      programs: f.countryPrograms,
      points: pts(MATCH_POINTS.country_experience, f.countryPrograms),
    });
  if (q.region && f.regionPrograms > 0)
    reasons.push({
      code: 'region_experience',
      region: q.region,
      programs: f.regionPrograms,
      points: pts(MATCH_POINTS.region_experience, f.regionPrograms),
    });
  if (q.modality && f.modalityPrograms > 0)
    reasons.push({
      code: 'same_modality',
      modality: q.modality,
      programs: f.modalityPrograms,
      points: pts(MATCH_POINTS.same_modality, f.modalityPrograms),
    });
  const recency = recencyPoints(f.latestYear, q.referenceYear);
  if (recency > 0 && f.latestYear !== null) reasons.push({ code: 'recent', year: f.latestYear, points: recency });
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** A candidate shares the request's subject (area, sector or sector category). */
export function sharesSubject(q: MatchQuery, f: MatchFacts): boolean {
  if (!hasSubject(q)) return true;
  return (
    (q.flagshipArea !== null && f.areaPrograms > 0) || (q.sectorCode !== null && (f.sectorPrograms > 0 || f.sectorCategoryPrograms > 0))
  );
}

export interface Candidate {
  readonly facts: MatchFacts;
  /** Orders equal scores (after the latest year): a code, identifier or name. */
  readonly sortKey: string;
}

/**
 * Ranks candidates: those that share the subject, by score, then the latest matching year (most
 * recent first), then the sort key; at most `limit`.
 */
export function rankCandidates<T extends Candidate>(q: MatchQuery, candidates: readonly T[], limit = MATCH_LIMIT): Ranked<T>[] {
  return candidates
    .filter((c) => sharesSubject(q, c.facts))
    .map((candidate) => ({ candidate, ...scoreFacts(q, candidate.facts) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.candidate.facts.latestYear ?? 0) - (a.candidate.facts.latestYear ?? 0) ||
        a.candidate.sortKey.localeCompare(b.candidate.sortKey),
    )
    .slice(0, limit);
}

export interface MatchCandidates<A extends Candidate, P extends Candidate, L extends Candidate> {
  /** Ministries and agencies that implemented programs. */
  readonly agencies: readonly A[];
  readonly programs: readonly P[];
  /** Alumni from the requesting country (their facts count their own programs; country and region do not apply). */
  readonly alumni: readonly L[];
}

export interface RankedMatches<A, P, L> {
  readonly agencies: readonly Ranked<A>[];
  readonly programs: readonly Ranked<P>[];
  readonly alumni: readonly Ranked<L>[];
}

/** Ranks the three kinds of match for a request. */
export function rankMatches<A extends Candidate, P extends Candidate, L extends Candidate>(
  request: Pick<CooperationRequestData, 'country' | 'flagshipArea' | 'sectorCode' | 'modality' | 'receivedOn'>,
  candidates: MatchCandidates<A, P, L>,
  limit = MATCH_LIMIT,
): RankedMatches<A, P, L> {
  const q = matchQueryOf(request);
  return {
    agencies: rankCandidates(q, candidates.agencies, limit),
    programs: rankCandidates(q, candidates.programs, limit),
    alumni: rankCandidates(q, candidates.alumni, limit),
  };
}

/** A ministry or agency (an organisation of kind provider_agency) that implemented programs. */
export interface AgencyCandidate extends Candidate {
  readonly code: string;
  readonly acronym: string | null;
  readonly nameEn: string;
  readonly nameId: string | null;
  /** Its programs that share the subject (all its programs counted in the facts). */
  readonly programs: number;
}

export interface ProgramCandidate extends Candidate {
  readonly id: number;
  readonly identifier: string;
  readonly titleEn: string | null;
  readonly titleId: string | null;
  readonly year: number | null;
  readonly lifecycleStage: LifecycleStage;
  readonly flagshipArea: FlagshipArea | null;
  readonly modality: Modality | null;
  readonly implementingOrg: string | null;
}

/** A person (participant records with one person key) who attended or completed programs. */
export interface AlumnusCandidate extends Candidate {
  readonly personKey: string;
  /** The person's latest record among the matching programs. */
  readonly participantId: number;
  readonly fullName: string;
  readonly organisation: string | null;
  readonly position: string | null;
  readonly country: string;
  /** The latest record's program and who may see it (implementing agency, nominator). */
  readonly implementingOrg: string | null;
  readonly nominatedBy: string | null;
  /** The matching programs the person took part in, latest first. */
  readonly programs: readonly { readonly id: number; readonly identifier: string; readonly year: number | null }[];
}
