/**
 * Reading values as an IATI file writes them: a narrative in the preferred language, a day, an
 * xsd:decimal amount, a percentage, and shares by weight. And the findings of mapping an activity:
 * the issues that make it invalid and the codes kept as written without being recognised.
 */
import { isCalendarDate } from '../dates.js';
import { parseAmountToMinor } from '../money.js';
import type { Narratives } from './raw-activity.js';

export interface IatiIssue {
  /** The IATI element concerned, e.g. "budget 2 / period-end". */
  readonly field: string;
  readonly value?: string;
  /** Stable code of the problem; its reason in each language: domain/import/problem-messages.ts. */
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** A code kept but not recognised, for the import's summary. */
export interface IatiUnknownCode {
  readonly what: string;
  readonly code: string;
}

/** What mapping one activity finds, in the order it reads the activity's elements. */
export interface IatiFindings {
  readonly issues: IatiIssue[];
  readonly unknown: IatiUnknownCode[];
  /** Adds an issue, with the value as written when there is one. */
  readonly issue: (field: string, problem: IatiProblem, message: string, value?: string | null) => void;
}

/** A problem's code, or its code and params. */
export type IatiProblem = string | { readonly code: string; readonly params: Readonly<Record<string, string | number>> };

export function iatiFindings(): IatiFindings {
  const issues: IatiIssue[] = [];
  const unknown: IatiUnknownCode[] = [];
  const issue = (field: string, problem: IatiProblem, message: string, value?: string | null) => {
    const coded = typeof problem === 'string' ? { code: problem } : problem;
    issues.push({ field, ...coded, message, ...(value !== undefined && value !== null ? { value } : {}) });
  };
  return { issues, unknown, issue };
}

/** The text in English, else Indonesian, else the activity's own language, else any. */
export function preferred(texts: Narratives, defaultLang: string | null): { text: string; lang: string } | null {
  for (const lang of ['en', 'id', defaultLang ?? '', '']) {
    const text = texts[lang];
    if (text) return { text, lang };
  }
  const first = Object.entries(texts).find(([, t]) => t);
  return first ? { text: first[1], lang: first[0] } : null;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "2012-01-01", "2012-01-01Z" or "2012-01-01T00:00:00" → "2012-01-01"; undefined when not a day. */
export function iatiDay(value: string | null): string | undefined {
  if (!value) return undefined;
  const day = value.trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isCalendarDate(day) ? day : undefined;
}

/** An xsd:decimal amount in hundredths (more than two decimals are rounded half away from zero). */
export function iatiAmount(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  const [, decimals = ''] = text.split('.');
  if (decimals.length <= 2) return parseAmountToMinor(text.replace(/^\+/, '').replace(/\.$/, ''));
  const number = Number(text);
  const rounded = Math.sign(number) * Math.round(Math.abs(number) * 100);
  return Number.isSafeInteger(rounded) ? rounded : undefined;
}

/** A percentage from 0 to 100 (to two decimals); null when none is written, undefined when it is not one. */
export function iatiPercentage(value: string | null): number | null | undefined {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return Math.round(n * 100) / 100;
}

/**
 * Shares in percent (two decimals, summing to exactly 100) of weighted keys; null shares when
 * every weight is zero.
 */
export function sharesByWeight(weights: ReadonlyMap<string, number>): Map<string, number | null> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const keys = [...weights.keys()];
  if (total <= 0) return new Map(keys.map((k) => [k, null]));
  const exact = keys.map((k) => ((weights.get(k) ?? 0) * 10_000) / total);
  const floors = exact.map(Math.floor);
  let rest = 10_000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest--;
  }
  return new Map(keys.map((k, i) => [k, (floors[i] ?? 0) / 100]));
}
