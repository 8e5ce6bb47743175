/**
 * What agreements and engagements (services/agreements.ts, engagements.ts) share: who owns a new
 * record and who may hand it to another agency, who may change one and at which version, and the
 * organisations they name by code. Both are changed by the coordination team and the owning agency.
 */
import type { Actor } from '../domain/access/actor.js';
import { actorOrg, authorizePartnershipEdit, isCoordinationTeam } from '../domain/access/policy.js';
import { ConflictError, ForbiddenError, InvalidError, type FieldIssue } from '../domain/errors.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import type { Repos, ServiceDeps } from './deps.js';

export interface PartnershipWriteOptions {
  /** The version the caller last saw (If-Match); another stored version is a conflict. */
  readonly expectedVersion?: number;
}

type RecordKind = 'agreement' | 'engagement';

/** The calendar day of the deps' clock (renewal states, overdue follow-ups). */
export const today = (deps: Pick<ServiceDeps, 'clock'>): string => deps.clock.nowIso().slice(0, 10);

/** An InvalidError whose message lists its issues. */
export const invalid = (code: string, message: string, issues: FieldIssue[]): InvalidError =>
  new InvalidError(code, `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

export function stale(what: RecordKind, reference: string, current: number, yours: number): ConflictError {
  return new ConflictError(
    `${what}.stale`,
    `${reference} was changed (now at version ${current}, you had version ${yours}); reload it and try again`,
    [],
    {
      details: { currentVersion: current, yourVersion: yours },
    },
  );
}

/** The record may be changed by the actor (the coordination team, the owning agency), at the version the caller saw. */
export function checkWritable(
  actor: Actor,
  what: RecordKind,
  current: { readonly ownerOrg: string | null; readonly reference: string; readonly version: number },
  options: PartnershipWriteOptions,
): void {
  authorizePartnershipEdit(actor, current.ownerOrg);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
    throw stale(what, current.reference, current.version, options.expectedVersion);
}

/**
 * The owning agency of a new record: an agency owns what it records (and may not name another);
 * the coordination team names one or none.
 */
export function ownerFor(actor: Actor, requested: string | null | undefined): string | null {
  if (isCoordinationTeam(actor)) return requested ?? null;
  const own = actorOrg(actor);
  // authorizePartnershipCreate lets in no one else than an agency with its organisation.
  if (!own)
    throw new ForbiddenError(
      'partnership.forbidden',
      'only the coordination team and ministries or agencies record agreements and engagements',
    );
  if (requested && requested.toLowerCase() !== own.toLowerCase()) {
    throw new ForbiddenError(
      'partnership.not_own_agency',
      `an agency records its own agreements and engagements: set ownerOrg to ${own} or leave it out`,
    );
  }
  return own;
}

/** Only the coordination team hands a record to another agency (`requested` undefined: the owner is not changed). */
export function checkOwnerChange(actor: Actor, what: RecordKind, requested: string | null | undefined, current: string | null): void {
  if (requested !== undefined && !isCoordinationTeam(actor) && (requested ?? '').toLowerCase() !== (current ?? '').toLowerCase()) {
    throw new ForbiddenError('partnership.owner_by_team', `only the coordination team hands an ${what} to another agency`);
  }
}

/** The organisations named, by code (case-insensitive); unknown ones are field issues. */
export async function resolveOrgs(
  repos: Repos<'organisations'>,
  named: readonly { path: string; code: string | null | undefined }[],
): Promise<{ byPath: Map<string, Organisation>; issues: FieldIssue[] }> {
  const byPath = new Map<string, Organisation>();
  const issues: FieldIssue[] = [];
  for (const { path, code } of named) {
    if (!code) continue;
    const org = await repos.organisations.findByCode(code);
    if (org) byPath.set(path, org);
    else issues.push({ path, code: 'unknown_organisation', message: `no organisation with code "${code}"` });
  }
  return { byPath, issues };
}

/** The patch's fields that were sent (undefined means "unchanged"; null clears). */
export function definedOf<T extends object>(patch: T): Partial<T> {
  const sent: Partial<T> = {};
  for (const key in patch) if (patch[key] !== undefined) sent[key] = patch[key];
  return sent;
}
