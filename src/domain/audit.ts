/**
 * The audit trail: who changed what, and the before/after values of the fields that changed.
 * Records are compared as plain JSON (the API's representation), so a change of a list shows
 * the whole list before and after.
 */

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'transition',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'unlock',
  'second_factor_enrol',
  'second_factor_disable',
  'second_factor_reset',
  'recovery_code_use',
  'recovery_codes_regenerate',
  // A private file read (program documents: docs/documents.md).
  'download',
  'sign_off',
  'sign_off_clear',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'activity',
  'participant',
  'organisation',
  'exchange_rate',
  'import',
  'user',
  'session',
  'priority_target',
  'country_list',
  'unit_cost',
  'course_offer',
  'participant_document',
  'certificate',
  'survey',
  'cooperation_request',
  'agreement',
  'agreement_document',
  'program_document',
  'engagement',
  'follow_up',
  'import_mapping',
  'iati_dataset',
  'edition',
  'quality_rule',
  'collection_round',
  'api_token',
  'personal_data',
  'retention_rule',
  'data_breach',
  'program_completion',
  'program_evaluation',
  'results_framework',
  'sign_off_rule',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

export type Changes = Readonly<Record<string, FieldChange>>;

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly action: AuditAction;
  readonly entity: AuditEntity;
  readonly entityId: string | null;
  /** A human label of the record (a program identifier, a user's email). */
  readonly entityLabel: string | null;
  /** The record's version after the change, when it has one. */
  readonly entityVersion: number | null;
  readonly changes: Changes;
  readonly comment: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** Fields that change on every write and say nothing about the change itself. */
const NOISE = new Set(['version', 'updatedAt', 'createdAt', 'year']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The fields that differ between two versions of a record. `before` absent: a creation (the
 * non-empty fields); `after` absent: a deletion. Keys listed in `redact` show "[redacted]"
 * (password hashes never reach the log).
 */
export function diffRecords<T extends object>(before: T | null, after: T | null, redact: readonly string[] = []): Changes {
  return diffMaps(before === null ? null : new Map(Object.entries(before)), after === null ? null : new Map(Object.entries(after)), redact);
}

function diffMaps(
  before: ReadonlyMap<string, unknown> | null,
  after: ReadonlyMap<string, unknown> | null,
  redact: readonly string[],
): Changes {
  const keys = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...keys].sort()) {
    if (NOISE.has(key)) continue;
    const b = before ? (before.get(key) ?? null) : null;
    const a = after ? (after.get(key) ?? null) : null;
    if (same(a, b)) continue;
    if (!before && isEmpty(a)) continue;
    if (!after && isEmpty(b)) continue;
    changes[key] = redact.includes(key)
      ? { before: before ? '[redacted]' : null, after: after ? '[redacted]' : null }
      : { before: b, after: a };
  }
  return changes;
}
