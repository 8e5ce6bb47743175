/** References numbered per year, PREFIX-YYYY-NNNN (more digits when a year needs them): REQ-, AGR-, ENG-. */

export function yearlyReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** The number of a reference of that prefix and year, or null for another year or shape. */
export function yearlyNumber(prefix: string, reference: string, year: number): number | null {
  const m = /^([A-Z]+)-(\d{4})-(\d{4,})$/.exec(reference);
  return m && m[1] === prefix && Number(m[2]) === year ? Number(m[3]) : null;
}
