/**
 * Who may do what (the role table of docs/security.md). Pure functions of the actor and the
 * record; services call them before every read of personal data and every write, so the rules
 * hold for the API, the CLI and the web app alike.
 */
import type { LifecycleStage } from '../codes.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Actor, Role } from './actor.js';

/** Stages whose programs the public portal shows (part of the approved plan or done). */
export const PUBLISHED_STAGES: readonly LifecycleStage[] = ['approved', 'funded', 'implementation', 'completed', 'evaluated'];

/** Stages in which an implementing agency may still edit its own program. */
const AGENCY_EDITABLE: readonly LifecycleStage[] = ['request', 'assessment', 'approved', 'funded', 'implementation', 'completed'];

export function isPublished(stage: LifecycleStage): boolean {
  return PUBLISHED_STAGES.includes(stage);
}

function hasRole(actor: Actor, ...allowed: Role[]): boolean {
  return actor.kind === 'user' && allowed.includes(actor.role);
}

function orgOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.orgCode : null;
}

/** System actors (the operator's CLI) and admins may do everything. */
function isSuper(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'admin');
}

/** Signed in (or the system); the public gets 401 for anything beyond the portal. */
export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError('auth.required', 'sign in to do this');
}

function deny(code: string, message: string): never {
  throw new ForbiddenError(code, message);
}

/** Reads beyond the public portal (unpublished programs, history, import batches). */
export function canReadInternal(actor: Actor): boolean {
  return actor.kind !== 'anonymous';
}

export function isOwnProgram(actor: Actor, implementingOrg: string | null): boolean {
  return actor.kind === 'user' && !!actor.orgCode && !!implementingOrg && actor.orgCode.toLowerCase() === implementingOrg.toLowerCase();
}

/** Creating a program: coordinators and admins for any agency; an agency for itself, as a request. */
export function authorizeCreateActivity(actor: Actor, program: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency')) {
    if (!isOwnProgram(actor, program.implementingOrg)) {
      deny('activity.not_own_agency', `an agency registers its own programs only: set implementingOrg to ${orgOf(actor) ?? 'your organisation'}`);
    }
    if (program.lifecycleStage !== 'request') deny('activity.stage_by_transition', 'a new program starts as a request; the coordination team moves it on');
    return;
  }
  if (hasRole(actor, 'embassy')) {
    if (program.lifecycleStage !== 'request') deny('activity.stage_by_transition', 'an embassy submits requests only');
    return;
  }
  deny('activity.forbidden', 'your role may not register programs');
}

/** Changing or deleting a program. */
export function authorizeEditActivity(actor: Actor, current: { implementingOrg: string | null; lifecycleStage: LifecycleStage }, next?: { implementingOrg: string | null }): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, current.implementingOrg)) {
    if (next && !isOwnProgram(actor, next.implementingOrg)) deny('activity.not_own_agency', 'an agency cannot hand its program to another organisation');
    if (!AGENCY_EDITABLE.includes(current.lifecycleStage)) deny('activity.closed', `the program is ${current.lifecycleStage}: only the coordination team may change it`);
    return;
  }
  deny('activity.forbidden', 'you may change only the programs of your own organisation');
}

export function authorizeDeleteActivity(actor: Actor, current: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, current.implementingOrg) && current.lifecycleStage === 'request') return;
  deny('activity.forbidden', 'only the coordination team deletes programs (an agency may withdraw its own request)');
}

/**
 * Whether the actor sees participants' names, emails and positions. `nominatedBy` is the
 * organisation that nominated the participant (an embassy sees its own nominees).
 */
export function canSeePersonalData(actor: Actor, program: { implementingOrg: string | null }, nominatedBy: string | null = null): boolean {
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return true;
  if (hasRole(actor, 'agency')) return isOwnProgram(actor, program.implementingOrg);
  if (hasRole(actor, 'embassy')) {
    const org = orgOf(actor);
    return !!org && !!nominatedBy && org.toLowerCase() === nominatedBy.toLowerCase();
  }
  return false;
}

/** Stages in which an embassy may nominate participants (the program is planned and not over). */
const NOMINATION_STAGES: readonly LifecycleStage[] = ['approved', 'funded', 'implementation'];

/** Adding, changing or removing a participant of a program. */
export function authorizeParticipantWrite(
  actor: Actor,
  program: { implementingOrg: string | null; lifecycleStage: LifecycleStage },
  participant?: { nominatedBy: string | null },
): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, program.implementingOrg)) return;
  if (hasRole(actor, 'embassy')) {
    if (!NOMINATION_STAGES.includes(program.lifecycleStage)) deny('participant.not_open', 'the program is not open for nominations');
    if (participant && !canSeePersonalData(actor, program, participant.nominatedBy)) deny('participant.forbidden', 'an embassy changes its own nominees only');
    return;
  }
  deny('participant.forbidden', 'you may manage participants of your own organisation’s programs only');
}

/** Registering, changing or deleting organisations and exchange rates (shared reference records). */
export function authorizeReferenceWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('reference.forbidden', 'only the coordination team changes organisations and exchange rates');
}

/** Setting policy priorities (targets per year) and custom country lists: the coordination team. */
export function authorizePolicyWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('priority.forbidden', 'only the coordination team sets priorities and country lists');
}

/** Unit costs of the in-kind valuation helper: the coordination team (programs' own agencies only read them). */
export function authorizeUnitCostWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('unit_cost.forbidden', 'only the coordination team sets unit costs');
}

/** Imports of programs or participants: the coordination team (agencies enter records one by one or through it). */
export function authorizeImport(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('import.forbidden', 'only the coordination team imports files');
}

export function authorizeUserAdmin(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor)) return;
  deny('user.forbidden', 'only an administrator manages accounts');
}

/** The whole audit log: administrators. A program's own history: anyone signed in. */
export function authorizeAuditSearch(actor: Actor): void {
  authorizeUserAdmin(actor);
}
