/**
 * Engagements (docs/partnerships.md): visits, meetings, conferences and calls with the offers and
 * requests made on each side (items), an item turned into a program request, and the follow-ups
 * that must come of them, each with an owner who answers for it. Internal to the Indonesian side;
 * changed by the coordination team and the owning agency (a follow-up's owner may close it too).
 */
import { actorLabel, type Actor } from '../domain/access/actor.js';
import {
  actorHasRole,
  actorOrg,
  authorizePartnershipCreate,
  authorizePartnershipEdit,
  authorizePartnershipRead,
  canEditPartnership,
} from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import { canBecomeProgram, checkEngagementDates, checkFollowUp } from '../domain/partnership/engagement.js';
import {
  programRefOf,
  type Engagement,
  type EngagementData,
  type FollowUpRecord,
  type FollowUpRow,
  type ProgramRef,
} from '../domain/partnership/partnership.js';
import type {
  EngagementInput,
  EngagementListQuery,
  EngagementPatch,
  FollowUpInput,
  FollowUpListQuery,
  FollowUpPatch,
  ItemInput,
  ItemProgramInput,
} from '../domain/partnership/partnership.schema.js';
import type { Program } from '../domain/program/program.js';
import type { Page } from '../domain/program/program-query.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { audit } from './audit.js';
import { inOneTransaction, type Deps, type Repositories, type ServiceDeps } from './deps.js';
import type { EngagementOrgIds, NewFollowUp, NewItem } from './engagements.ports.js';
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
import { createProgram, type ProgramRepo } from './programs.js';

type Repos<K extends keyof Repositories> = Pick<Repositories, K>;
/** What every change of an engagement uses: the engagement, and the audit log. */
type EngagementDeps = Deps<'engagements' | 'audit'>;

const engagementNotFound = (id: number) => new NotFoundError('engagement.not_found', `no engagement with id ${id}`);
const itemNotFound = (id: number) => new NotFoundError('engagement_item.not_found', `no engagement item with id ${id}`);
const followUpNotFound = (id: number) => new NotFoundError('follow_up.not_found', `no follow-up with id ${id}`);

/** Plain JSON of an engagement for the audit log (whether a follow-up is overdue is not a change). */
const plainEngagement = (e: Engagement) => ({ ...e, followUps: e.followUps.map(({ overdue: _o, ...f }) => f) });

/** A follow-up's owner: an active account's email or an organisation's code, as stored. */
async function resolveOwner(
  repos: Repos<'users' | 'organisations'>,
  owner: string | null | undefined,
  path: string,
): Promise<{ owner: string | null; issues: FieldIssue[] }> {
  // The follow-up's own path: "followUps.0" for "followUps.0.owner", none for "owner".
  const base = checkFollowUp({ action: 'x', owner: owner ?? null, dueOn: null, status: 'open' }, path.replace(/\.?owner$/, '')).filter(
    (i) => i.path.endsWith('owner'),
  );
  if (base.length || !owner) return { owner: null, issues: base };
  const text = owner.trim();
  if (text.includes('@')) {
    const user = await repos.users.findByEmail(text.toLowerCase());
    if (user && !user.disabled) return { owner: user.email, issues: [] };
    return { owner: null, issues: [{ path, code: 'unknown_owner', message: `no active account with email "${text}"` }] };
  }
  const org = await repos.organisations.findByCode(text);
  if (org) return { owner: org.code, issues: [] };
  return {
    owner: null,
    issues: [{ path, code: 'unknown_owner', message: `"${text}" is neither an account's email nor an organisation's code` }],
  };
}

/** The follow-ups as stored (owners resolved), or what is wrong with them; `prefix` is their list's path ("" for one alone). */
async function checkFollowUps(
  repos: Repos<'users' | 'organisations'>,
  followUps: readonly FollowUpInput[],
  prefix: string,
): Promise<{ values: NewFollowUp[]; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const values: NewFollowUp[] = [];
  for (const [i, f] of followUps.entries()) {
    const at = prefix ? `${prefix}.${i}` : '';
    issues.push(
      ...checkFollowUp({ action: f.action, owner: f.owner ?? null, dueOn: f.dueOn ?? null, status: 'open' }, at).filter(
        (x) => !x.path.endsWith('owner'),
      ),
    );
    const owner = await resolveOwner(repos, f.owner, at ? `${at}.owner` : 'owner');
    issues.push(...owner.issues);
    if (owner.owner) values.push({ action: f.action.trim(), owner: owner.owner, dueOn: f.dueOn ?? null });
  }
  return { values, issues };
}

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
  flagshipArea: i.flagshipArea ?? null,
  country: i.country ?? null,
  illustrative: i.illustrative ?? false,
});

/** An engagement as it stands in this transaction. */
async function storedEngagement(repos: Repos<'engagements'>, id: number, day: string): Promise<Engagement> {
  const found = await repos.engagements.findById(id, day);
  if (!found) throw engagementNotFound(id);
  return found;
}

export async function createEngagement(
  deps: Deps<'engagements' | 'organisations' | 'users' | 'audit'>,
  input: EngagementInput,
): Promise<Engagement> {
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

async function engagementForEdit(
  deps: Pick<ServiceDeps, 'actor' | 'clock'>,
  repos: Repos<'engagements'>,
  id: number,
  options: PartnershipWriteOptions = {},
): Promise<Engagement> {
  const found = await storedEngagement(repos, id, today(deps));
  checkWritable(deps.actor, 'engagement', found, options);
  return found;
}

/** Re-reads the engagement after a change, bumps its version and audits the difference. */
async function engagementChanged(
  deps: Pick<ServiceDeps, 'actor' | 'clock'>,
  repos: Repos<'engagements' | 'audit'>,
  before: Engagement,
  comment: string | null = null,
): Promise<Engagement> {
  await repos.engagements.touch(before.id, deps.clock.nowIso());
  const after = await storedEngagement(repos, before.id, today(deps));
  await audit(deps, repos, {
    action: 'update',
    entity: 'engagement',
    entityId: before.id,
    entityLabel: before.reference,
    entityVersion: after.version,
    changes: diffRecords(plainEngagement(before), plainEngagement(after)),
    comment,
  });
  return after;
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
    const proposed: EngagementData = { ...before, ...definedOf(patch) };
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

// ---- follow-ups -------------------------------------------------------------------------------

export async function addFollowUp(
  deps: Deps<'engagements' | 'users' | 'organisations' | 'audit'>,
  engagementId: number,
  input: FollowUpInput,
): Promise<Engagement> {
  return deps.store.transaction(async (repos) => {
    const before = await engagementForEdit(deps, repos, engagementId);
    const checked = await checkFollowUps(repos, [input], '');
    const [followUp] = checked.values;
    if (checked.issues.length || !followUp) throw invalid('follow_up.invalid', 'the follow-up is refused', checked.issues);
    await repos.engagements.insertFollowUp(engagementId, followUp, deps.clock.nowIso());
    return engagementChanged(deps, repos, before);
  });
}

/** The owner of a follow-up (by their email, or their organisation) may close it too, not only the engagement's editors. */
function ownsFollowUp(actor: Actor, followUp: FollowUpRecord): boolean {
  const owner = followUp.owner.toLowerCase();
  return actor.kind === 'user' && (actor.label.toLowerCase() === owner || (actor.orgCode ?? '').toLowerCase() === owner);
}

export async function patchFollowUp(
  deps: Deps<'engagements' | 'users' | 'organisations' | 'audit'>,
  followUpId: number,
  patch: FollowUpPatch,
): Promise<FollowUpRecord> {
  return deps.store.transaction(async (repos) => {
    const day = today(deps);
    const before = await repos.engagements.findFollowUp(followUpId, day);
    if (!before) throw followUpNotFound(followUpId);
    const engagement = await repos.engagements.findById(before.engagementId, day);
    if (!engagement) throw followUpNotFound(followUpId);
    if (!ownsFollowUp(deps.actor, before)) authorizePartnershipEdit(deps.actor, engagement.ownerOrg);
    const status = patch.status ?? before.status;
    const next = {
      action: patch.action ?? before.action,
      owner: before.owner,
      dueOn: patch.dueOn !== undefined ? patch.dueOn : before.dueOn,
      status,
    };
    const issues = checkFollowUp({ ...next, owner: patch.owner !== undefined ? patch.owner : before.owner });
    if (patch.owner !== undefined && !issues.some((i) => i.path === 'owner')) {
      const resolved = await resolveOwner(repos, patch.owner, 'owner');
      issues.push(...resolved.issues);
      if (resolved.owner) next.owner = resolved.owner;
    }
    if (issues.length) throw invalid('follow_up.invalid', 'the follow-up is refused', issues);
    const change = { ...next, doneOn: status === 'done' ? (before.status === 'done' ? before.doneOn : day) : null };
    await repos.engagements.updateFollowUp(followUpId, change, deps.clock.nowIso());
    const { overdue: _o, ...plainBefore } = before;
    await audit(deps, repos, {
      action: 'update',
      entity: 'follow_up',
      entityId: followUpId,
      entityLabel: `${engagement.reference}: ${before.action.slice(0, 80)}`,
      changes: diffRecords(plainBefore, { ...plainBefore, ...change }),
    });
    await repos.engagements.touch(engagement.id, deps.clock.nowIso());
    const after = await repos.engagements.findFollowUp(followUpId, day);
    if (!after) throw followUpNotFound(followUpId); // updated just above: never absent
    return after;
  });
}

export async function listFollowUps(deps: Deps<'engagements'>, query: FollowUpListQuery): Promise<Page<FollowUpRow>> {
  authorizePartnershipRead(deps.actor);
  const { page, pageSize, ...filter } = query;
  return deps.store.repos.engagements.listFollowUps(filter, page, pageSize, today(deps));
}
