/**
 * Retention rules per category of personal data (docs/privacy.md). UU PDP (UU No. 27/2022)
 * requires personal data to be deleted when its retention period ends; the periods themselves
 * are the controller's choice, so they are data an administrator edits (table retention_rules,
 * seeded switched off). A rule counts months from the end of the program the record belongs to
 * (actual end, else planned end; a program without an end date is never due). What is deleted
 * never changes a report figure: statuses, sex, country and program stay.
 */
import { z } from 'zod';
import type { PersonalDataCategory } from './categories.js';

/** The categories a retention rule deletes, in the order they are applied ('identity' last: it erases what is left). */
export const RETENTION_CATEGORIES = [
  'cv',
  'letter',
  'mail',
  'survey_text',
  'contact',
  'identity',
] as const satisfies readonly PersonalDataCategory[];
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** Longest period a rule may set (100 years): a guard against typos, not a legal limit. */
export const MAX_RETENTION_MONTHS = 1200;

export interface RetentionRule {
  readonly category: RetentionCategory;
  readonly months: number;
  readonly enabled: boolean;
  readonly labelEn: string;
  readonly labelId: string;
  readonly sortOrder: number;
  readonly updatedAt: string;
  readonly updatedBy: number | null;
  readonly version: number;
}

export const retentionRuleChangeSchema = z
  .object({ months: z.number().int().min(0).max(MAX_RETENTION_MONTHS), enabled: z.boolean() })
  .partial()
  .meta({ id: 'RetentionRuleChange' });
export type RetentionRuleChange = z.output<typeof retentionRuleChangeSchema>;

/** One thing a rule deletes: a document, a mail, a survey answer set, or a record's contact or identity. */
export interface RetentionItem {
  readonly category: RetentionCategory;
  readonly participantId: number;
  /** The document, mail or survey invitation deleted or cleaned; the participant record for contact and identity. */
  readonly targetId: number;
  /** "<program identifier> #<participant id>". */
  readonly record: string;
  readonly programEnd: string;
  /** programEnd + the rule's months. */
  readonly dueDate: string;
  readonly reason: string;
}

/** A day plus whole months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d ?? 1, last)).padStart(2, '0')}`;
}

/** The latest program end a rule makes due today: data of programs that ended on or before it is deleted. */
export function retentionCutoff(today: string, months: number): string {
  return addMonths(today, -months);
}

export function retentionReason(rule: Pick<RetentionRule, 'category' | 'months'>, programEnd: string): string {
  return `retention rule ${rule.category}: ${rule.months} month(s) after the program ended on ${programEnd}`;
}
