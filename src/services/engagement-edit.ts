/**
 * What the engagement and follow-up use cases (engagements.ts, follow-ups.ts) share: an
 * engagement as it stands in the transaction, the check that the actor may change it, and the
 * record of a change (a new version and the audit entry of the difference).
 */
import type { Engagement } from '../domain/partnership/partnership.js';
import { diffRecords } from '../domain/audit.js';
import { NotFoundError } from '../domain/errors.js';
import { audit } from './audit.js';
import type { Acting, Deps, Repos } from './deps.js';
import { checkWritable, today, type PartnershipWriteOptions } from './partnership-access.js';

/** What every change of an engagement uses: the engagement, and the audit log. */
export type EngagementDeps = Deps<'engagements' | 'audit'>;

const engagementNotFound = (id: number) => new NotFoundError('engagement.not_found', `no engagement with id ${id}`);

/** Plain JSON of an engagement for the audit log (whether a follow-up is overdue is not a change). */
export const plainEngagement = (e: Engagement) => ({ ...e, followUps: e.followUps.map(({ overdue: _o, ...f }) => f) });

/** An engagement as it stands in this transaction. */
export async function storedEngagement(repos: Repos<'engagements'>, id: number, day: string): Promise<Engagement> {
  const found = await repos.engagements.findById(id, day);
  if (!found) throw engagementNotFound(id);
  return found;
}

export async function engagementForEdit(
  deps: Acting,
  repos: Repos<'engagements'>,
  id: number,
  options: PartnershipWriteOptions = {},
): Promise<Engagement> {
  const found = await storedEngagement(repos, id, today(deps));
  checkWritable(deps.actor, 'engagement', found, options);
  return found;
}

/** Re-reads the engagement after a change, bumps its version and audits the difference. */
export async function engagementChanged(
  deps: Acting,
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
