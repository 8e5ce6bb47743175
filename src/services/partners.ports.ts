/**
 * Ports of partners (services/partners.ts): partner organisations' profiles, contacts and counts,
 * and the timeline of a partner or a country; src/db/partner.repo.ts implements them.
 */
import type { LifecycleStage } from '../domain/codes.js';
import type { AgreementStatus } from '../domain/partnership/agreement.js';
import type { PartnerContact, PartnerProfile, PartnerSummary, TimelineEntry } from '../domain/partnership/partnership.js';
import type { PartnerListQuery } from '../domain/partnership/partnership.schema.js';

/**
 * What a reader is shown of the partnerships: agreements in these statuses and programs in these
 * stages (all when null), and engagements or not (the public sees signed agreements, published
 * programs and no engagements).
 */
export interface PartnershipView {
  readonly agreementStatuses: readonly AgreementStatus[] | null;
  readonly stages: readonly LifecycleStage[] | null;
  readonly engagements: boolean;
}

export type TimelineScope = { readonly orgId: number } | { readonly country: string };

export interface PartnerRepository {
  profile(orgId: number): Promise<PartnerProfile>;
  setProfile(orgId: number, profile: PartnerProfile, now: string): Promise<void>;
  contacts(orgId: number): Promise<PartnerContact[]>;
  replaceContacts(orgId: number, contacts: readonly PartnerContact[]): Promise<void>;
  /** Partner organisations with their counts: programs in `stages`, agreements and engagements as the view shows them. */
  list(
    query: PartnerListQuery,
    stages: readonly LifecycleStage[],
    view: Pick<PartnershipView, 'agreementStatuses' | 'engagements'>,
  ): Promise<PartnerSummary[]>;
  /** Triangular programs in the years, each counted once however many partners it has. */
  triangularTotal(since: number, upTo: number, stages: readonly LifecycleStage[]): Promise<number>;
  timeline(scope: TimelineScope, view: PartnershipView): Promise<TimelineEntry[]>;
}
