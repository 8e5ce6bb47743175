/**
 * Who is asking: a signed-in user with a role, the public (anonymous), or the system itself
 * (the CLI run by the operator on the server, the demo loader). Every use case receives one.
 */
import { defineCodeSet } from '../code-set.js';

export const roles = defineCodeSet({
  admin: { en: 'Administrator (coordination secretariat)', id: 'Administrator (sekretariat koordinasi)' },
  coordinator: { en: 'Coordinator (coordination team)', id: 'Koordinator (tim koordinasi)' },
  agency: { en: 'Implementing ministry or agency', id: 'Kementerian/lembaga pelaksana' },
  embassy: { en: 'Embassy', id: 'Perwakilan RI (KBRI)' },
  focal_point: { en: 'Recipient-government focal point', id: 'Focal point pemerintah mitra' },
  viewer: { en: 'Viewer', id: 'Pembaca' },
});
export type Role = (typeof roles.codes)[number];

export interface UserActor {
  readonly kind: 'user';
  /** The account; null for an API token, which acts as a service account of no account. */
  readonly userId: number | null;
  readonly role: Role;
  /** The organisation the user works for (an agency's programs, an embassy's nominees). */
  readonly orgCode: string | null;
  /** How the audit log names the actor: an account's email, or `token:<name> (mitra_<prefix>)`. */
  readonly label: string;
  /** Set when an API token acts (domain/account/api-token.ts): the policies refuse it account management. */
  readonly apiTokenId?: number;
}

export interface SystemActor {
  readonly kind: 'system';
  /** What acted: "cli", "demo", "first-start". */
  readonly label: string;
}

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export type Actor = UserActor | SystemActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

export function systemActor(label: string): SystemActor {
  return { kind: 'system', label };
}

/** How the actor appears in the audit log. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.label;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
