/**
 * Accounts (users, sessions, failed sign-ins), the audit log, and what the application keeps for
 * itself (meta, data versions, job leases). Conventions: ../schema.ts.
 */
import type { Generated } from 'kysely';
import type { Role } from '../../domain/access/actor.js';
import type { PendingFactor } from '../../domain/account/second-factor.js';
import type { AuditAction, AuditEntity } from '../../domain/audit.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  org_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  password_changed_at: string;
  version: number;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** What the session still needs before it is a full one: 'verify' (its code) or 'enrol'; null when full. */
  pending_factor: PendingFactor | null;
}

/** An account's TOTP secret (migration 20261211090000_second_factor). */
export interface UserSecondFactorsTable {
  user_id: number;
  /** Base32 (RFC 4648). Stored as is: docs/security.md, "Second factor", says why. */
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** BIGINT: PostgreSQL's driver returns it as a string (the repository converts). */
  last_used_step: number | string | null;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  /** sha256 (hex) of the code. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface UnlockLinksTable {
  id: Generated<number>;
  user_id: number;
  /** sha256 (hex) of the mailed token. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

/** API tokens for other systems (migration 20261211100000_api_tokens; domain/account/api-token.ts). */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  org_code: string;
  role: Role;
  /** JSON: the scopes, sorted. */
  scopes: string;
  /** The visible part of the token (`mitra_<prefix>_…`). */
  prefix: string;
  /** sha256 (hex) of the whole token; the token itself is never stored. */
  token_hash: string;
  created_by: number | null;
  created_by_label: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  version: number;
}

/** One row per request made with a token (its use log). */
export interface ApiTokenUsesTable {
  id: Generated<number>;
  token_id: number;
  at: string;
  method: string;
  route: string;
  status: number;
  ip: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: AuditAction;
  entity: AuditEntity;
  entity_id: string | null;
  entity_label: string | null;
  entity_version: number | null;
  /** JSON: { field: { before, after } }. */
  changes: string;
  comment: string | null;
}

/** Audit entries an erasure took personal data out of (migration 20261129131100_audit_erasure). */
export interface AuditScrubsTable {
  audit_id: number;
  participant_id: number;
  at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** One counter per topic, raised by triggers on every write to the topic's tables. */
export interface DataVersionsTable {
  topic: string;
  version: number | string;
}

/** Who runs the background jobs, until when (renewed while it runs). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}
