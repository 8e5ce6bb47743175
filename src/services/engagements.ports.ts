/**
 * Ports of engagements (services/engagements.ts, follow-ups.ts): engagements with the offers and
 * requests made at them (items) and their follow-ups; src/db/engagement.repo.ts implements them.
 * Organisations are stored by id and handed out by code. `today` decides which follow-ups are
 * overdue.
 */
import type { Page } from '../domain/program/program-query.js';
import type { Engagement, EngagementData, EngagementItem, FollowUpRecord, FollowUpRow } from '../domain/partnership/partnership.js';
import type { EngagementFilter, FollowUpListQuery } from '../domain/partnership/partnership.schema.js';

/** Who records a new engagement, and when; the reference is the next of its year. */
export type NewEngagementMeta = Pick<Engagement, 'reference' | 'createdBy'> & { readonly now: string };

/** The stored organisations of an engagement: the counterpart's and the owning agency's. */
export interface EngagementOrgIds {
  readonly partner: number | null;
  readonly owner: number | null;
}

/** An offer or a request as it is recorded (its program comes later, by setItemProgram). */
export type NewItem = Omit<EngagementItem, 'id' | 'program'>;

/** Where an item stands: its engagement, the program it became, its 1-based position in its engagement. */
export interface ItemPlace {
  readonly engagementId: number;
  readonly activityId: number | null;
  readonly position: number;
}

/** An engagement item a program came from, as the program's page lists it. */
export type ProgramEngagementItem = Pick<Engagement, 'reference' | 'title' | 'startsOn'> &
  Pick<EngagementItem, 'side' | 'kind'> & { readonly engagementId: number; readonly itemId: number };

export type NewFollowUp = Pick<FollowUpRecord, 'action' | 'actionId' | 'owner' | 'dueOn'>;
export type FollowUpChange = Pick<FollowUpRecord, 'action' | 'actionId' | 'owner' | 'dueOn' | 'status' | 'doneOn'>;

/** The follow-up list's filter; `ownerOrg` keeps an agency's own (its engagements', or owned by it). */
export type FollowUpFilter = Omit<FollowUpListQuery, 'page' | 'pageSize'> & { readonly ownerOrg?: string };

export interface EngagementRepository {
  findById(id: number, today: string): Promise<Engagement | undefined>;
  list(filter: EngagementFilter, page: number, pageSize: number, today: string): Promise<Page<Engagement>>;
  /** The next ENG-YEAR-NNNN; waits for concurrent registrations on PostgreSQL. */
  nextReference(year: number): Promise<string>;
  insert(data: EngagementData, orgIds: EngagementOrgIds, meta: NewEngagementMeta): Promise<number>;
  /** False when the stored version is not `expectedVersion`. */
  update(id: number, expectedVersion: number, data: EngagementData, orgIds: EngagementOrgIds, now: string): Promise<boolean>;
  /** Marks the engagement changed (its items or follow-ups): a new version. */
  touch(id: number, now: string): Promise<void>;
  /** Deletes the engagement with its items and follow-ups. */
  delete(id: number): Promise<void>;

  insertItem(engagementId: number, item: NewItem): Promise<number>;
  findItem(id: number): Promise<ItemPlace | undefined>;
  /** Links the item to its program; false when it already became one. */
  setItemProgram(id: number, activityId: number): Promise<boolean>;
  deleteItem(id: number): Promise<void>;
  /** The engagement items a program came from ("what came of the Mexico visit", read backwards). */
  itemsOfProgram(activityId: number): Promise<ProgramEngagementItem[]>;

  insertFollowUp(engagementId: number, followUp: NewFollowUp, now: string): Promise<number>;
  findFollowUp(id: number, today: string): Promise<FollowUpRecord | undefined>;
  updateFollowUp(id: number, change: FollowUpChange, now: string): Promise<void>;
  listFollowUps(filter: FollowUpFilter, page: number, pageSize: number, today: string): Promise<Page<FollowUpRow>>;
}
