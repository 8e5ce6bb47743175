/** Calendar days are YYYY-MM-DD strings; these helpers check and compare them without time zones. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day: "2018-02-29" is false, "2016-02-29" is true. */
export function isCalendarDate(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Whole days from a to b (b - a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day one calendar year after `day` (2016-02-29 → 2017-02-28). */
export function addOneYear(day: string): string {
  const year = yearOf(day) + 1;
  const month = Number(day.slice(5, 7));
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${day.slice(5, 7)}-${String(date).padStart(2, '0')}`;
}

/** The day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
