/**
 * Agreements (docs/partnerships.md) through their life, draft → negotiation → signed → in force →
 * expired or terminated, with the programs carried out under them and their versioned documents.
 * The public and recipient governments' focal points see signed agreements only; the coordination
 * team and the owning agency change them. Renewal reminders are services/reminders.ts.
 */
import { indonesianAfterEdit } from '../domain/text.js';
import { createHash } from 'node:crypto';
import { actorLabel, type Actor } from '../domain/access/actor.js';
import {
  authorizePartnershipCreate,
  authorizePartnershipEdit,
  canEditPartnership,
  canReadPartnerships,
  PUBLISHED_STAGES,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import { checkUpload } from '../domain/offer/documents.js';
import {
  agreementStatuses,
  checkAgreement,
  checkAgreementTransition,
  nextAgreementStatuses,
  PUBLIC_AGREEMENT_STATUSES,
  type AgreementStatus,
} from '../domain/partnership/agreement.js';
import {
  withRenewal,
  type Agreement,
  type AgreementData,
  type AgreementDocumentMeta,
  type AgreementWithRenewal,
  type ProgramRef,
} from '../domain/partnership/partnership.js';
import type { AgreementInput, AgreementListQuery, AgreementPatch, AgreementStep } from '../domain/partnership/partnership.schema.js';
import type { Page } from '../domain/program/program-query.js';
import type { AgreementOrgIds } from './agreements.ports.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import {
  checkOwnerChange,
  checkWritable,
  definedOf,
  invalid,
  ownerFor,
  resolveOrgs,
  stale,
  today,
  type PartnershipWriteOptions,
} from './partnership-access.js';

const agreementNotFound = (id: number) => new NotFoundError('agreement.not_found', `no agreement with id ${id}`);

/** Plain JSON of an agreement for the audit log. */
const plainAgreement = (a: Agreement) => ({ ...a, parties: a.parties.map((p) => ({ ...p })), areas: [...a.areas] });

/** The data as stored: its parties and owner by their organisations' codes, and their ids. */
async function agreementWrite(
  repos: Repos<'organisations'>,
  data: AgreementData,
): Promise<{ orgIds: AgreementOrgIds; data: AgreementData }> {
  const { byPath, issues } = await resolveOrgs(repos, [
    { path: 'ownerOrg', code: data.ownerOrg },
    ...data.parties.map((p, i) => ({ path: `parties.${i}.org`, code: p.org })),
  ]);
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid fields', issues);
  const parties = data.parties.map((p, i) => {
    const org = byPath.get(`parties.${i}.org`);
    return org ? { org: org.code, orgName: org.acronym ?? org.nameEn, country: null } : { org: null, orgName: null, country: p.country };
  });
  const owner = byPath.get('ownerOrg');
  return {
    orgIds: { parties: data.parties.map((_, i) => byPath.get(`parties.${i}.org`)?.id ?? null), owner: owner?.id ?? null },
    data: { ...data, ownerOrg: owner?.code ?? null, parties },
  };
}

function checkAgreementData(data: AgreementData): void {
  const issues = checkAgreement(data.status, data);
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid dates', issues);
}

/** What an agreement recorded after the fact may not claim: a signature in the future, being in force or expired before its dates. */
function checkRecordedDates(proposed: AgreementData, day: string): void {
  const issues: FieldIssue[] = [];
  if (proposed.signedOn && proposed.signedOn > day)
    issues.push({ path: 'signedOn', code: 'future_date', message: `a signature date must not be after today (${day})` });
  if (proposed.status === 'in_force' && (proposed.validFrom ?? proposed.signedOn ?? day) > day) {
    issues.push({
      path: 'validFrom',
      code: 'not_yet',
      message: `the agreement takes effect on ${proposed.validFrom ?? proposed.signedOn}: it is not in force before`,
    });
  }
  if (proposed.status === 'expired' && (!proposed.validUntil || proposed.validUntil >= day)) {
    issues.push({
      path: 'validUntil',
      code: 'not_ended',
      message: proposed.validUntil
        ? `the agreement is valid until ${proposed.validUntil}`
        : 'an agreement without an end of validity does not expire',
    });
  }
  if (issues.length) throw invalid('agreement.invalid', 'the agreement has invalid dates', issues);
}

const partiesOf = (parties: AgreementInput['parties']) =>
  parties.map((p) => ({ org: p.org ?? null, orgName: null, country: p.country ?? null }));

export async function createAgreement(
  deps: Deps<'agreements' | 'organisations' | 'audit'>,
  input: AgreementInput,
): Promise<AgreementWithRenewal> {
  authorizePartnershipCreate(deps.actor);
  const proposed: AgreementData = {
    kind: input.kind,
    titleEn: input.titleEn,
    titleId: input.titleId ?? null,
    subject: input.subject ?? null,
    subjectId: input.subjectId ?? null,
    status: input.status ?? 'draft',
    signedOn: input.signedOn ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    ownerOrg: ownerFor(deps.actor, input.ownerOrg),
    parties: partiesOf(input.parties),
    areas: input.areas ?? [],
    illustrative: input.illustrative ?? false,
  };
  checkAgreementData(proposed);
  const day = today(deps);
  checkRecordedDates(proposed, day);
  return deps.store.transaction(async (repos) => {
    const { orgIds, data } = await agreementWrite(repos, proposed);
    const now = deps.clock.nowIso();
    const reference = await repos.agreements.nextReference(Number(now.slice(0, 4)));
    const id = await repos.agreements.insert(data, orgIds, { reference, createdBy: actorLabel(deps.actor), now });
    const created = await storedAgreement(repos, id);
    await audit(deps, repos, {
      action: 'create',
      entity: 'agreement',
      entityId: id,
      entityLabel: reference,
      entityVersion: created.version,
      changes: diffRecords(null, plainAgreement(created)),
    });
    return withRenewal(created, day);
  });
}

/** An agreement written in this transaction, read back. */
async function storedAgreement(repos: Repos<'agreements'>, id: number): Promise<Agreement> {
  const found = await repos.agreements.findById(id);
  if (!found) throw agreementNotFound(id); // written in this transaction: never absent
  return found;
}

export interface AgreementDetail {
  readonly agreement: AgreementWithRenewal;
  readonly programs: readonly ProgramRef[];
  readonly documents: readonly AgreementDocumentMeta[];
  readonly canEdit: boolean;
  readonly nextStatuses: readonly AgreementStatus[];
}

export async function getAgreement(deps: Deps<'agreements'>, id: number): Promise<AgreementDetail> {
  const repos = deps.store.repos;
  const agreement = await repos.agreements.findById(id);
  const internal = canReadPartnerships(deps.actor);
  if (!agreement || (!internal && !PUBLIC_AGREEMENT_STATUSES.includes(agreement.status))) throw agreementNotFound(id);
  const [programs, documents] = await Promise.all([repos.agreements.programs(id), repos.agreements.listDocuments(id, !internal)]);
  const visiblePrograms = internal ? programs : programs.filter((p) => PUBLISHED_STAGES.includes(p.lifecycleStage));
  const canEdit = canEditPartnership(deps.actor, agreement.ownerOrg);
  return {
    // The public counts what it is shown: published programs and public documents.
    agreement: withRenewal(
      internal ? agreement : { ...agreement, programCount: visiblePrograms.length, documentCount: documents.length },
      today(deps),
    ),
    programs: visiblePrograms,
    documents,
    canEdit,
    nextStatuses: canEdit ? nextAgreementStatuses(agreement.status) : [],
  };
}

export async function listAgreements(deps: Deps<'agreements'>, query: AgreementListQuery): Promise<Page<AgreementWithRenewal>> {
  const { page, pageSize, ...filter } = query;
  const day = today(deps);
  const result = await deps.store.repos.agreements.list(
    { ...filter, publicOnly: !canReadPartnerships(deps.actor), today: day },
    page,
    pageSize,
  );
  return { ...result, items: result.items.map((a) => withRenewal(a, day)) };
}

async function loadForEdit(actor: Actor, repos: Repos<'agreements'>, id: number, options: PartnershipWriteOptions): Promise<Agreement> {
  const current = await repos.agreements.findById(id);
  if (!current) throw agreementNotFound(id);
  checkWritable(actor, 'agreement', current, options);
  return current;
}

async function saveAgreement(
  deps: Deps<'agreements' | 'organisations' | 'audit'>,
  repos: Repos<'agreements' | 'organisations' | 'audit'>,
  current: Agreement,
  proposed: AgreementData,
  action: 'update' | 'transition',
  comment: string | null,
): Promise<AgreementWithRenewal> {
  const { orgIds, data } = await agreementWrite(repos, proposed);
  if (!(await repos.agreements.update(current.id, current.version, data, orgIds, deps.clock.nowIso()))) {
    const now = (await repos.agreements.findById(current.id)) ?? current;
    throw stale('agreement', current.reference, now.version, current.version);
  }
  const updated = await storedAgreement(repos, current.id);
  await audit(deps, repos, {
    action,
    entity: 'agreement',
    entityId: current.id,
    entityLabel: current.reference,
    entityVersion: updated.version,
    changes: diffRecords(plainAgreement(current), plainAgreement(updated)),
    comment,
  });
  return withRenewal(updated, today(deps));
}

export async function patchAgreement(
  deps: Deps<'agreements' | 'organisations' | 'audit'>,
  id: number,
  patch: AgreementPatch,
  options: PartnershipWriteOptions = {},
): Promise<AgreementWithRenewal> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, options);
    checkOwnerChange(deps.actor, 'agreement', patch.ownerOrg, current.ownerOrg);
    const changed: AgreementData = {
      ...current,
      ...definedOf(patch),
      parties: patch.parties ? partiesOf(patch.parties) : current.parties,
    };
    const proposed: AgreementData = {
      ...changed,
      subjectId: indonesianAfterEdit(patch.subjectId, changed.subject, { text: current.subject, indonesian: current.subjectId }),
    };
    checkAgreementData(proposed);
    return saveAgreement(deps, repos, current, proposed, 'update', null);
  });
}

/** Moves the agreement to its next status, with the dates the step records (a signature date when signing). */
export async function stepAgreement(
  deps: Deps<'agreements' | 'organisations' | 'audit'>,
  id: number,
  step: AgreementStep,
  options: PartnershipWriteOptions = {},
): Promise<AgreementWithRenewal> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, options);
    const dates = {
      signedOn: step.signedOn !== undefined ? step.signedOn : current.signedOn,
      validFrom: step.validFrom !== undefined ? step.validFrom : current.validFrom,
      validUntil: step.validUntil !== undefined ? step.validUntil : current.validUntil,
    };
    // Back to draft: the signature date is not kept (a draft has none).
    const day = today(deps);
    const issues = checkAgreementTransition(current.status, step.to, dates, day);
    if (dates.signedOn && dates.signedOn > day)
      issues.push({ path: 'signedOn', code: 'future_date', message: `a signature date must not be after today (${day})` });
    if (issues.length) {
      const bad = issues.some((i) => i.code === 'bad_transition');
      if (bad) throw new ConflictError('agreement.bad_transition', issues.map((i) => i.message).join('; '), issues);
      throw invalid(
        'agreement.invalid',
        `${agreementStatuses.label(current.status, 'en')} → ${agreementStatuses.label(step.to, 'en')} refused`,
        issues,
      );
    }
    return saveAgreement(deps, repos, current, { ...current, ...dates, status: step.to }, 'transition', step.note ?? null);
  });
}

/**
 * Deletes an agreement recorded by mistake: only a draft or one under negotiation (a signed
 * agreement is part of the record; terminate it instead).
 */
export async function deleteAgreement(
  deps: Deps<'agreements' | 'audit'>,
  id: number,
  options: PartnershipWriteOptions = {},
): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, options);
    if (current.status !== 'draft' && current.status !== 'negotiation') {
      throw new ConflictError(
        'agreement.signed',
        `${current.reference} is ${agreementStatuses.label(current.status, 'en').toLowerCase()}: it stays on record (terminate it instead of deleting it)`,
      );
    }
    await repos.agreements.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'agreement',
      entityId: id,
      entityLabel: current.reference,
      entityVersion: current.version,
      changes: diffRecords(plainAgreement(current), null),
    });
  });
}

export async function linkAgreementProgram(
  deps: Deps<'agreements' | 'programs' | 'audit'>,
  id: number,
  identifier: string,
): Promise<readonly ProgramRef[]> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, {});
    const activity = await repos.programs.findByIdentifier(identifier);
    if (!activity)
      throw invalid('agreement.invalid', 'the program is not registered', [
        { path: 'identifier', code: 'unknown_program', message: `no program with identifier "${identifier}"` },
      ]);
    if (await repos.agreements.linkProgram(id, activity.id)) {
      await audit(deps, repos, {
        action: 'update',
        entity: 'agreement',
        entityId: id,
        entityLabel: current.reference,
        changes: { programs: { before: null, after: activity.identifier } },
        comment: `program ${activity.identifier} carried out under the agreement`,
      });
    }
    return repos.agreements.programs(id);
  });
}

export async function unlinkAgreementProgram(
  deps: Deps<'agreements' | 'audit'>,
  id: number,
  activityId: number,
): Promise<readonly ProgramRef[]> {
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, {});
    if (!(await repos.agreements.unlinkProgram(id, activityId)))
      throw new NotFoundError('agreement.program_not_linked', `program ${activityId} is not under agreement ${current.reference}`);
    await audit(deps, repos, {
      action: 'update',
      entity: 'agreement',
      entityId: id,
      entityLabel: current.reference,
      changes: { programs: { before: activityId, after: null } },
    });
    return repos.agreements.programs(id);
  });
}

export interface AgreementUpload {
  readonly title: string;
  readonly isPublic: boolean;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Stores a file as the next version of the agreement's document with that title, after checking its type and size. */
export async function uploadAgreementDocument(
  deps: Deps<'agreements' | 'audit'>,
  id: number,
  upload: AgreementUpload,
  maxBytes: number,
): Promise<AgreementDocumentMeta> {
  const title = upload.title.trim();
  if (!title || title.length > 200) {
    throw invalid('agreement_document.invalid', 'the document has invalid fields', [
      {
        path: 'title',
        code: title ? 'too_long' : 'required',
        message: title ? 'must be at most 200 characters' : 'give the document a title (e.g. "Signed text")',
      },
    ]);
  }
  const checked = checkUpload('file', upload.fileName, upload.bytes, maxBytes);
  if (!checked.ok)
    throw new InvalidError('document.rejected', `the upload was refused: ${checked.issue.path}: ${checked.issue.message}`, [checked.issue]);
  return deps.store.transaction(async (repos) => {
    const current = await loadForEdit(deps.actor, repos, id, {});
    const meta = await repos.agreements.insertDocument({
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

async function documentWithAgreement(repos: Repos<'agreements'>, documentId: number) {
  const found = await repos.agreements.findDocument(documentId);
  const notFound = new NotFoundError('agreement_document.not_found', `no agreement document with id ${documentId}`);
  if (!found) throw notFound;
  const agreement = await repos.agreements.findById(found.meta.agreementId);
  if (!agreement) throw notFound;
  return { ...found, agreement };
}

/** A document's content: anyone for a public document of a signed agreement; otherwise the Indonesian side signed in. */
export async function getAgreementDocument(
  deps: Deps<'agreements'>,
  documentId: number,
): Promise<{ meta: AgreementDocumentMeta; content: Uint8Array }> {
  const { meta, content, agreement } = await documentWithAgreement(deps.store.repos, documentId);
  if (!canReadPartnerships(deps.actor) && !(meta.isPublic && PUBLIC_AGREEMENT_STATUSES.includes(agreement.status))) {
    throw new NotFoundError('agreement_document.not_found', `no agreement document with id ${documentId}`);
  }
  return { meta, content };
}

export async function setAgreementDocumentPublic(
  deps: Deps<'agreements' | 'audit'>,
  documentId: number,
  isPublic: boolean,
): Promise<AgreementDocumentMeta> {
  return deps.store.transaction(async (repos) => {
    const { meta, agreement } = await documentWithAgreement(repos, documentId);
    authorizePartnershipEdit(deps.actor, agreement.ownerOrg);
    if (meta.isPublic !== isPublic) {
      await repos.agreements.setDocumentPublic(documentId, isPublic);
      await audit(deps, repos, {
        action: 'update',
        entity: 'agreement_document',
        entityId: documentId,
        entityLabel: `${agreement.reference} ${meta.title} v${meta.versionNo}`,
        changes: { isPublic: { before: meta.isPublic, after: isPublic } },
      });
    }
    return { ...meta, isPublic };
  });
}
