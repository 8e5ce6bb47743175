/** Placeholder until the page is built (issue 9). */
import { PartnershipTabs } from './PartnershipTabs.js';

export function FollowUpsPage() {
  return <PartnershipTabs />;
}
