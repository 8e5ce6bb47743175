/** The catalogue's and the review list's filters as URL search parameters (shareable links). */
import {
  flagshipAreas,
  modalities,
  participantStatuses,
  type FlagshipArea,
  type Modality,
  type ParticipantStatus,
} from '../../../../src/domain/codes.js';
import { isCountryCode } from '../../../../src/domain/reference/countries.js';
import { withoutUndefined as defined } from '../../search-params.js';

export interface CatalogueSearch {
  q?: string;
  country?: string;
  modality?: Modality;
  flagshipArea?: FlagshipArea;
  /** Closed offers too (the default lists offers taking nominations now). */
  all?: boolean;
  page?: number;
}

export interface ReviewSearch {
  status?: ParticipantStatus;
  country?: string;
  q?: string;
  page?: number;
}

export const CATALOGUE_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 50;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
const country = (v: unknown) => (typeof v === 'string' && isCountryCode(v.toUpperCase()) ? v.toUpperCase() : undefined);
function page(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
}

export function parseCatalogueSearch(s: Record<string, unknown>): CatalogueSearch {
  const modality = text(s.modality);
  const area = text(s.flagshipArea);
  return defined({
    q: text(s.q),
    country: country(s.country),
    modality: modality && modalities.is(modality) ? modality : undefined,
    flagshipArea: area && flagshipAreas.is(area) ? area : undefined,
    all: s.all === true || s.all === '1' || s.all === 1 || s.all === 'true' ? true : undefined,
    page: page(s.page),
  });
}

export function parseReviewSearch(s: Record<string, unknown>): ReviewSearch {
  const status = text(s.status);
  return defined({
    status: status && participantStatuses.is(status) ? status : undefined,
    country: country(s.country),
    q: text(s.q),
    page: page(s.page),
  });
}

export interface MyNominationsSearch {
  status?: ParticipantStatus;
  page?: number;
}

export const MY_PAGE_SIZE = 25;

export function parseMyNominationsSearch(s: Record<string, unknown>): MyNominationsSearch {
  const status = text(s.status);
  return defined({ status: status && participantStatuses.is(status) ? status : undefined, page: page(s.page) });
}
