/** The program list's filters as URL search parameters (every view is a shareable link), and the API parameters they make. */
import {
  activityStatuses,
  cooperationTypes,
  flagshipAreas,
  modalities,
  type ActivityStatus,
  type CooperationType,
  type FlagshipArea,
  type Modality,
} from '../../../../src/domain/codes.js';
import { REPORT_REGIONS, type ReportRegion } from '../../../../src/domain/reference/types.js';
import type { ProgramListParams } from '../../api/queries.js';
import { codeParam, intParam, textParam } from '../../search-params.js';

export interface ProgramSearch {
  year?: number;
  region?: ReportRegion;
  country?: string;
  modality?: Modality;
  flagshipArea?: FlagshipArea;
  cooperationType?: CooperationType;
  status?: ActivityStatus;
  /** One lifecycle stage or several, comma-separated ("approved,funded"). */
  stage?: string;
  partner?: string;
  q?: string;
  sort?: string;
  page?: number;
}

const reportRegion = (v: string): ReportRegion | undefined => REPORT_REGIONS.find((r) => r === v.toLowerCase());

/** The filters a link carries; a code may be written as its label ("Pelatihan"); a word that names no code is left out. */
export function parseProgramSearch(s: Record<string, unknown>): ProgramSearch {
  const out: ProgramSearch = {};
  const year = intParam(s.year);
  if (year) out.year = year;
  const page = intParam(s.page);
  if (page && page > 1) out.page = page;
  const region = codeParam(s.region, reportRegion);
  if (region) out.region = region;
  const country = textParam(s.country);
  if (country) out.country = country;
  const modality = codeParam(s.modality, modalities.parse);
  if (modality) out.modality = modality;
  const flagshipArea = codeParam(s.flagshipArea, flagshipAreas.parse);
  if (flagshipArea) out.flagshipArea = flagshipArea;
  const cooperationType = codeParam(s.cooperationType, cooperationTypes.parse);
  if (cooperationType) out.cooperationType = cooperationType;
  const status = codeParam(s.status, activityStatuses.parse);
  if (status) out.status = status;
  for (const key of ['stage', 'partner', 'q', 'sort'] as const) {
    const v = textParam(s[key]);
    if (v) out[key] = v;
  }
  return out;
}

export const PAGE_SIZE = 25;

/** The list's API parameters from the URL's filters (the route's loader and the page ask the same). */
export function listParams(s: ProgramSearch): ProgramListParams {
  return { ...s, sort: s.sort ?? '-start', page: s.page ?? 1, pageSize: PAGE_SIZE };
}
