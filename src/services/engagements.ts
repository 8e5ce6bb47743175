/**
 * Engagements (docs/partnerships.md): visits, meetings, conferences and calls with the offers and
 * requests made on each side (items), and an item turned into a program request. Internal to the
 * Indonesian side; changed by the coordination team and the owning agency. The follow-ups that
 * must come of them: follow-ups.ts.
 */
import { indonesianAfterEdit } from '../domain/text.js';
import { actorLabel } from '../domain/access/actor.js';
import {
  actorHasRole,
  actorOrg,
  authorizePartnershipCreate,
  authorizePartnershipRead,
  canEditPartnership,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError } from '../domain/errors.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import { canBecomeProgram, checkEngagementDates } from '../domain/partnership/engagement.js';
import { programRefOf, type Engagement, type EngagementData, type ProgramRef } from '../domain/partnership/partnership.js';
import type {
  EngagementInput,
  EngagementListQuery,
  EngagementPatch,
  ItemInput,
  ItemProgramInput,
} from '../domain/partnership/partnership.schema.js';
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { audit } from './audit.js';
import { inOneTransaction, type Deps, type Repos } from './deps.js';
import { engagementChanged, engagementForEdit, plainEngagement, storedEngagement, type EngagementDeps } from './engagement-edit.js';
import type { EngagementOrgIds, NewItem } from './engagements.ports.js';
import { checkFollowUps } from './follow-ups.js';
import {
  checkOwnerChange,
  definedOf,
  invalid,
  ownerFor,
  resolveOrgs,
  stale,
  today,
  type PartnershipWriteOptions,
} from './partnership-access.js';
import { createProgram, type ProgramRepo } from './programs.js';

const itemNotFound = (id: number) => new NotFoundError('engagement_item.not_found', `no engagement item with id ${id}`);

async function engagementOrgs(
  repos: Repos<'organisations'>,
  data: EngagementData,
): Promise<{ orgIds: EngagementOrgIds; data: EngagementData }> {
  const { byPath, issues } = await resolveOrgs(repos, [
    { path: 'partnerOrg', code: data.partnerOrg },
    { path: 'ownerOrg', code: data.ownerOrg },
  ]);
  if (issues.length) throw invalid('engagement.invalid', 'the engagement has invalid fields', issues);
  const partner = byPath.get('partnerOrg');
  const owner = byPath.get('ownerOrg');
  return {
    orgIds: { partner: partner?.id ?? null, owner: owner?.id ?? null },
    data: { ...data, partnerOrg: partner?.code ?? null, ownerOrg: owner?.code ?? null },
  };
}

function checkDates(data: EngagementData): void {
  const issues = checkEngagementDates(data);
  if (issues.length) throw invalid('engagement.invalid', 'the engagement has invalid dates', issues);
}

const itemRecord = (i: ItemInput): NewItem => ({
  side: i.side,
  kind: i.kind,
  description: i.description,
  descriptionId: i.descriptionId ?? null,
  flagshipArea: i.flagshipArea ?? null,
  country: i.country ?? null,
  illustrative: i.illustrative ?? false,
});

export async function createEngagement(
  deps: Deps<'engagements' | 'organisations' | 'users' | 'audit'>,
  input: EngagementInput,
): Promise<Engagement> {
  authorizePartnershipCreate(deps.actor);
  const proposed: EngagementData = {
    kind: input.kind,
    title: input.title,
    titleId: input.titleId ?? null,
    purposeId: input.purposeId ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    place: input.place ?? null,
    country: input.country ?? null,
    partnerOrg: input.partnerOrg ?? null,
    counterpart: input.counterpart ?? null,
    delegation: input.delegation ?? null,
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? null,
    ownerOrg: ownerFor(deps.actor, input.ownerOrg),
    illustrative: input.illustrative ?? false,
  };
  checkDates(proposed);
  return deps.store.transaction(async (repos) => {
    const followUps = await checkFollowUps(repos, input.followUps ?? [], 'followUps');
    if (followUps.issues.length) throw invalid('engagement.invalid', 'the engagement has invalid follow-ups', followUps.issues);
    const { orgIds, data } = await engagementOrgs(repos, proposed);
    const now = deps.clock.nowIso();
    const reference = await repos.engagements.nextReference(Number(data.startsOn.slice(0, 4)));
    const id = await repos.engagements.insert(data, orgIds, { reference, createdBy: actorLabel(deps.actor), now });
    for (const item of input.items ?? []) await repos.engagements.insertItem(id, itemRecord(item));
    for (const f of followUps.values) await repos.engagements.insertFollowUp(id, f, now);
    const created = await storedEngagement(repos, id, today(deps));
    await audit(deps, repos, {
      action: 'create',
      entity: 'engagement',
      entityId: id,
      entityLabel: reference,
      entityVersion: created.version,
      changes: diffRecords(null, plainEngagement(created)),
    });
    return created;
  });
}

export async function getEngagement(deps: Deps<'engagements'>, id: number): Promise<Engagement & { canEdit: boolean }> {
  authorizePartnershipRead(deps.actor);
  const found = await storedEngagement(deps.store.repos, id, today(deps));
  return { ...found, canEdit: canEditPartnership(deps.actor, found.ownerOrg) };
}

export async function listEngagements(deps: Deps<'engagements'>, query: EngagementListQuery): Promise<Page<Engagement>> {
  authorizePartnershipRead(deps.actor);
  const { page, pageSize, ...filter } = query;
  return deps.store.repos.engagements.list(filter, page, pageSize, today(deps));
}

export async function patchEngagement(
  deps: Deps<'engagements' | 'organisations' | 'audit'>,
  id: number,
  patch: EngagementPatch,
  options: PartnershipWriteOptions = {},
): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const before = await engagementForEdit(deps, repos, id, options);
    checkOwnerChange(deps.actor, 'engagement', patch.ownerOrg, before.ownerOrg);
    const changed: EngagementData = { ...before, ...definedOf(patch) };
    const proposed: EngagementData = {
      ...changed,
      titleId: indonesianAfterEdit(patch.titleId, changed.title, { text: before.title, indonesian: before.titleId }),
      purposeId: indonesianAfterEdit(patch.purposeId, changed.purpose, { text: before.purpose, indonesian: before.purposeId }),
    };
    checkDates(proposed);
    const { orgIds, data } = await engagementOrgs(repos, proposed);
    if (!(await repos.engagements.update(id, before.version, data, orgIds, deps.clock.nowIso())))
      throw stale('engagement', before.reference, before.version + 1, before.version);
    const updated = await storedEngagement(repos, id, today(deps));
    await audit(deps, repos, {
      action: 'update',
      entity: 'engagement',
      entityId: id,
      entityLabel: before.reference,
      entityVersion: updated.version,
      changes: diffRecords(plainEngagement(before), plainEngagement(updated)),
    });
    return updated;
  });
}

/** Deletes an engagement recorded by mistake, unless one of its items became a program request. */
export async function deleteEngagement(deps: EngagementDeps, id: number, options: PartnershipWriteOptions = {}): Promise<void> {
  await deps.store.transaction(async (repos) => {
    const before = await engagementForEdit(deps, repos, id, options);
    const converted = before.items.filter((i) => i.program);
    if (converted.length) {
      throw new ConflictError(
        'engagement.has_programs',
        `${before.reference} led to program request(s) ${converted.map((i) => i.program?.identifier).join(', ')}: it stays, so that what came of it remains answerable`,
      );
    }
    await repos.engagements.delete(id);
    await audit(deps, repos, {
      action: 'delete',
      entity: 'engagement',
      entityId: id,
      entityLabel: before.reference,
      entityVersion: before.version,
      changes: diffRecords(plainEngagement(before), null),
    });
  });
}

// ---- items ------------------------------------------------------------------------------------

export async function addEngagementItem(deps: EngagementDeps, engagementId: number, item: ItemInput): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const before = await engagementForEdit(deps, repos, engagementId);
    await repos.engagements.insertItem(engagementId, itemRecord(item));
    return engagementChanged(deps, repos, before);
  });
}

export async function deleteEngagementItem(deps: EngagementDeps, itemId: number): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const item = await repos.engagements.findItem(itemId);
    if (!item) throw itemNotFound(itemId);
    const before = await engagementForEdit(deps, repos, item.engagementId);
    if (item.activityId !== null)
      throw new ConflictError(
        'engagement_item.has_program',
        'this offer or request became a program request: it stays, so that what came of the engagement remains answerable',
      );
    await repos.engagements.deleteItem(itemId);
    return engagementChanged(deps, repos, before);
  });
}

/** Whether a partner organisation of another country than the recipient makes the program triangular. */
function defaultCooperation(partner: Organisation | undefined, recipient: string): 'triangular' | 'bilateral' {
  return partner && (partner.kind === 'partner' || partner.kind === 'multilateral') && partner.countryCode !== recipient
    ? 'triangular'
    : 'bilateral';
}

export interface ItemProgram {
  readonly engagement: Engagement;
  readonly activity: Program;
  /** The program as the engagement's item lists it. */
  readonly program: ProgramRef;
}

/**
 * Turns an offer or a request into a program request in one step: a program in the `request`
 * stage for the recipient country, the counterpart as second provider when the program is
 * triangular, linked to the item so that the engagement shows what came of it. It creates the
 * program through createProgram, in the same transaction.
 */
export async function itemToProgram(
  deps: Deps<ProgramRepo | 'engagements'>,
  itemId: number,
  input: ItemProgramInput,
): Promise<ItemProgram> {
  return inOneTransaction(deps, async (tx) => {
    const repos = tx.store.repos;
    const item = await repos.engagements.findItem(itemId);
    if (!item) throw itemNotFound(itemId);
    const engagement = await engagementForEdit(tx, repos, item.engagementId);
    const full = engagement.items.find((i) => i.id === itemId);
    if (!full || !canBecomeProgram({ programId: item.activityId })) {
      throw new ConflictError(
        'engagement_item.has_program',
        `this ${full?.kind ?? 'item'} already became program ${full?.program?.identifier ?? item.activityId}`,
      );
    }
    const country = input.country ?? full.country;
    if (!country) {
      throw invalid('engagement_item.invalid', 'the program needs its recipient country', [
        { path: 'country', code: 'required', message: 'say which country the program is for (the item names none)' },
      ]);
    }
    const partner = engagement.partnerOrg ? await repos.organisations.findByCode(engagement.partnerOrg) : undefined;
    const cooperationType = input.cooperationType ?? defaultCooperation(partner, country);
    const parsed = programInputSchema.safeParse({
      identifier: input.identifier ?? `${engagement.reference}-${item.position}`,
      titleEn: input.titleEn ?? full.description.slice(0, 500),
      titleId: input.titleId ?? full.descriptionId?.slice(0, 500) ?? null,
      descriptionEn: `${full.kind === 'offer' ? 'Offer' : 'Request'} of ${full.side === 'ours' ? 'Indonesia' : (engagement.partnerName ?? 'the counterpart')} at ${engagement.title} (${engagement.reference}, ${engagement.startsOn}):\n\n${full.description}`,
      // In Indonesian too when the item has its Indonesian description.
      descriptionId: full.descriptionId
        ? `${full.kind === 'offer' ? 'Tawaran' : 'Permintaan'} ${full.side === 'ours' ? 'Indonesia' : (engagement.partnerName ?? 'mitra')} pada ${engagement.titleId ?? engagement.title} (${engagement.reference}, ${engagement.startsOn}):\n\n${full.descriptionId}`
        : null,
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
      throw new InvalidError(
        'engagement_item.program_invalid',
        'the program of this item would be invalid',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const activity = await createProgram(tx, parsed.data);
    if (!(await repos.engagements.setItemProgram(itemId, activity.id)))
      throw new ConflictError('engagement_item.has_program', 'this item became a program meanwhile');
    const updated = await engagementChanged(tx, repos, engagement, `${full.kind} turned into program request ${activity.identifier}`);
    return { engagement: updated, activity, program: updated.items.find((i) => i.id === itemId)?.program ?? programRefOf(activity) };
  });
}
