/**
 * Follow-ups of engagements (docs/partnerships.md): what must come of an engagement, each with an
 * owner who answers for it (an active account's email or an organisation's code), a due day and
 * a status; added by the engagement's editors, changed by them or by the follow-up's owner, and
 * listed across engagements.
 */
import { indonesianAfterEdit } from '../domain/text.js';
import type { Actor } from '../domain/access/actor.js';
import { authorizePartnershipEdit, authorizePartnershipRead, canEditPartnership, isCoordinationTeam } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { ForbiddenError, NotFoundError, type FieldIssue } from '../domain/errors.js';
import { checkFollowUp } from '../domain/partnership/engagement.js';
import type { Engagement, FollowUpRecord, FollowUpRow } from '../domain/partnership/partnership.js';
import type { FollowUpInput, FollowUpListQuery, FollowUpPatch } from '../domain/partnership/partnership.schema.js';
import type { Page } from '../domain/program/program-query.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import { engagementChanged, engagementForEdit } from './engagement-edit.js';
import type { NewFollowUp } from './engagements.ports.js';
import { invalid, today } from './partnership-access.js';

const followUpNotFound = (id: number) => new NotFoundError('follow_up.not_found', `no follow-up with id ${id}`);

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
export async function checkFollowUps(
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
    if (owner.owner) values.push({ action: f.action.trim(), actionId: f.actionId ?? null, owner: owner.owner, dueOn: f.dueOn ?? null });
  }
  return { values, issues };
}

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

/**
 * Where a follow-up comes from, as its edit rules need it: an engagement (edited by the
 * coordination team and its owning agency) or a program's evaluation (edited by the coordination
 * team, who record evaluations; docs/completion-evaluation.md).
 */
interface FollowUpSource {
  readonly ownerOrg: string | null;
  readonly canEdit: boolean;
  readonly label: string;
  readonly engagementId: number | null;
}

async function sourceOf(
  deps: Deps<'engagements' | 'programs'>,
  repos: Repos<'engagements' | 'programs'>,
  followUp: FollowUpRecord,
  day: string,
): Promise<FollowUpSource | undefined> {
  if (followUp.engagementId !== null) {
    const engagement = await repos.engagements.findById(followUp.engagementId, day);
    if (!engagement) return undefined;
    const canEdit = canEditPartnership(deps.actor, engagement.ownerOrg);
    return { ownerOrg: engagement.ownerOrg, canEdit, label: engagement.reference, engagementId: engagement.id };
  }
  const program = followUp.programId === null ? undefined : await repos.programs.findById(followUp.programId);
  if (!program) return undefined;
  return { ownerOrg: null, canEdit: isCoordinationTeam(deps.actor), label: program.identifier, engagementId: null };
}

export async function patchFollowUp(
  deps: Deps<'engagements' | 'programs' | 'users' | 'organisations' | 'audit'>,
  followUpId: number,
  patch: FollowUpPatch,
): Promise<FollowUpRecord> {
  return deps.store.transaction(async (repos) => {
    const day = today(deps);
    const before = await repos.engagements.findFollowUp(followUpId, day);
    if (!before) throw followUpNotFound(followUpId);
    const source = await sourceOf(deps, repos, before, day);
    if (!source) throw followUpNotFound(followUpId);
    // The coordination team and the owning agency change anything; the follow-up's owner (a
    // person or another organisation) changes its status only, not what was agreed.
    if (!source.canEdit) {
      if (!ownsFollowUp(deps.actor, before)) authorizePartnershipEdit(deps.actor, source.ownerOrg);
      const rewritten = (['action', 'actionId', 'owner', 'dueOn'] as const).filter((k) => patch[k] !== undefined);
      if (rewritten.length > 0)
        throw new ForbiddenError(
          'follow_up.owner_status_only',
          `the follow-up's owner may change its status only (not ${rewritten.join(', ')}): ask the owning agency or the coordination team`,
        );
    }
    const status = patch.status ?? before.status;
    const action = patch.action ?? before.action;
    const next = {
      action,
      actionId: indonesianAfterEdit(patch.actionId, action, { text: before.action, indonesian: before.actionId }),
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
      entityLabel: `${source.label}: ${before.action.slice(0, 80)}`,
      changes: diffRecords(plainBefore, { ...plainBefore, ...change }),
    });
    if (source.engagementId !== null) await repos.engagements.touch(source.engagementId, deps.clock.nowIso());
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
