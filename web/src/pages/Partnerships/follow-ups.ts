/** Who may act on a follow-up, for showing its buttons (the server decides again). */
import { canPartnerships } from '../../auth/partnership-rules.js';
import type { User } from '../../api/client.js';

/** Whether the user answers for a follow-up: its owner is their email or their organisation's code. */
export function isFollowUpOwner(user: Pick<User, 'email' | 'orgCode'> | null, owner: string): boolean {
  if (!user) return false;
  const o = owner.trim().toLowerCase();
  return user.email.toLowerCase() === o || (!!user.orgCode && user.orgCode.toLowerCase() === o);
}

/**
 * Whether the user may close or reopen a follow-up: those who edit the engagement (`canEdit` as
 * the server said, or the rule for its owning agency) and the follow-up's owner. Moving its due
 * day (or rewriting it) is for those who edit the engagement only (`canEditFollowUp`).
 */
export function canActOnFollowUp(
  user: User | null,
  followUp: { owner: string },
  engagement: { canEdit?: boolean; ownerOrg: string | null },
): boolean {
  return (engagement.canEdit ?? canPartnerships.edit(user, engagement.ownerOrg)) || isFollowUpOwner(user, followUp.owner);
}

/** Whether the user may move a follow-up's due day or rewrite it: those who edit the engagement, not its owner alone. */
export function canEditFollowUp(user: User | null, engagement: { canEdit?: boolean; ownerOrg: string | null }): boolean {
  return engagement.canEdit ?? canPartnerships.edit(user, engagement.ownerOrg);
}
