/**
 * Erasure of a participant's personal data on request (docs/privacy.md): what is erased, what
 * is kept so the report counts do not change, and how earlier audit entries lose the erased
 * values. Pure functions; services/privacy.ts applies them in one transaction.
 */
import type { Changes } from '../audit.js';
import { isOneOf } from '../guards.js';

/** What stands in for erased values (the name column is required, so it keeps a placeholder). */
export const ERASED = '[erased]';

/**
 * The personal fields of a participant record, as the audit log names them (the API's field
 * names). Status, sex, country, program and nominating organisation are kept: they are what
 * the reports count and hold no one's identity on their own.
 */
export const PERSONAL_FIELDS = ['fullName', 'email', 'phone', 'position', 'organisation', 'personKey', 'reviewNote'] as const;

/** The person key of an erased record: unique per record, so an erased person is no longer linked across programs. */
export function erasedPersonKey(participantId: number): string {
  return `erased:${participantId}`;
}

/** Replaces every occurrence of the given texts in a string (case-insensitively). */
function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 3) continue;
    const pattern = new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    out = out.replace(pattern, ERASED);
  }
  return out;
}

function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets)]));
  return value;
}

/**
 * An audit entry's changes without the erased person's data: the personal fields' before and
 * after become "[erased]" (when they held a value), and the person's name, email and phone are
 * replaced wherever else they appear (a comment quoting the name, a file name).
 */
export function scrubChanges(changes: Changes, secrets: readonly string[], options: { personalFields?: boolean } = {}): Changes {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, change] of Object.entries(changes)) {
    // Field names say "personal" only in the participant's own entries; elsewhere only the values are searched.
    if ((options.personalFields ?? true) && isOneOf(PERSONAL_FIELDS, field)) {
      out[field] = { before: change.before === null ? null : ERASED, after: change.after === null ? null : ERASED };
    } else {
      out[field] = { before: scrubValue(change.before, secrets), after: scrubValue(change.after, secrets) };
    }
  }
  return out;
}

/** A free text (a comment, a label) without the erased person's data; null stays null. */
export function scrubComment(text: string | null, secrets: readonly string[]): string | null {
  return text === null ? null : scrubText(text, secrets);
}

/** The texts that identify the person and must disappear from the log: name, email, phone. */
export function secretsOf(p: { fullName: string; email: string | null; phone: string | null }): string[] {
  return [p.fullName, p.email, p.phone].filter((s): s is string => !!s && s !== ERASED).sort((a, b) => b.length - a.length);
}
