/** Ports of partner governments' requests (services/requests.ts); db/request.repo.ts implements them. */
import type { Page } from '../domain/program/program-query.js';
import type { AgencyCandidate, AlumnusCandidate, MatchCandidates, MatchQuery, ProgramCandidate } from '../domain/request/matching.js';
import type { CooperationRequest, CooperationRequestData } from '../domain/request/request.js';
import type { RequestFilter } from '../domain/request/request.schema.js';

/** A new request as registered: its fields, reference, first status and author. */
export type NewRequest = CooperationRequestData & Pick<CooperationRequest, 'reference' | 'status' | 'createdBy'> & { now: string };

/** A decision on a request: its status, note and program link. */
export type RequestDecision = Pick<CooperationRequest, 'status' | 'assessmentNote' | 'assessmentNoteId' | 'activityId'>;

export interface CooperationRequestRepository {
  findById(id: number): Promise<CooperationRequest | undefined>;
  /** The requests a program was created from (accepting a request links it). */
  findByProgram(activityId: number): Promise<CooperationRequest[]>;
  /** Latest received first. */
  list(filter: RequestFilter, page: number, pageSize: number): Promise<Page<CooperationRequest>>;
  /** The next free reference of a year; on PostgreSQL it locks the numbering until the transaction ends. */
  nextReference(year: number): Promise<string>;
  insert(record: NewRequest): Promise<number>;
  /** Changes the status, note and program link if the version is still `expectedVersion`; false when stale. */
  update(id: number, expectedVersion: number, change: RequestDecision, now: string): Promise<boolean>;
  /** Replaces the request's own fields; false when the stored version is not `expectedVersion`. */
  updateFields(id: number, expectedVersion: number, data: CooperationRequestData, now: string): Promise<boolean>;
  delete(id: number): Promise<void>;
  /** Candidates for the ranking, aggregated in SQL: at most `limit` of each kind, best first. */
  matchCandidates(q: MatchQuery, limit: number): Promise<MatchCandidates<AgencyCandidate, ProgramCandidate, AlumnusCandidate>>;
}
