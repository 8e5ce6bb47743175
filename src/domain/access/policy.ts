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

/** Creating a program: coordinators and admins for any agency; an agency for itself, embassies and focal points for any, as a request. */
export function authorizeCreateProgram(actor: Actor, program: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency')) {
    if (!isOwnProgram(actor, program.implementingOrg)) {
      deny(
        'activity.not_own_agency',
        `an agency registers its own programs only: set implementingOrg to ${orgOf(actor) ?? 'your organisation'}`,
      );
    }
    if (program.lifecycleStage !== 'request')
      deny('activity.stage_by_transition', 'a new program starts as a request; the coordination team moves it on');
    return;
  }
  // An embassy relays a partner government's request; that government's focal point files its own.
  if (hasRole(actor, 'embassy', 'focal_point')) {
    if (program.lifecycleStage !== 'request') deny('activity.stage_by_transition', 'embassies and focal points submit requests only');
    return;
  }
  deny('activity.forbidden', 'your role may not register programs');
}

/** Changing or deleting a program. */
export function authorizeEditProgram(
  actor: Actor,
  current: { implementingOrg: string | null; lifecycleStage: LifecycleStage },
  next?: { implementingOrg: string | null },
): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, current.implementingOrg)) {
    if (next && !isOwnProgram(actor, next.implementingOrg))
      deny('activity.not_own_agency', 'an agency cannot hand its program to another organisation');
    if (!AGENCY_EDITABLE.includes(current.lifecycleStage))
      deny('activity.closed', `the program is ${current.lifecycleStage}: only the coordination team may change it`);
    return;
  }
  deny('activity.forbidden', 'you may change only the programs of your own organisation');
}

export function authorizeDeleteProgram(actor: Actor, current: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): void {
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
  if (hasRole(actor, 'embassy', 'focal_point')) return isNominator(actor, nominatedBy);
  return false;
}

/** Whether the actor's organisation nominated the record (embassies and focal points see their own nominees). */
export function isNominator(actor: Actor, nominatedBy: string | null): boolean {
  const org = orgOf(actor);
  return hasRole(actor, 'embassy', 'focal_point') && !!org && !!nominatedBy && org.toLowerCase() === nominatedBy.toLowerCase();
}

/** The coordination team: administrators, coordinators and the system. */
export function isCoordinationTeam(actor: Actor): boolean {
  return isSuper(actor) || hasRole(actor, 'coordinator');
}

/** The organisation a signed-in user acts for. */
export function actorOrg(actor: Actor): string | null {
  return orgOf(actor);
}

export function actorHasRole(actor: Actor, ...allowed: Role[]): boolean {
  return hasRole(actor, ...allowed);
}

/**
 * Opening a program for nominations, its offer and quotas, reviewing and selecting, attendance
 * and certificates: the coordination team and the program's implementing agency.
 */
export function authorizeOfferManage(actor: Actor, program: { implementingOrg: string | null }): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, program.implementingOrg)) return;
  deny('offer.forbidden', 'only the coordination team and the implementing agency manage this offer and its nominations');
}

export function canManageOffer(actor: Actor, program: { implementingOrg: string | null }): boolean {
  return isCoordinationTeam(actor) || (hasRole(actor, 'agency') && isOwnProgram(actor, program.implementingOrg));
}

/**
 * Nominating candidates for an open offer: embassies and recipient-government focal points
 * (for their organisation, which becomes the nominator), and the coordination team.
 */
export function authorizeNominate(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  if (hasRole(actor, 'embassy', 'focal_point')) {
    if (!orgOf(actor)) deny('nomination.no_organisation', 'your account has no organisation to nominate for: ask an administrator');
    return;
  }
  deny('nomination.forbidden', 'only embassies, focal points of recipient governments and the coordination team nominate candidates');
}

/**
 * Lists of people across programs (alumni directory, personal-data exports): everyone who may
 * see some personal data. What each one sees is filtered record by record (canSeePersonalData).
 */
export function authorizePersonalDataList(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor) || hasRole(actor, 'agency', 'embassy', 'focal_point')) return;
  deny('personal_data.forbidden', 'your role may not see participants’ personal data');
}

/** Erasing a person's data on request (the counts are kept): the coordination team. */
export function authorizeErasure(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('personal_data.erase_forbidden', 'only the coordination team erases personal data');
}

/** Follow-up surveys (questions, sending): the coordination team. */
export function authorizeSurveyAdmin(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('survey.forbidden', 'only the coordination team configures and sends surveys');
}

/** Registering a partner government's request: the coordination team, embassies (relaying) and focal points. */
export function authorizeRequestRegister(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  if (hasRole(actor, 'embassy', 'focal_point') && orgOf(actor)) return;
  deny('request.forbidden', 'only the coordination team, embassies and focal points register requests');
}

/** Assessing, accepting or declining a request: the coordination team. */
export function authorizeRequestAssess(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('request.assess_forbidden', 'only the coordination team assesses requests');
}

/** Stages in which an embassy or a focal point may nominate participants (the program is planned and not over). */
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
  if (hasRole(actor, 'embassy', 'focal_point')) {
    if (!NOMINATION_STAGES.includes(program.lifecycleStage)) deny('participant.not_open', 'the program is not open for nominations');
    if (participant && !isNominator(actor, participant.nominatedBy))
      deny('participant.forbidden', 'embassies and focal points change their own nominees only');
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

/**
 * Imports: the coordination team, any kind. An agency imports participants only, and only of
 * the programs it implements: the participants importer checks each row's program
 * (canWriteParticipantsOf) and refuses the file when one is another organisation's.
 */
export function authorizeImport(actor: Actor, kind: 'activities' | 'participants' | 'rates' | 'iati'): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  if (kind === 'participants' && hasRole(actor, 'agency')) {
    if (!orgOf(actor)) deny('import.no_organisation', 'your account has no organisation: ask an administrator');
    return;
  }
  deny('import.forbidden', 'only the coordination team imports files (an agency imports the participants of its own programs)');
}

/**
 * Whether the actor may write participants of this program without being its nominator: the
 * coordination team, and the program's implementing agency (the scope of an agency's import).
 */
export function canWriteParticipantsOf(actor: Actor, program: { implementingOrg: string | null }): boolean {
  return isCoordinationTeam(actor) || (hasRole(actor, 'agency') && isOwnProgram(actor, program.implementingOrg));
}

/** Accounts and API tokens: administrators signed in themselves (a token never manages accounts or tokens). */
export function authorizeUserAdmin(actor: Actor): void {
  requireSignedIn(actor);
  if (actor.kind === 'user' && actor.apiTokenId !== undefined)
    deny('auth.token_not_allowed', 'an API token cannot manage accounts or tokens');
  if (isSuper(actor)) return;
  deny('user.forbidden', 'only an administrator manages accounts');
}

/** The whole audit log: administrators. A program's own history: anyone signed in. */
export function authorizeAuditSearch(actor: Actor): void {
  authorizeUserAdmin(actor);
}

/**
 * Partnerships' internal records (engagements, follow-ups, draft agreements, contacts): the
 * Indonesian side signed in. The public and recipient governments' focal points see signed
 * agreements and their public documents only.
 */
export function canReadPartnerships(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role !== 'focal_point');
}

export function authorizePartnershipRead(actor: Actor): void {
  requireSignedIn(actor);
  if (!canReadPartnerships(actor)) deny('partnership.forbidden', 'engagements and follow-ups are internal to the Indonesian side');
}

/** Recording an agreement or an engagement: the coordination team, and an agency for itself. */
export function authorizePartnershipCreate(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  if (hasRole(actor, 'agency') && orgOf(actor)) return;
  deny('partnership.forbidden', 'only the coordination team and ministries or agencies record agreements and engagements');
}

/** Changing an agreement or an engagement (its documents, items, follow-ups): the coordination team and the owning agency. */
export function canEditPartnership(actor: Actor, ownerOrg: string | null): boolean {
  return isCoordinationTeam(actor) || (hasRole(actor, 'agency') && isOwnProgram(actor, ownerOrg));
}

export function authorizePartnershipEdit(actor: Actor, ownerOrg: string | null): void {
  requireSignedIn(actor);
  if (canEditPartnership(actor, ownerOrg)) return;
  deny(
    'partnership.not_owner',
    ownerOrg
      ? `only the coordination team and the owning agency (${ownerOrg}) change this record`
      : 'only the coordination team changes this record',
  );
}

/**
 * An agency's saved column mappings (issue 21): its own officers, and the coordination team for
 * any agency. `orgCode` is the agency the mapping belongs to.
 */
export function authorizeImportMappings(actor: Actor, orgCode: string): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  if (hasRole(actor, 'agency') && isOwnProgram(actor, orgCode)) return;
  deny('import_mapping.forbidden', "only the agency's own officers and the coordination team see and save its column mappings");
}

/**
 * Other providers' IATI data (imported files): any signed-in user reads it (it is public IATI
 * data, compared with ours); only the coordination team deletes a dataset or promotes an
 * activity to an own program.
 */
export function authorizeOtherProvidersRead(actor: Actor): void {
  requireSignedIn(actor);
}

export function authorizeOtherProvidersManage(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('other_providers.forbidden', "only the coordination team deletes other providers' datasets or promotes their activities");
}

/**
 * The IATI checks of many programs (a summary per agency): the coordination team sees every
 * agency; an agency's officer its own agency only (the answer is the filter to apply, null: any).
 */
export function iatiChecksAgencyScope(actor: Actor): string | null {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return null;
  const org = orgOf(actor);
  if (hasRole(actor, 'agency') && org) return org;
  deny('iati_checks.forbidden', "only the coordination team and an agency's officers (for their own agency) see the IATI checks");
}

/**
 * Frozen editions of a year's figures (docs/editions.md): the coordination team freezes, writes
 * the narrative and publishes; anyone signed in reads drafts and the differences from the live
 * figures; the public sees published editions only (checked by the service, which lists them).
 */
export function authorizeEditionManage(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor) || hasRole(actor, 'coordinator')) return;
  deny('edition.forbidden', 'only the coordination team freezes, publishes and writes the narrative of an edition');
}

/** Drafts (frozen, unpublished editions) and the differences from the live figures: internal readers. */
export function canReadDraftEditions(actor: Actor): boolean {
  return canReadInternal(actor);
}

/**
 * Data-quality scorecards, findings and rules (issue 23): the coordination team sees every
 * agency; an agency's officer its own agency only. The answer is the agency to keep to (null:
 * any); asking for another agency's is refused rather than quietly narrowed.
 */
export function qualityAgencyScope(actor: Actor, asked?: string | null): string | null {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return asked ?? null;
  const org = orgOf(actor);
  if (hasRole(actor, 'agency') && org) {
    if (asked && asked.toLowerCase() !== org.toLowerCase())
      deny('quality.not_own_agency', `an agency sees its own data quality only (${org})`);
    return org;
  }
  deny('quality.forbidden', "only the coordination team and an agency's officers (for their own agency) see data quality");
}

/** Switching quality rules on and off, their weights, severities and params: the coordination team. */
export function authorizeQualityRulesWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('quality_rule.forbidden', 'only the coordination team changes the data-quality rules');
}

/**
 * Collection rounds (docs/rounds.md): the coordination team opens, closes and reopens, and sees
 * every agency's progress; an agency's officers see and confirm their own agency's part only.
 * A coordinator may confirm on an agency's behalf (the confirmation names who did it).
 */
export function authorizeRoundManage(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('round.forbidden', 'only the coordination team opens, closes and reopens collection rounds and sees every agency');
}

/** Reading the list of rounds: the coordination team and agencies' officers. */
export function authorizeRoundRead(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor) || (hasRole(actor, 'agency') && orgOf(actor))) return;
  deny('round.forbidden', "only the coordination team and agencies' officers see collection rounds");
}

/** The agency whose part the actor sees or confirms: a coordinator any (named), an agency its own. */
export function roundPartAgency(actor: Actor, asked?: string | null): string {
  requireSignedIn(actor);
  const org = orgOf(actor);
  if (isCoordinationTeam(actor)) {
    if (asked) return asked;
    if (org) return org;
    deny('round.agency_required', 'name the agency whose part to see or confirm');
  }
  if (hasRole(actor, 'agency') && org) {
    if (asked && asked.toLowerCase() !== org.toLowerCase())
      deny('round.not_own_agency', `an agency sees and confirms its own part only (${org})`);
    return org;
  }
  deny('round.forbidden', "only the coordination team and the agency's officers see or confirm an agency's part");
}

/**
 * Personal data protection (docs/privacy.md): the breach log and the retention rules' dry run —
 * the coordination team; changing a retention rule — administrators (it decides what is deleted).
 */
export function authorizeDataProtection(actor: Actor): void {
  requireSignedIn(actor);
  if (isCoordinationTeam(actor)) return;
  deny('personal_data.forbidden', 'only the coordination team keeps the breach log, the retention rules and the register');
}

export function authorizeRetentionWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (isSuper(actor)) return;
  deny('retention_rule.forbidden', 'only an administrator changes the retention rules');
}

/**
 * A program's documents (docs/documents.md): the coordination team and the program's
 * implementing agency upload, change, version and mark them public, and read the private ones
 * with every version. Everyone else who may see the program (viewers, embassies, focal points,
 * other agencies; the public on a published program) sees the documents marked public, current
 * version only: a participant list or an unpublished report stays with those responsible.
 */
export function canManageProgramDocuments(actor: Actor, program: { implementingOrg: string | null }): boolean {
  return isCoordinationTeam(actor) || (hasRole(actor, 'agency') && isOwnProgram(actor, program.implementingOrg));
}

export function authorizeProgramDocumentWrite(actor: Actor, program: { implementingOrg: string | null }): void {
  requireSignedIn(actor);
  if (!canManageProgramDocuments(actor, program))
    deny('program_document.forbidden', "only the coordination team and the program's implementing agency manage its documents");
}

/** Deleting a document (every version): the coordination team only; an agency replaces it by a new version or makes it private. */
export function authorizeProgramDocumentDelete(actor: Actor): void {
  requireSignedIn(actor);
  if (!isCoordinationTeam(actor)) deny('program_document.forbidden', 'only the coordination team deletes documents');
}

/**
 * A program's completion record (issue 25, docs/completion-evaluation.md): the coordination team
 * for any program, the implementing agency for its own while it implements or has completed it
 * (as it may edit the program then); once evaluated, only the coordination team.
 */
export function canWriteCompletion(actor: Actor, program: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): boolean {
  if (isCoordinationTeam(actor)) return true;
  return (
    hasRole(actor, 'agency') &&
    isOwnProgram(actor, program.implementingOrg) &&
    (program.lifecycleStage === 'implementation' || program.lifecycleStage === 'completed')
  );
}

export function authorizeCompletionWrite(actor: Actor, program: { implementingOrg: string | null; lifecycleStage: LifecycleStage }): void {
  requireSignedIn(actor);
  if (canWriteCompletion(actor, program)) return;
  deny('completion.forbidden', 'only the coordination team and the implementing agency (until the evaluation) record the completion');
}

/** A program's evaluation: the coordination team, who evaluates (the agency reads it and owns its actions). */
export function canWriteEvaluation(actor: Actor): boolean {
  return isCoordinationTeam(actor);
}

export function authorizeEvaluationWrite(actor: Actor): void {
  requireSignedIn(actor);
  if (canWriteEvaluation(actor)) return;
  deny('evaluation.forbidden', 'only the coordination team records evaluations');
}
