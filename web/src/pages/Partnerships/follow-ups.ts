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
 * Whether the user may close a follow-up or move its due day: those who edit the engagement
 * (`canEdit` as the server said, or the rule for its owning agency) and the follow-up's owner.
 */
export function canActOnFollowUp(
  user: User | null,
  followUp: { owner: string },
  engagement: { canEdit?: boolean; ownerOrg: string | null },
): boolean {
  return (engagement.canEdit ?? canPartnerships.edit(user, engagement.ownerOrg)) || isFollowUpOwner(user, followUp.owner);
}
