/** The alumni directory's filters, kept in the URL. */

export const ALUMNI_PAGE_SIZE = 50;

export interface AlumniSearch {
  readonly country?: string;
  readonly q?: string;
  readonly page?: number;
}

export function parseAlumniSearch(s: Record<string, unknown>): AlumniSearch {
  const page = Number(s.page);
  return {
    ...(typeof s.country === 'string' && /^[A-Z]{2}$/.test(s.country) ? { country: s.country } : {}),
    ...(typeof s.q === 'string' && s.q.trim() ? { q: s.q.trim().slice(0, 200) } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}
