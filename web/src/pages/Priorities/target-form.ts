/** A priority target's metrics and comparators, and the target form's values as the API's target bodies (one a year). */
import type { SubjectKind, TargetBody } from '../../api/analytics-queries.js';

export type Metric = TargetBody['metric'];
export const METRICS: readonly Metric[] = ['program_share', 'participant_share', 'programs', 'participants', 'countries'];
export const COMPARATORS = ['at_least', 'at_most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Whether a metric is a percentage (of programs or participants) rather than a count. */
export const isShare = (m: string) => m === 'program_share' || m === 'participant_share';

export interface TargetDraft {
  kind: SubjectKind;
  code: string;
  metric: Metric;
  comparator: Comparator;
  /** As typed. */
  target: string;
  from: number;
  to: number;
  note: string;
}

/** The same target for every year from `from` to `to`. */
export function targetsOf(d: TargetDraft): TargetBody[] {
  const years = Array.from({ length: Math.max(0, d.to - d.from + 1) }, (_, i) => d.from + i);
  return years.map((year) => ({
    year,
    subjectKind: d.kind,
    subjectCode: d.code,
    metric: d.metric,
    comparator: d.comparator,
    target: Number(d.target),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  }));
}

/** The code chosen when the subject's kind changes: a common one, the first country list, or none. */
export function firstCodeOf(kind: SubjectKind, firstList: string | undefined): string {
  return kind === 'group' ? 'PIF' : kind === 'region' ? 'africa' : kind === 'list' ? (firstList ?? '') : '';
}

/** The years a target may be set for: thirty, down from five years after the later of `to` and this year. */
export function yearChoices(to: number): number[] {
  return Array.from({ length: 30 }, (_, i) => Math.max(to, new Date().getFullYear()) + 5 - i);
}
