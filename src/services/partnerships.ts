/**
 * Partnerships (docs/partnerships.md): partner organisations and their whole relationship,
 * agreements through their life with versioned documents and renewal reminders, engagements with
 * the offers and requests on each side and their follow-ups, and the timeline of a partner or a
 * country. Agreements and engagements are changed by the coordination team and the owning agency.
 */
import { createHash } from 'node:crypto';
import { actorLabel } from '../domain/access/actor.js';
import {
  actorHasRole,
  actorOrg,
  authorizePartnershipCreate,
  authorizePartnershipEdit,
  authorizePartnershipRead,
  authorizeReferenceWrite,
  canEditPartnership,
  canReadPartnerships,
  isCoordinationTeam,
  PUBLISHED_STAGES,
} from '../domain/access/policy.js';
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { diffRecords } from '../domain/audit.js';
import { addDays } from '../domain/dates.js';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import { checkUpload } from '../domain/offer/documents.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import { agreementStatuses, checkAgreement, checkAgreementTransition, nextAgreementStatuses, PUBLIC_AGREEMENT_STATUSES, RENEWAL_REMINDER_DAYS, renewalState, type AgreementStatus } from '../domain/partnership/agreement.js';
import { canBecomeProgram, checkEngagementDates, checkFollowUp, type FollowUpStatus } from '../domain/partnership/engagement.js';
import {
  sortTimeline,
  type Agreement,
  type AgreementData,
  type AgreementDocumentMeta,
  type AgreementWithRenewal,
  type Engagement,
  type EngagementData,
  type FollowUpRecord,
  type PartnerContact,
  type PartnerSummary,
  type ProgramRef,
  type TimelineEntry,
} from '../domain/partnership/partnership.js';
import type {
  AgreementInput,
  AgreementListQuery,
  AgreementPatch,
  AgreementStep,
  EngagementInput,
  EngagementListQuery,
  EngagementPatch,
  FollowUpInput,
  FollowUpListQuery,
  FollowUpPatch,
  ItemInput,
  ItemProgramInput,
  PartnerListQuery,
  PartnerProfileInput,
} from '../domain/partnership/partnership.schema.js';
import { createProgram } from './programs.js';
import { audit } from './audit.js';
import { type OutgoingMail } from './ports.js';
import { inOneTransaction, type Repositories, type ServiceDeps } from './deps.js';

export interface PartnershipWriteOptions {
  /** The version the caller last saw (If-Match); another stored version is a conflict. */
  readonly expectedVersion?: number;
}

const today = (deps: ServiceDeps) => deps.clock.nowIso().slice(0, 10);
const agreementNotFound = (id: number) => new NotFoundError('agreement.not_found', `no agreement with id ${id}`);
const engagementNotFound = (id: number) => new NotFoundError('engagement.not_found', `no engagement with id ${id}`);
const invalid = (code: string, message: string, issues: FieldIssue[]) => new InvalidError(code, `${message}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

function stale(what: string, reference: string, current: number, yours: number): ConflictError {
  return new ConflictError(`${what}.stale`, `${reference} was changed (now at version ${current}, you had version ${yours}); reload it and try again`, [], {
    details: { currentVersion: current, yourVersion: yours },
  });
}

/** The organisations named, by code (case-insensitive); unknown ones are field issues. */
async function resolveOrgs(repos: Repositories, named: readonly { path: string; code: string | null | undefined }[]): Promise<{ byPath: Map<string, Organisation>; issues: FieldIssue[] }> {
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

/**
 * The owning agency of a new record: an agency owns what it records (and may not name another);
 * the coordination team names one or none.
 */
function ownerFor(deps: ServiceDeps, requested: string | null | undefined): string | null {
  if (isCoordinationTeam(deps.actor)) return requested ?? null;
  const own = actorOrg(deps.actor) as string; // authorizePartnershipCreate requires one
  if (requested && requested.toLowerCase() !== own.toLowerCase()) {
    throw new ForbiddenError('partnership.not_own_agency', `an agency records its own agreements and engagements: set ownerOrg to ${own} or leave it out`);
  }
  return own;
}

// ---- agreements -------------------------------------------------------------------------------

/** Plain JSON of an agreement for the audit log. */
const plainAgreement = (a: Agreement) => ({ ...a, parties: a.parties.map((p) => ({ ...p })), areas: [...a.areas] });

async function agreementWrite(repos: Repositories, data: AgreementData): Promise<{ partyOrgIds: (number | null)[]; ownerOrgId: number | null; data: AgreementData }> {
  const { byPath, issues } = await resolveOrgs(repos, [{ path: 'ownerOrg', code: data.ownerOrg }, ...data.parties.map((p, i) => ({ path: `parties.${i}.org`, code: p.org }))]);
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid fields', issues);
  const parties = data.parties.map((p, i) => {
    const org = byPath.get(`parties.${i}.org`);
    return org ? { org: org.code, orgName: org.acronym ?? org.nameEn, country: null } : { org: null, orgName: null, country: p.country };
  });
  const owner = byPath.get('ownerOrg');
  return {
    partyOrgIds: data.parties.map((_, i) => byPath.get(`parties.${i}.org`)?.id ?? null),
    ownerOrgId: owner?.id ?? null,
    data: { ...data, ownerOrg: owner?.code ?? null, parties },
  };
}

function checkAgreementData(data: AgreementData): void {
  const issues = checkAgreement(data.status, data);
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid dates', issues);
}

function withRenewal(a: Agreement, day: string): AgreementWithRenewal {
  return { ...a, renewal: renewalState(a.status, a.validUntil, day) };
}

export async function createAgreement(deps: ServiceDeps, input: AgreementInput): Promise<AgreementWithRenewal> {
  authorizePartnershipCreate(deps.actor);
  const proposed: AgreementData = {
    kind: input.kind,
    titleEn: input.titleEn,
    titleId: input.titleId ?? null,
    subject: input.subject ?? null,
    status: input.status ?? 'draft',
    signedOn: input.signedOn ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    ownerOrg: ownerFor(deps, input.ownerOrg),
    parties: input.parties.map((p) => ({ org: p.org ?? null, orgName: null, country: p.country ?? null })),
    areas: input.areas ?? [],
    illustrative: input.illustrative ?? false,
  };
  checkAgreementData(proposed);
  const day = today(deps);
  const issues: FieldIssue[] = [];
  if (proposed.signedOn && proposed.signedOn > day) issues.push({ path: 'signedOn', code: 'future_date', message: `a signature date must not be after today (${day})` });
  if (proposed.status === 'in_force' && (proposed.validFrom ?? proposed.signedOn ?? day) > day) {
    issues.push({ path: 'validFrom', code: 'not_yet', message: `the agreement takes effect on ${proposed.validFrom ?? proposed.signedOn}: it is not in force before` });
  }
  if (proposed.status === 'expired' && (!proposed.validUntil || proposed.validUntil >= day)) {
    issues.push({ path: 'validUntil', code: 'not_ended', message: proposed.validUntil ? `the agreement is valid until ${proposed.validUntil}` : 'an agreement without an end of validity does not expire' });
  }
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid dates', issues);
  return deps.store.transaction(async (repos) => {
    const { partyOrgIds, ownerOrgId, data } = await agreementWrite(repos, proposed);
    const now = deps.clock.nowIso();
    const reference = await repos.partnerships.nextAgreementReference(Number(now.slice(0, 4)));
    const id = await repos.partnerships.insertAgreement(data, partyOrgIds, ownerOrgId, { reference, createdBy: actorLabel(deps.actor), now });
    const created = (await repos.partnerships.findAgreement(id)) as Agreement; // inserted in this transaction
    await audit(deps, repos, { action: 'create', entity: 'agreement', entityId: id, entityLabel: reference, entityVersion: created.version, changes: diffRecords(null, plainAgreement(created)) });
    return withRenewal(created, day);
  });
}

async function visibleAgreement(deps: ServiceDeps, repos: Repositories, id: number): Promise<Agreement> {
  const found = await repos.partnerships.findAgreement(id);
  if (!found || (!canReadPartnerships(deps.actor) && !PUBLIC_AGREEMENT_STATUSES.includes(found.status))) throw agreementNotFound(id);
  return found;
}

export interface AgreementDetail {
  readonly agreement: AgreementWithRenewal;
  readonly programs: readonly ProgramRef[];
  readonly documents: readonly AgreementDocumentMeta[];
  readonly canEdit: boolean;
  readonly nextStatuses: readonly AgreementStatus[];
}

export async function getAgreement(deps: ServiceDeps, id: number): Promise<AgreementDetail> {
  const repos = deps.store.repos;
  const agreement = await visibleAgreement(deps, repos, id);
  const internal = canReadPartnerships(deps.actor);
  const [programs, documents] = await Promise.all([repos.partnerships.agreementPrograms(id), repos.partnerships.listDocuments(id, !internal)]);
  const visiblePrograms = internal ? programs : programs.filter((p) => PUBLISHED_STAGES.includes(p.lifecycleStage));
  const canEdit = canEditPartnership(deps.actor, agreement.ownerOrg);
  return {
    // The public counts what it is shown: published programs and public documents.
    agreement: withRenewal(internal ? agreement : { ...agreement, programCount: visiblePrograms.length, documentCount: documents.length }, today(deps)),
    programs: visiblePrograms,
    documents,
    canEdit,
    nextStatuses: canEdit ? nextAgreementStatuses(agreement.status) : [],
  };
}

export async function listAgreements(deps: ServiceDeps, query: AgreementListQuery): Promise<Page<AgreementWithRenewal>> {
  const { page, pageSize, ...filter } = query;
  const day = today(deps);
  const result = await deps.store.repos.partnerships.listAgreements({ ...filter, publicOnly: !canReadPartnerships(deps.actor), today: day }, page, pageSize);
  return { ...result, items: result.items.map((a) => withRenewal(a, day)) };
}

async function loadForEdit(deps: ServiceDeps, repos: Repositories, id: number, options: PartnershipWriteOptions): Promise<Agreement> {
  const current = await repos.partnerships.findAgreement(id);
  if (!current) throw agreementNotFound(id);
  authorizePartnershipEdit(deps.actor, current.ownerOrg);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw stale('agreement', current.reference, current.version, options.expectedVersion);
  return current;
}

async function saveAgreement(deps: ServiceDeps, repos: Repositories, current: Agreement, proposed: AgreementData, action: 'update' | 'transition', comment: string | null): Promise<AgreementWithRenewal> {
  const { partyOrgIds, ownerOrgId, data } = await agreementWrite(repos, proposed);
  if (!(await repos.partnerships.updateAgreement(current.id, current.version, data, partyOrgIds, ownerOrgId, deps.clock.nowIso()))) {
    const now = (await repos.partnerships.findAgreement(current.id)) ?? current;
    throw stale('agreement', current.reference, now.version, current.version);
  }
  const updated = (await repos.partnerships.findAgreement(current.id)) as Agreement; // updated in this transaction
  await audit(deps, repos, { action, entity: 'agreement', entityId: current.id, entityLabel: current.reference, entityVersion: updated.version, changes: diffRecords(plainAgreement(current), plainAgreement(updated)), comment });
  return withRenewal(updated, today(deps));
}

export async function patchAgreement(deps: ServiceDeps, id: number, patch: AgreementPatch, options: PartnershipWriteOptions = {}): Promise<AgreementWithRenewal> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, options);
    if (patch.ownerOrg !== undefined && !isCoordinationTeam(deps.actor) && (patch.ownerOrg ?? '').toLowerCase() !== (current.ownerOrg ?? '').toLowerCase()) {
      throw new ForbiddenError('partnership.owner_by_team', 'only the coordination team hands an agreement to another agency');
    }
    const proposed: AgreementData = {
      ...current,
      ...definedOf(patch),
      parties: patch.parties ? patch.parties.map((p) => ({ org: p.org ?? null, orgName: null, country: p.country ?? null })) : current.parties,
    };
    checkAgreementData(proposed);
    return saveAgreement(deps, repos, current, proposed, 'update', null);
  });
}

/** Moves the agreement to its next status, with the dates the step records (a signature date when signing). */
export async function stepAgreement(deps: ServiceDeps, id: number, step: AgreementStep, options: PartnershipWriteOptions = {}): Promise<AgreementWithRenewal> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, options);
    const dates = {
      signedOn: step.signedOn !== undefined ? step.signedOn : current.signedOn,
      validFrom: step.validFrom !== undefined ? step.validFrom : current.validFrom,
      validUntil: step.validUntil !== undefined ? step.validUntil : current.validUntil,
    };
    // Back to draft: the signature date is not kept (a draft has none).
    const day = today(deps);
    const issues = checkAgreementTransition(current.status, step.to, dates, day);
    if (dates.signedOn && dates.signedOn > day) issues.push({ path: 'signedOn', code: 'future_date', message: `a signature date must not be after today (${day})` });
    if (issues.length) {
      const bad = issues.some((i) => i.code === 'bad_transition');
      if (bad) throw new ConflictError('agreement.bad_transition', issues.map((i) => i.message).join('; '), issues);
      throw invalid('agreement.invalid', `${agreementStatuses.label(current.status, 'en')} → ${agreementStatuses.label(step.to, 'en')} refused`, issues);
    }
    return saveAgreement(deps, repos, current, { ...current, ...dates, status: step.to }, 'transition', step.note ?? null);
  });
}

/**
 * Deletes an agreement recorded by mistake: only a draft or one under negotiation (a signed
 * agreement is part of the record; terminate it instead).
 */
export async function deleteAgreement(deps: ServiceDeps, id: number, options: PartnershipWriteOptions = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, options);
    if (current.status !== 'draft' && current.status !== 'negotiation') {
      throw new ConflictError('agreement.signed', `${current.reference} is ${agreementStatuses.label(current.status, 'en').toLowerCase()}: it stays on record (terminate it instead of deleting it)`);
    }
    await repos.partnerships.deleteAgreement(id);
    await audit(deps, repos, { action: 'delete', entity: 'agreement', entityId: id, entityLabel: current.reference, entityVersion: current.version, changes: diffRecords(plainAgreement(current), null) });
  });
}

export async function linkAgreementProgram(deps: ServiceDeps, id: number, identifier: string): Promise<readonly ProgramRef[]> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, {});
    const activity = await repos.programs.findByIdentifier(identifier);
    if (!activity) throw invalid('agreement.invalid', 'the program is not registered', [{ path: 'identifier', code: 'unknown_program', message: `no program with identifier "${identifier}"` }]);
    if (await repos.partnerships.linkProgram(id, activity.id)) {
      await audit(deps, repos, { action: 'update', entity: 'agreement', entityId: id, entityLabel: current.reference, changes: { programs: { before: null, after: activity.identifier } }, comment: `program ${activity.identifier} carried out under the agreement` });
    }
    return repos.partnerships.agreementPrograms(id);
  });
}

export async function unlinkAgreementProgram(deps: ServiceDeps, id: number, activityId: number): Promise<readonly ProgramRef[]> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, {});
    if (!(await repos.partnerships.unlinkProgram(id, activityId))) throw new NotFoundError('agreement.program_not_linked', `program ${activityId} is not under agreement ${current.reference}`);
    await audit(deps, repos, { action: 'update', entity: 'agreement', entityId: id, entityLabel: current.reference, changes: { programs: { before: activityId, after: null } } });
    return repos.partnerships.agreementPrograms(id);
  });
}

export interface AgreementUpload {
  readonly title: string;
  readonly isPublic: boolean;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Stores a file as the next version of the agreement's document with that title, after checking its type and size. */
export async function uploadAgreementDocument(deps: ServiceDeps, id: number, upload: AgreementUpload, maxBytes: number): Promise<AgreementDocumentMeta> {
  const title = upload.title.trim();
  if (!title || title.length > 200) {
    throw invalid('agreement_document.invalid', 'the document has invalid fields', [{ path: 'title', code: title ? 'too_long' : 'required', message: title ? 'must be at most 200 characters' : 'give the document a title (e.g. "Signed text")' }]);
  }
  const checked = checkUpload('file', upload.fileName, upload.bytes, maxBytes);
  if (!checked.ok) throw new InvalidError('document.rejected', `the upload was refused: ${checked.issue.path}: ${checked.issue.message}`, [checked.issue]);
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps, repos, id, {});
    const meta = await repos.partnerships.insertDocument({
      agreementId: id,
      title,
      fileName: checked.value.fileName,
      contentType: checked.value.contentType,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      isPublic: upload.isPublic,
      uploadedBy: actorLabel(deps.actor),
      now: deps.clock.nowIso(),
    });
    await audit(deps, repos, {
      action: 'create',
      entity: 'agreement_document',
      entityId: meta.id,
      entityLabel: `${current.reference} ${meta.title} v${meta.versionNo}`,
      changes: diffRecords(null, { ...meta }),
    });
    return meta;
  });
}

async function documentWithAgreement(deps: ServiceDeps, repos: Repositories, documentId: number) {
  const found = await repos.partnerships.findDocument(documentId);
  const notFound = new NotFoundError('agreement_document.not_found', `no agreement document with id ${documentId}`);
  if (!found) throw notFound;
  const agreement = await repos.partnerships.findAgreement(found.meta.agreementId);
  if (!agreement) throw notFound;
  return { ...found, agreement };
}

/** A document's content: anyone for a public document of a signed agreement; otherwise the Indonesian side signed in. */
export async function getAgreementDocument(deps: ServiceDeps, documentId: number): Promise<{ meta: AgreementDocumentMeta; content: Uint8Array }> {
  const { meta, content, agreement } = await documentWithAgreement(deps, deps.store.repos, documentId);
  if (!canReadPartnerships(deps.actor) && !(meta.isPublic && PUBLIC_AGREEMENT_STATUSES.includes(agreement.status))) {
    throw new NotFoundError('agreement_document.not_found', `no agreement document with id ${documentId}`);
  }
  return { meta, content };
}

export async function setAgreementDocumentPublic(deps: ServiceDeps, documentId: number, isPublic: boolean): Promise<AgreementDocumentMeta> {
  return deps.store.transaction(async (repos) => {
    const { meta, agreement } = await documentWithAgreement(deps, repos, documentId);
    authorizePartnershipEdit(deps.actor, agreement.ownerOrg);
    if (meta.isPublic !== isPublic) {
      await repos.partnerships.setDocumentPublic(documentId, isPublic);
      await audit(deps, repos, { action: 'update', entity: 'agreement_document', entityId: documentId, entityLabel: `${agreement.reference} ${meta.title} v${meta.versionNo}`, changes: { isPublic: { before: meta.isPublic, after: isPublic } } });
    }
    return { ...meta, isPublic };
  });
}

/** Accounts that hear about an agreement: the owning agency's active accounts and the coordinators. */
async function reminderRecipients(repos: Repositories, ownerOrg: string | null): Promise<string[]> {
  const owners = ownerOrg ? await repos.users.list({ orgCode: ownerOrg }) : [];
  const coordinators = await repos.users.list({ role: 'coordinator' });
  return [...new Set([...owners, ...coordinators].map((u) => u.email.toLowerCase()))].sort();
}

function reminderMail(to: string, a: Agreement, daysLeft: number, publicUrl: string | null): OutgoingMail {
  const link = publicUrl ? `${publicUrl.replace(/\/$/, '')}/agreements/${a.id}` : `/agreements/${a.id}`;
  return {
    kind: 'agreement_renewal',
    to,
    subject: `[Mitra] ${a.reference}: berakhir ${a.validUntil} / ends ${a.validUntil} (${daysLeft} hari / days)`,
    text: [
      `Perjanjian "${a.titleId ?? a.titleEn}" (${a.reference}) berlaku sampai ${a.validUntil}, ${daysLeft} hari lagi. Mohon putuskan perpanjangan atau pengakhirannya.`,
      '',
      `The agreement "${a.titleEn}" (${a.reference}) is valid until ${a.validUntil}, ${daysLeft} days from now. Please decide whether to renew it or let it end.`,
      '',
      link,
    ].join('\n'),
  };
}

export interface ReminderReport {
  readonly agreements: readonly { reference: string; validUntil: string; daysLeft: number; reminder: number; recipients: number }[];
}

/**
 * Queues the renewal reminders that are due (180, 90 and 30 days before the end of validity):
 * one mail per agreement and recipient for the latest reminder reached, each sent once. Run it
 * daily (`mitra agreements remind`).
 */
export async function sendRenewalReminders(deps: ServiceDeps, options: { publicUrl?: string | null } = {}): Promise<ReminderReport> {
  authorizeReferenceWrite(deps.actor);
  const day = today(deps);
  return deps.store.transaction(async (repos) => {
    const agreements = await repos.partnerships.liveAgreementsEndingBy(addDays(day, RENEWAL_REMINDER_DAYS[0] ?? 180));
    const done: { reference: string; validUntil: string; daysLeft: number; reminder: number; recipients: number }[] = [];
    for (const a of agreements) {
      const state = renewalState(a.status, a.validUntil, day);
      const validUntil = a.validUntil as string; // liveAgreementsEndingBy returns agreements with an end
      const sent = await repos.partnerships.remindersSent(a.id, validUntil);
      const missing = state.remindersDue.filter((d) => !sent.includes(d));
      if (!missing.length || state.daysLeft === null) continue;
      const recipients = await reminderRecipients(repos, a.ownerOrg);
      await repos.mailOutbox.enqueue(recipients.map((to) => reminderMail(to, a, state.daysLeft as number, options.publicUrl ?? null)), deps.clock.nowIso());
      await repos.partnerships.recordReminders(a.id, validUntil, missing, deps.clock.nowIso());
      done.push({ reference: a.reference, validUntil, daysLeft: state.daysLeft, reminder: Math.min(...missing), recipients: recipients.length });
    }
    return { agreements: done };
  });
}

// ---- engagements ------------------------------------------------------------------------------

const plainEngagement = (e: Engagement) => JSON.parse(JSON.stringify({ ...e, followUps: e.followUps.map(({ overdue: _o, ...f }) => f) })) as Record<string, unknown>;

/** A follow-up's owner: an active account's email or an organisation's code, as stored. */
async function resolveOwner(repos: Repositories, owner: string | null | undefined, path: string): Promise<{ owner: string | null; issues: FieldIssue[] }> {
  // The follow-up's own path: "followUps.0" for "followUps.0.owner", none for "owner".
  const base = checkFollowUp({ action: 'x', owner: owner ?? null, dueOn: null, status: 'open' }, path.replace(/\.?owner$/, '')).filter((i) => i.path.endsWith('owner'));
  if (base.length || !owner) return { owner: null, issues: base };
  const text = owner.trim();
  if (text.includes('@')) {
    const user = await repos.users.findByEmail(text.toLowerCase());
    if (user && !user.disabled) return { owner: user.email, issues: [] };
    return { owner: null, issues: [{ path, code: 'unknown_owner', message: `no active account with email "${text}"` }] };
  }
  const org = await repos.organisations.findByCode(text);
  if (org) return { owner: org.code, issues: [] };
  return { owner: null, issues: [{ path, code: 'unknown_owner', message: `"${text}" is neither an account's email nor an organisation's code` }] };
}

async function checkFollowUps(repos: Repositories, followUps: readonly FollowUpInput[], prefix: string): Promise<{ values: { action: string; owner: string; dueOn: string | null }[]; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const values: { action: string; owner: string; dueOn: string | null }[] = [];
  for (const [i, f] of followUps.entries()) {
    const at = prefix ? `${prefix}.${i}` : '';
    issues.push(...checkFollowUp({ action: f.action, owner: f.owner ?? null, dueOn: f.dueOn ?? null, status: 'open' }, at).filter((x) => !x.path.endsWith('owner')));
    const owner = await resolveOwner(repos, f.owner, at ? `${at}.owner` : 'owner');
    issues.push(...owner.issues);
    if (owner.owner) values.push({ action: f.action.trim(), owner: owner.owner, dueOn: f.dueOn ?? null });
  }
  return { values, issues };
}

async function engagementOrgs(repos: Repositories, data: EngagementData): Promise<{ partner: number | null; owner: number | null; data: EngagementData }> {
  const { byPath, issues } = await resolveOrgs(repos, [
    { path: 'partnerOrg', code: data.partnerOrg },
    { path: 'ownerOrg', code: data.ownerOrg },
  ]);
  if (issues.length) throw invalid('engagement.invalid', 'the engagement has invalid fields', issues);
  const partner = byPath.get('partnerOrg');
  const owner = byPath.get('ownerOrg');
  return { partner: partner?.id ?? null, owner: owner?.id ?? null, data: { ...data, partnerOrg: partner?.code ?? null, ownerOrg: owner?.code ?? null } };
}

const itemRecord = (i: ItemInput) => ({ side: i.side, kind: i.kind, description: i.description, flagshipArea: i.flagshipArea ?? null, country: i.country ?? null, illustrative: i.illustrative ?? false });

export async function createEngagement(deps: ServiceDeps, input: EngagementInput): Promise<Engagement> {
  authorizePartnershipCreate(deps.actor);
  const proposed: EngagementData = {
    kind: input.kind,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    place: input.place ?? null,
    country: input.country ?? null,
    partnerOrg: input.partnerOrg ?? null,
    counterpart: input.counterpart ?? null,
    delegation: input.delegation ?? null,
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? null,
    ownerOrg: ownerFor(deps, input.ownerOrg),
    illustrative: input.illustrative ?? false,
  };
  const dateIssues = checkEngagementDates(proposed);
  if (dateIssues.length) throw invalid('engagement.invalid', 'the engagement has invalid dates', dateIssues);
  return deps.store.transaction(async (repos) => {
    const followUps = await checkFollowUps(repos, input.followUps ?? [], 'followUps');
    if (followUps.issues.length) throw invalid('engagement.invalid', 'the engagement has invalid follow-ups', followUps.issues);
    const { partner, owner, data } = await engagementOrgs(repos, proposed);
    const now = deps.clock.nowIso();
    const reference = await repos.partnerships.nextEngagementReference(Number(data.startsOn.slice(0, 4)));
    const id = await repos.partnerships.insertEngagement(data, { partner, owner }, { reference, createdBy: actorLabel(deps.actor), now });
    for (const item of input.items ?? []) await repos.partnerships.insertItem(id, itemRecord(item));
    for (const f of followUps.values) await repos.partnerships.insertFollowUp(id, f, now);
    const created = (await repos.partnerships.findEngagement(id, today(deps))) as Engagement; // inserted in this transaction
    await audit(deps, repos, { action: 'create', entity: 'engagement', entityId: id, entityLabel: reference, entityVersion: created.version, changes: diffRecords(null, plainEngagement(created)) });
    return created;
  });
}

export async function getEngagement(deps: ServiceDeps, id: number): Promise<Engagement & { canEdit: boolean }> {
  authorizePartnershipRead(deps.actor);
  const found = await deps.store.repos.partnerships.findEngagement(id, today(deps));
  if (!found) throw engagementNotFound(id);
  return { ...found, canEdit: canEditPartnership(deps.actor, found.ownerOrg) };
}

export async function listEngagements(deps: ServiceDeps, query: EngagementListQuery): Promise<Page<Engagement>> {
  authorizePartnershipRead(deps.actor);
  const { page, pageSize, ...filter } = query;
  return deps.store.repos.partnerships.listEngagements(filter, page, pageSize, today(deps));
}

async function engagementForEdit(deps: ServiceDeps, repos: Repositories, id: number, options: PartnershipWriteOptions = {}): Promise<Engagement> {
  const current = await repos.partnerships.findEngagement(id, today(deps));
  if (!current) throw engagementNotFound(id);
  authorizePartnershipEdit(deps.actor, current.ownerOrg);
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) throw stale('engagement', current.reference, current.version, options.expectedVersion);
  return current;
}

/** Re-reads the engagement after a change, bumps its version and audits the difference. */
async function engagementChanged(deps: ServiceDeps, repos: Repositories, before: Engagement, comment: string | null = null): Promise<Engagement> {
  await repos.partnerships.touchEngagement(before.id, deps.clock.nowIso());
  const after = (await repos.partnerships.findEngagement(before.id, today(deps))) as Engagement; // exists: changed in this transaction
  await audit(deps, repos, { action: 'update', entity: 'engagement', entityId: before.id, entityLabel: before.reference, entityVersion: after.version, changes: diffRecords(plainEngagement(before), plainEngagement(after)), comment });
  return after;
}

export async function patchEngagement(deps: ServiceDeps, id: number, patch: EngagementPatch, options: PartnershipWriteOptions = {}): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const current = await engagementForEdit(deps, repos, id, options);
    if (patch.ownerOrg !== undefined && !isCoordinationTeam(deps.actor) && (patch.ownerOrg ?? '').toLowerCase() !== (current.ownerOrg ?? '').toLowerCase()) {
      throw new ForbiddenError('partnership.owner_by_team', 'only the coordination team hands an engagement to another agency');
    }
    const proposed: EngagementData = { ...current, ...definedOf(patch) };
    const dateIssues = checkEngagementDates(proposed);
    if (dateIssues.length) throw invalid('engagement.invalid', 'the engagement has invalid dates', dateIssues);
    const { partner, owner, data } = await engagementOrgs(repos, proposed);
    if (!(await repos.partnerships.updateEngagement(id, current.version, data, { partner, owner }, deps.clock.nowIso()))) throw stale('engagement', current.reference, current.version + 1, current.version);
    const updated = (await repos.partnerships.findEngagement(id, today(deps))) as Engagement; // updated in this transaction
    await audit(deps, repos, { action: 'update', entity: 'engagement', entityId: id, entityLabel: current.reference, entityVersion: updated.version, changes: diffRecords(plainEngagement(current), plainEngagement(updated)) });
    return updated;
  });
}

/** Deletes an engagement recorded by mistake, unless one of its items became a program request. */
export async function deleteEngagement(deps: ServiceDeps, id: number, options: PartnershipWriteOptions = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const current = await engagementForEdit(deps, repos, id, options);
    const converted = current.items.filter((i) => i.program);
    if (converted.length) {
      throw new ConflictError('engagement.has_programs', `${current.reference} led to program request(s) ${converted.map((i) => i.program?.identifier).join(', ')}: it stays, so that what came of it remains answerable`);
    }
    await repos.partnerships.deleteEngagement(id);
    await audit(deps, repos, { action: 'delete', entity: 'engagement', entityId: id, entityLabel: current.reference, entityVersion: current.version, changes: diffRecords(plainEngagement(current), null) });
  });
}

export async function addEngagementItem(deps: ServiceDeps, engagementId: number, item: ItemInput): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const current = await engagementForEdit(deps, repos, engagementId);
    await repos.partnerships.insertItem(engagementId, itemRecord(item));
    return engagementChanged(deps, repos, current);
  });
}

export async function deleteEngagementItem(deps: ServiceDeps, itemId: number): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const item = await repos.partnerships.findItem(itemId);
    if (!item) throw new NotFoundError('engagement_item.not_found', `no engagement item with id ${itemId}`);
    const current = await engagementForEdit(deps, repos, item.engagementId);
    if (item.activityId !== null) throw new ConflictError('engagement_item.has_program', 'this offer or request became a program request: it stays, so that what came of the engagement remains answerable');
    await repos.partnerships.deleteItem(itemId);
    return engagementChanged(deps, repos, current);
  });
}

/** Whether a partner organisation of another country than the recipient makes the program triangular. */
function defaultCooperation(partner: Organisation | undefined, recipient: string): 'triangular' | 'bilateral' {
  return partner && (partner.kind === 'partner' || partner.kind === 'multilateral') && partner.countryCode !== recipient ? 'triangular' : 'bilateral';
}

/**
 * Turns an offer or a request into a program request in one step: a program in the `request`
 * stage for the recipient country, the counterpart as second provider when the program is
 * triangular, linked to the item so that the engagement shows what came of it.
 */
export async function itemToProgram(deps: ServiceDeps, itemId: number, input: ItemProgramInput): Promise<{ engagement: Engagement; activity: Program }> {
  return inOneTransaction(deps, async (tx) => {
    const repos = tx.store.repos;
    const item = await repos.partnerships.findItem(itemId);
    if (!item) throw new NotFoundError('engagement_item.not_found', `no engagement item with id ${itemId}`);
    const engagement = await engagementForEdit(tx, repos, item.engagementId);
    const full = engagement.items.find((i) => i.id === itemId);
    if (!full || !canBecomeProgram({ programId: item.activityId })) {
      throw new ConflictError('engagement_item.has_program', `this ${full?.kind ?? 'item'} already became program ${full?.program?.identifier ?? item.activityId}`);
    }
    const country = input.country ?? full.country;
    if (!country) {
      throw invalid('engagement_item.invalid', 'the program needs its recipient country', [{ path: 'country', code: 'required', message: 'say which country the program is for (the item names none)' }]);
    }
    const partner = engagement.partnerOrg ? await repos.organisations.findByCode(engagement.partnerOrg) : undefined;
    const cooperationType = input.cooperationType ?? defaultCooperation(partner, country);
    const parsed = programInputSchema.safeParse({
      identifier: input.identifier ?? `${engagement.reference}-${item.position}`,
      titleEn: input.titleEn ?? full.description.slice(0, 500),
      descriptionEn: `${full.kind === 'offer' ? 'Offer' : 'Request'} of ${full.side === 'ours' ? 'Indonesia' : (engagement.partnerName ?? 'the counterpart')} at ${engagement.title} (${engagement.reference}, ${engagement.startsOn}):\n\n${full.description}`,
      flagshipArea: full.flagshipArea,
      cooperationType,
      activityStatus: 'pipeline',
      lifecycleStage: 'request',
      implementingOrg: input.implementingOrg ?? (actorHasRole(tx.actor, 'agency') ? actorOrg(tx.actor) : engagement.ownerOrg),
      recipients: [{ country }],
      partners: cooperationType === 'triangular' && partner ? [{ org: partner.code, iatiRole: 1, sscRole: 'second_provider' }] : [],
      illustrative: input.illustrative ?? (full.illustrative || engagement.illustrative),
    });
    if (!parsed.success) {
      throw new InvalidError('engagement_item.program_invalid', 'the program of this item would be invalid', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const activity = await createProgram(tx, parsed.data);
    if (!(await repos.partnerships.setItemProgram(itemId, activity.id))) throw new ConflictError('engagement_item.has_program', 'this item became a program meanwhile');
    const updated = await engagementChanged(tx, repos, engagement, `${full.kind} turned into program request ${activity.identifier}`);
    return { engagement: updated, activity };
  });
}

export async function addFollowUp(deps: ServiceDeps, engagementId: number, input: FollowUpInput): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const current = await engagementForEdit(deps, repos, engagementId);
    const checked = await checkFollowUps(repos, [input], '');
    if (checked.issues.length) throw invalid('follow_up.invalid', 'the follow-up is refused', checked.issues);
    await repos.partnerships.insertFollowUp(engagementId, checked.values[0] as { action: string; owner: string; dueOn: string | null }, deps.clock.nowIso());
    return engagementChanged(deps, repos, current);
  });
}

export async function patchFollowUp(deps: ServiceDeps, followUpId: number, patch: FollowUpPatch): Promise<FollowUpRecord> {
  return deps.store.transaction(async (repos) => {
    const day = today(deps);
    const current = await repos.partnerships.findFollowUp(followUpId, day);
    if (!current) throw new NotFoundError('follow_up.not_found', `no follow-up with id ${followUpId}`);
    const engagement = await repos.partnerships.findEngagement(current.engagementId, day);
    if (!engagement) throw new NotFoundError('follow_up.not_found', `no follow-up with id ${followUpId}`);
    // The owner of a follow-up may close it too, not only the engagement's editors.
    const own = deps.actor.kind === 'user' && (deps.actor.label.toLowerCase() === current.owner.toLowerCase() || (deps.actor.orgCode ?? '').toLowerCase() === current.owner.toLowerCase());
    if (!own) authorizePartnershipEdit(deps.actor, engagement.ownerOrg);
    const next = {
      action: patch.action ?? current.action,
      owner: current.owner,
      dueOn: patch.dueOn !== undefined ? patch.dueOn : current.dueOn,
      status: (patch.status ?? current.status) as FollowUpStatus,
      doneOn: current.doneOn,
    };
    const issues = checkFollowUp({ action: next.action, owner: patch.owner !== undefined ? patch.owner : current.owner, dueOn: next.dueOn, status: next.status });
    if (patch.owner !== undefined && !issues.some((i) => i.path === 'owner')) {
      const resolved = await resolveOwner(repos, patch.owner, 'owner');
      issues.push(...resolved.issues);
      if (resolved.owner) next.owner = resolved.owner;
    }
    if (issues.length) throw invalid('follow_up.invalid', 'the follow-up is refused', issues);
    next.doneOn = next.status === 'done' ? (current.status === 'done' ? current.doneOn : day) : null;
    await repos.partnerships.updateFollowUp(followUpId, next, deps.clock.nowIso());
    const { overdue: _o, ...plainBefore } = current;
    await audit(deps, repos, { action: 'update', entity: 'follow_up', entityId: followUpId, entityLabel: `${engagement.reference}: ${current.action.slice(0, 80)}`, changes: diffRecords(plainBefore, { ...plainBefore, ...next }) });
    await repos.partnerships.touchEngagement(engagement.id, deps.clock.nowIso());
    return (await repos.partnerships.findFollowUp(followUpId, day)) as FollowUpRecord; // updated just above
  });
}

export async function listFollowUps(deps: ServiceDeps, query: FollowUpListQuery) {
  authorizePartnershipRead(deps.actor);
  const { page, pageSize, ...filter } = query;
  return deps.store.repos.partnerships.listFollowUps(filter, page, pageSize, today(deps));
}

// ---- partners and timelines -------------------------------------------------------------------

export interface PartnerList {
  readonly items: readonly PartnerSummary[];
  /** Triangular programs in the years asked, each counted once however many partners it has. */
  readonly triangularInRange: number;
  readonly since: number | null;
  readonly upTo: number | null;
}

export async function listPartners(deps: ServiceDeps, query: PartnerListQuery): Promise<PartnerList> {
  const repos = deps.store.repos;
  // The public does not learn of draft agreements or of engagements, not even by their counts.
  const items = await repos.partnerships.listPartners(query, PUBLISHED_STAGES, timelineOptions(deps));
  const visible = canReadPartnerships(deps.actor) ? items : items.map((p) => ({ ...p, engagements: 0, lastEngagement: null }));
  return { items: visible, triangularInRange: await repos.partnerships.triangularTotal(query.since ?? 0, query.upTo ?? 9999, PUBLISHED_STAGES), since: query.since ?? null, upTo: query.upTo ?? null };
}

/**
 * A partner's relationship beyond its programs: profile, contacts, agreements and engagements.
 * Its programs over the years, roles, cost shares and cumulative triangular counts are the
 * partner profile of the analytics (services/profiles.ts), shown on the same page.
 */
export interface PartnerDetail {
  readonly organisation: Organisation;
  readonly website: string | null;
  readonly notes: string | null;
  /** Null for readers outside the Indonesian side. */
  readonly contacts: readonly PartnerContact[] | null;
  readonly agreements: readonly AgreementWithRenewal[];
  /** Empty for readers outside the Indonesian side. */
  readonly engagements: readonly Engagement[];
  readonly canEdit: boolean;
}

async function partnerOrg(deps: ServiceDeps, code: string): Promise<Organisation> {
  const org = await deps.store.repos.organisations.findByCode(code);
  if (!org) throw new NotFoundError('partner.not_found', `no organisation with code "${code}"`);
  return org;
}

export async function getPartner(deps: ServiceDeps, code: string): Promise<PartnerDetail> {
  const repos = deps.store.repos;
  const org = await partnerOrg(deps, code);
  const internal = canReadPartnerships(deps.actor);
  const day = today(deps);
  const [profile, contacts, agreements, engagements] = await Promise.all([
    repos.partnerships.profile(org.id),
    internal ? repos.partnerships.contacts(org.id) : Promise.resolve(null),
    repos.partnerships.listAgreements({ partner: org.code, publicOnly: !internal }, 1, 500),
    internal ? repos.partnerships.listEngagements({ partner: org.code }, 1, 500, day) : Promise.resolve({ items: [] as Engagement[] }),
  ]);
  return {
    organisation: org,
    website: profile.website,
    notes: internal ? profile.notes : null,
    contacts,
    agreements: agreements.items.map((a) => withRenewal(a, day)),
    engagements: engagements.items,
    canEdit: isCoordinationTeam(deps.actor),
  };
}

export async function setPartnerProfile(deps: ServiceDeps, code: string, input: PartnerProfileInput): Promise<PartnerDetail> {
  authorizeReferenceWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const org = await repos.organisations.findByCode(code);
    if (!org) throw new NotFoundError('partner.not_found', `no organisation with code "${code}"`);
    const before = { ...(await repos.partnerships.profile(org.id)), contacts: await repos.partnerships.contacts(org.id) };
    const profile = { website: input.website !== undefined ? input.website : before.website, notes: input.notes !== undefined ? input.notes : before.notes };
    await repos.partnerships.setProfile(org.id, { website: profile.website ?? null, notes: profile.notes ?? null }, deps.clock.nowIso());
    const contacts = input.contacts ? input.contacts.map((c) => ({ name: c.name, position: c.position ?? null, email: c.email ?? null, phone: c.phone ?? null })) : before.contacts;
    if (input.contacts) await repos.partnerships.replaceContacts(org.id, contacts);
    await audit(deps, repos, { action: 'update', entity: 'organisation', entityId: org.code, entityLabel: org.nameEn, changes: diffRecords(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify({ ...profile, contacts }))) });
  });
  return getPartner(deps, code);
}

function timelineOptions(deps: ServiceDeps) {
  const internal = canReadPartnerships(deps.actor);
  return { agreementStatuses: internal ? null : PUBLIC_AGREEMENT_STATUSES, stages: internal ? null : PUBLISHED_STAGES, engagements: internal };
}

export async function partnerTimeline(deps: ServiceDeps, code: string): Promise<TimelineEntry[]> {
  const org = await partnerOrg(deps, code);
  return sortTimeline(await deps.store.repos.partnerships.timeline({ orgId: org.id }, timelineOptions(deps)));
}

export async function countryTimeline(deps: ServiceDeps, country: string): Promise<TimelineEntry[]> {
  return sortTimeline(await deps.store.repos.partnerships.timeline({ country }, timelineOptions(deps)));
}

export interface PartnershipAttention {
  readonly overdueFollowUps: readonly (FollowUpRecord & { engagementReference: string; engagementTitle: string; ownerOrg: string | null })[];
  readonly overdueTotal: number;
  readonly expiringAgreements: readonly AgreementWithRenewal[];
}

/**
 * What needs the coordinator now: overdue follow-ups and agreements ending within the first
 * reminder window (or past their end and still marked in force). An agency sees its own.
 */
export async function partnershipAttention(deps: ServiceDeps): Promise<PartnershipAttention> {
  authorizePartnershipRead(deps.actor);
  const repos = deps.store.repos;
  const day = today(deps);
  const agency = actorHasRole(deps.actor, 'agency') ? actorOrg(deps.actor) : null;
  const [followUps, expiring] = await Promise.all([
    repos.partnerships.listFollowUps({ overdue: true, ...(agency ? { ownerOrg: agency } : {}) }, 1, 20, day),
    repos.partnerships.liveAgreementsEndingBy(addDays(day, RENEWAL_REMINDER_DAYS[0] ?? 180)),
  ]);
  const mine = agency ? expiring.filter((a) => a.ownerOrg?.toLowerCase() === agency.toLowerCase()) : expiring;
  return { overdueFollowUps: followUps.items, overdueTotal: followUps.total, expiringAgreements: mine.map((a) => withRenewal(a, day)) };
}

/**
 * Where a program came from (an engagement's offer or request, a partner government's request)
 * and what it is carried out under (its page links back).
 */
export async function programPartnership(deps: ServiceDeps, activityId: number) {
  if (!canReadPartnerships(deps.actor)) return { agreements: [], engagementItems: [], requests: [] };
  const repos = deps.store.repos;
  const [agreements, engagementItems, requests] = await Promise.all([
    repos.partnerships.agreementsOfProgram(activityId),
    repos.partnerships.itemsOfProgram(activityId),
    repos.requests.findByProgram(activityId),
  ]);
  return { agreements, engagementItems, requests: requests.map((r) => ({ id: r.id, reference: r.reference, country: r.country, topic: r.topic, receivedOn: r.receivedOn })) };
}

/** The patch's fields that were sent (undefined means "unchanged"; null clears). */
function definedOf<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface ReminderSchedule {
  stop(): void;
}

/**
 * Sends the due renewal reminders soon after start and then every `intervalMs` (6 hours by
 * default), so that a running server needs no cron. Each reminder is recorded once per agreement,
 * end of validity and day (a second server process fails on that key and sends nothing twice).
 */
export function scheduleRenewalReminders(
  deps: ServiceDeps,
  options: { publicUrl?: string | null; intervalMs?: number; firstAfterMs?: number; onQueued?: (report: ReminderReport) => void; onError?: (error: unknown) => void } = {},
): ReminderSchedule {
  let running = false;
  const round = (): void => {
    if (running) return;
    running = true;
    sendRenewalReminders(deps, { publicUrl: options.publicUrl ?? null })
      .then((report) => {
        if (report.agreements.length) options.onQueued?.(report);
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(round, options.firstAfterMs ?? 5_000);
  const timer = setInterval(round, options.intervalMs ?? 6 * 3_600_000);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
