/** The money page's filters in the URL (shareable links). */

export type MoneyGrouping = 'program' | 'agency' | 'year';

export interface MoneySearch {
  groupBy?: MoneyGrouping;
  yearFrom?: number;
  yearTo?: number;
  agency?: string;
  /** A lifecycle stage, or several comma-separated (the server checks them). */
  stage?: string;
  page?: number;
  /** Page of the in-kind estimates. */
  inKindPage?: number;
}

const year = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
};
const page = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
};

export function parseMoneySearch(s: Record<string, unknown>): MoneySearch {
  const out: MoneySearch = {};
  if (s.groupBy === 'agency' || s.groupBy === 'year' || s.groupBy === 'program') out.groupBy = s.groupBy;
  const from = year(s.yearFrom);
  const to = year(s.yearTo);
  if (from !== undefined) out.yearFrom = from;
  if (to !== undefined && (from === undefined || to >= from)) out.yearTo = to;
  if (typeof s.agency === 'string' && s.agency.trim() !== '') out.agency = s.agency.trim().slice(0, 100);
  if (typeof s.stage === 'string' && /^[a-z_,]+$/.test(s.stage)) out.stage = s.stage.slice(0, 200);
  const p = page(s.page);
  if (p) out.page = p;
  const k = page(s.inKindPage);
  if (k) out.inKindPage = k;
  return out;
}
