/**
 * The offer form's state and its conversion to the API body (PUT /activities/{id}/offer). The
 * deadline is typed in the browser's local time and sent with that time's UTC offset, so
 * "23:59 in Jakarta" stays 16:59Z on the server (docs/participants.md, Deadlines).
 */
import type { FieldError } from '../../components/Field.js';
import type { CourseOffer, OfferBody } from '../../api/offer-queries.js';

export interface QuotaRow {
  country: string;
  quota: string;
}

export interface OfferFormState {
  summaryEn: string;
  summaryId: string;
  eligibilityEn: string;
  eligibilityId: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone (an <input type="datetime-local"> value). */
  deadlineLocal: string;
  quotaDefault: string;
  quotaTotal: string;
  completionPercent: string;
  quotas: QuotaRow[];
}

export const emptyOfferForm = (): OfferFormState => ({
  summaryEn: '',
  summaryId: '',
  eligibilityEn: '',
  eligibilityId: '',
  deadlineLocal: '',
  quotaDefault: '',
  quotaTotal: '',
  completionPercent: '80',
  quotas: [],
});

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+07:00` for a zone 7 hours ahead of UTC; `offsetMinutes` as Date#getTimezoneOffset gives it (UTC − local). */
export function offsetText(offsetMinutes: number): string {
  const ahead = -offsetMinutes;
  return `${ahead >= 0 ? '+' : '-'}${pad(Math.trunc(Math.abs(ahead) / 60))}:${pad(Math.abs(ahead) % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A local date and time as an instant with its offset (`2026-12-01T23:59:00+07:00`), or undefined
 * when it is not a real date and time. `offsetOf` gives the zone's offset at that local time
 * (it changes with daylight saving time); by default the browser's.
 */
export function localToInstant(local: string, offsetOf: (d: Date) => number = (d) => d.getTimezoneOffset()): string | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '00'].map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined || s === undefined) return undefined; // the pattern's six groups
  const date = new Date(y, mo - 1, d, h, mi, s);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi)
    return undefined;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}${offsetText(offsetOf(date))}`;
}

/** An instant as the value of a datetime-local input in the browser's time zone. */
export function instantToLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function offerFormOf(offer: CourseOffer): OfferFormState {
  return {
    summaryEn: offer.summaryEn ?? '',
    summaryId: offer.summaryId ?? '',
    eligibilityEn: offer.eligibilityEn ?? '',
    eligibilityId: offer.eligibilityId ?? '',
    deadlineLocal: instantToLocal(offer.deadline),
    quotaDefault: offer.quotaDefault === null ? '' : String(offer.quotaDefault),
    quotaTotal: offer.quotaTotal === null ? '' : String(offer.quotaTotal),
    completionPercent: String(offer.completionPercent),
    quotas: offer.quotas.map((q) => ({ country: q.country, quota: String(q.quota) })),
  };
}

/** A whole number of places (0 or more), null when empty, NaN when not a whole number. */
function places(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
}

const textOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

export type OfferFormResult = { ok: true; body: OfferBody } | { ok: false; errors: Map<string, FieldError> };

/**
 * The API body, or the fields to correct (keyed by the API's issue paths, so server issues land
 * on the same fields). Rules that need the program (recipient countries) are the server's.
 */
export function toOfferBody(state: OfferFormState, status?: 'draft' | 'open', offsetOf?: (d: Date) => number): OfferFormResult {
  const errors = new Map<string, FieldError>();
  const deadline = state.deadlineLocal ? localToInstant(state.deadlineLocal, offsetOf) : undefined;
  if (!state.deadlineLocal) errors.set('deadline', { code: 'required', message: 'is required' });
  else if (!deadline) errors.set('deadline', { code: 'invalid_date', message: 'must be a date and time' });
  const quotaDefault = places(state.quotaDefault);
  if (Number.isNaN(quotaDefault)) errors.set('quotaDefault', { code: 'whole_number', message: 'must be a whole number' });
  const quotaTotal = places(state.quotaTotal);
  if (Number.isNaN(quotaTotal)) errors.set('quotaTotal', { code: 'whole_number', message: 'must be a whole number' });
  const percent = places(state.completionPercent);
  if (percent !== null && (Number.isNaN(percent) || percent < 1 || percent > 100))
    errors.set('completionPercent', { code: 'percent_range', message: 'must be between 1 and 100' });
  const quotas = state.quotas.map((q, i) => {
    const n = places(q.quota);
    if (n === null || Number.isNaN(n)) errors.set(`quotas.${i}.quota`, { code: 'whole_number', message: 'must be a whole number' });
    return { country: q.country, quota: n ?? 0 };
  });
  if (errors.size > 0 || !deadline) return { ok: false, errors };
  return {
    ok: true,
    body: {
      summaryEn: textOrNull(state.summaryEn),
      summaryId: textOrNull(state.summaryId),
      eligibilityEn: textOrNull(state.eligibilityEn),
      eligibilityId: textOrNull(state.eligibilityId),
      deadline,
      quotaDefault,
      quotaTotal,
      quotas,
      ...(percent !== null ? { completionPercent: percent } : {}),
      ...(status ? { status } : {}),
    },
  };
}
