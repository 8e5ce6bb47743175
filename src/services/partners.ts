/**
 * Partners (docs/partnerships.md): partner organisations and their whole relationship (profile,
 * contacts, agreements, engagements), the timeline of a partner or a country, and where a program
 * came from. The public sees signed agreements and published programs, and no engagements.
 */
import type { Actor } from '../domain/access/actor.js';
import { authorizeReferenceWrite, canReadPartnerships, isCoordinationTeam, PUBLISHED_STAGES } from '../domain/access/policy.js';
import { diffRecords } from '../domain/audit.js';
import { NotFoundError } from '../domain/errors.js';
import type { Organisation } from '../domain/organisation/organisation.js';
import { PUBLIC_AGREEMENT_STATUSES } from '../domain/partnership/agreement.js';
import {
  sortTimeline,
  withRenewal,
  type AgreementWithRenewal,
  type Engagement,
  type PartnerContact,
  type PartnerProfile,
  type PartnerSummary,
  type TimelineEntry,
} from '../domain/partnership/partnership.js';
import type { PartnerListQuery, PartnerProfileInput } from '../domain/partnership/partnership.schema.js';
import type { CooperationRequest } from '../domain/request/request.js';
import type { ProgramAgreement } from './agreements.ports.js';
import { audit } from './audit.js';
import type { Deps, Repos } from './deps.js';
import type { ProgramEngagementItem } from './engagements.ports.js';
import { today } from './partnership-access.js';
import type { PartnershipView } from './partners.ports.js';

/** What the actor is shown: the Indonesian side all, the public signed agreements and published programs without engagements. */
function viewOf(actor: Actor): PartnershipView {
  const internal = canReadPartnerships(actor);
  return {
    agreementStatuses: internal ? null : PUBLIC_AGREEMENT_STATUSES,
    stages: internal ? null : PUBLISHED_STAGES,
    engagements: internal,
  };
}

async function partnerOrg(repos: Repos<'organisations'>, code: string): Promise<Organisation> {
  const org = await repos.organisations.findByCode(code);
  if (!org) throw new NotFoundError('partner.not_found', `no organisation with code "${code}"`);
  return org;
}

export interface PartnerList {
  readonly items: readonly PartnerSummary[];
  /** Triangular programs in the years asked, each counted once however many partners it has. */
  readonly triangularInRange: number;
  readonly since: number | null;
  readonly upTo: number | null;
}

export async function listPartners(deps: Deps<'partners'>, query: PartnerListQuery): Promise<PartnerList> {
  const repos = deps.store.repos;
  // The public does not learn of draft agreements or of engagements, not even by their counts.
  const items = await repos.partners.list(query, PUBLISHED_STAGES, viewOf(deps.actor));
  const visible = canReadPartnerships(deps.actor) ? items : items.map((p) => ({ ...p, engagements: 0, lastEngagement: null }));
  return {
    items: visible,
    triangularInRange: await repos.partners.triangularTotal(query.since ?? 0, query.upTo ?? 9999, PUBLISHED_STAGES),
    since: query.since ?? null,
    upTo: query.upTo ?? null,
  };
}

/**
 * A partner's relationship beyond its programs: profile, contacts, agreements and engagements.
 * Its programs over the years, roles, cost shares and cumulative triangular counts are the
 * partner profile of the analytics (services/profiles.ts), shown on the same page.
 */
export interface PartnerDetail extends PartnerProfile {
  readonly organisation: Organisation;
  /** Null for readers outside the Indonesian side. */
  readonly contacts: readonly PartnerContact[] | null;
  readonly agreements: readonly AgreementWithRenewal[];
  /** Empty for readers outside the Indonesian side. */
  readonly engagements: readonly Engagement[];
  readonly canEdit: boolean;
}

export async function getPartner(
  deps: Deps<'organisations' | 'partners' | 'agreements' | 'engagements'>,
  code: string,
): Promise<PartnerDetail> {
  const repos = deps.store.repos;
  const org = await partnerOrg(repos, code);
  const internal = canReadPartnerships(deps.actor);
  const day = today(deps);
  const noEngagements: readonly Engagement[] = [];
  const [profile, contacts, agreements, engagements] = await Promise.all([
    repos.partners.profile(org.id),
    internal ? repos.partners.contacts(org.id) : Promise.resolve(null),
    repos.agreements.list({ partner: org.code, publicOnly: !internal }, 1, 500),
    internal ? repos.engagements.list({ partner: org.code }, 1, 500, day).then((page) => page.items) : Promise.resolve(noEngagements),
  ]);
  return {
    organisation: org,
    website: profile.website,
    notes: internal ? profile.notes : null,
    contacts,
    agreements: agreements.items.map((a) => withRenewal(a, day)),
    engagements,
    canEdit: isCoordinationTeam(deps.actor),
  };
}

export async function setPartnerProfile(
  deps: Deps<'organisations' | 'partners' | 'agreements' | 'engagements' | 'audit'>,
  code: string,
  input: PartnerProfileInput,
): Promise<PartnerDetail> {
  authorizeReferenceWrite(deps.actor);
  await deps.store.transaction(async (repos) => {
    const org = await partnerOrg(repos, code);
    const before = { ...(await repos.partners.profile(org.id)), contacts: await repos.partners.contacts(org.id) };
    const profile = {
      website: input.website !== undefined ? input.website : before.website,
      notes: input.notes !== undefined ? input.notes : before.notes,
    };
    await repos.partners.setProfile(org.id, { website: profile.website ?? null, notes: profile.notes ?? null }, deps.clock.nowIso());
    const contacts = input.contacts
      ? input.contacts.map((c) => ({ name: c.name, position: c.position ?? null, email: c.email ?? null, phone: c.phone ?? null }))
      : before.contacts;
    if (input.contacts) await repos.partners.replaceContacts(org.id, contacts);
    await audit(deps, repos, {
      action: 'update',
      entity: 'organisation',
      entityId: org.code,
      entityLabel: org.nameEn,
      changes: diffRecords(before, { ...profile, contacts }),
    });
  });
  return getPartner(deps, code);
}

export async function partnerTimeline(deps: Deps<'organisations' | 'partners'>, code: string): Promise<TimelineEntry[]> {
  const org = await partnerOrg(deps.store.repos, code);
  return sortTimeline(await deps.store.repos.partners.timeline({ orgId: org.id }, viewOf(deps.actor)));
}

export async function countryTimeline(deps: Deps<'partners'>, country: string): Promise<TimelineEntry[]> {
  return sortTimeline(await deps.store.repos.partners.timeline({ country }, viewOf(deps.actor)));
}

/** A partner government's request a program was created from, as the program's page lists it. */
export type ProgramRequest = Pick<CooperationRequest, 'id' | 'reference' | 'country' | 'topic' | 'receivedOn'>;

export interface ProgramPartnership {
  readonly agreements: readonly ProgramAgreement[];
  readonly engagementItems: readonly ProgramEngagementItem[];
  readonly requests: readonly ProgramRequest[];
}

/**
 * Where a program came from (an engagement's offer or request, a partner government's request)
 * and what it is carried out under (its page links back).
 */
export async function programPartnership(
  deps: Deps<'agreements' | 'engagements' | 'requests'>,
  activityId: number,
): Promise<ProgramPartnership> {
  if (!canReadPartnerships(deps.actor)) return { agreements: [], engagementItems: [], requests: [] };
  const repos = deps.store.repos;
  const [agreements, engagementItems, requests] = await Promise.all([
    repos.agreements.ofProgram(activityId),
    repos.engagements.itemsOfProgram(activityId),
    repos.requests.findByProgram(activityId),
  ]);
  return {
    agreements,
    engagementItems,
    requests: requests.map((r) => ({ id: r.id, reference: r.reference, country: r.country, topic: r.topic, receivedOn: r.receivedOn })),
  };
}
