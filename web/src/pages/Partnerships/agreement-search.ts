/** The agreement list's filters from the URL to the API's parameters. */
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { agreementKinds, agreementStatuses } from '../../../../src/domain/partnership/agreement.js';
import type { AgreementListParams } from '../../api/partnership-queries.js';
import { countryOf, textOf, type SearchStrings } from './partner-search.js';

export const AGREEMENT_PAGE_SIZE = 25;

/** The "expiring within" choices offered, in days (the first reminder comes 180 days before the end). */
export const EXPIRING_CHOICES = [30, 90, 180, 365] as const;

function positiveInt(value: string | undefined, max: number): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/** Known statuses of a comma-separated list, each once, in the given order. */
export function statusesOf(value: string | undefined): string | undefined {
  const known = [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((w) => w.trim())
        .filter((w) => agreementStatuses.is(w)),
    ),
  ];
  return known.length ? known.join(',') : undefined;
}

/** Filters of GET /api/v1/agreements; what the API would refuse is left out. */
export function agreementListParams(s: SearchStrings): AgreementListParams {
  const status = statusesOf(s.status);
  const kind = s.kind && agreementKinds.is(s.kind) ? s.kind : undefined;
  const area = s.area && flagshipAreas.is(s.area) ? s.area : undefined;
  const partner = textOf(s.partner)?.slice(0, 100);
  const country = countryOf(s.country);
  const expiringWithin = positiveInt(s.expiringWithin, 3650);
  const q = textOf(s.q);
  const page = positiveInt(s.page, 100_000) ?? 1;
  return {
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(partner ? { partner } : {}),
    ...(country ? { country } : {}),
    ...(area ? { area } : {}),
    ...(expiringWithin !== undefined ? { expiringWithin } : {}),
    ...(q ? { q } : {}),
    page: Math.max(1, page),
    pageSize: AGREEMENT_PAGE_SIZE,
  };
}
