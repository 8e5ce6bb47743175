/** Ports of the collection rounds (services/rounds.ts); db/round.repo.ts implements them. */
import type { CollectionRound, RoundPart, RoundPeriod, RoundStatus } from '../domain/rounds/round.js';

export interface NewRound {
  readonly year: number;
  readonly period: RoundPeriod;
  readonly deadlineDate: string;
  readonly openedAt: string;
  readonly openedByUserId: number | null;
  readonly openedBy: string;
}

export interface PartConfirmation {
  readonly at: string;
  readonly byUserId: number | null;
  readonly by: string;
  readonly note: string | null;
}

export interface PartReopening {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

export interface RoundRepository {
  /** Rounds of a year (every year when absent), latest year first, then period, then id. */
  list(options: { year?: number; status?: RoundStatus }): Promise<CollectionRound[]>;
  find(id: number): Promise<CollectionRound | undefined>;
  /** The open round of a year and period, if any (at most one: a unique index). */
  findOpen(year: number, period: RoundPeriod): Promise<CollectionRound | undefined>;
  insert(round: NewRound): Promise<CollectionRound>;
  close(id: number, at: string, byUserId: number | null, by: string): Promise<void>;
  /**
   * The agencies (codes, as organisations spell them) with programs in the round's period: the
   * year's programs as the annual reports count them, for a half those overlapping it.
   */
  agenciesWithPrograms(year: number, period: RoundPeriod): Promise<string[]>;
  /** Adds an open part for each code that has none yet (an agency that got programs later). */
  addParts(roundId: number, orgCodes: readonly string[]): Promise<void>;
  parts(roundId: number): Promise<RoundPart[]>;
  /** An agency's part, whatever the case of the code. */
  part(roundId: number, orgCode: string): Promise<RoundPart | undefined>;
  confirm(roundId: number, orgCode: string, confirmation: PartConfirmation): Promise<void>;
  /** Back to open; the confirmation is cleared (the audit keeps it). */
  reopen(roundId: number, orgCode: string, reopening: PartReopening): Promise<void>;
  /** The reminders already sent for an agency's part (keys). */
  remindersSent(roundId: number, orgCode: string): Promise<string[]>;
  recordReminder(roundId: number, orgCode: string, reminder: string, recipients: number, at: string): Promise<void>;
}
