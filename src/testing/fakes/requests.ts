/** Partner governments' requests in memory, with the semantics of db/request.repo.ts (matching left out: no candidates). */
import type { Page } from '../../domain/program/program-query.js';
import type { AgencyCandidate, AlumnusCandidate, MatchCandidates, ProgramCandidate } from '../../domain/request/matching.js';
import { REQUEST_PREFIX, type CooperationRequest, type CooperationRequestData } from '../../domain/request/request.js';
import type { RequestFilter } from '../../domain/request/request.schema.js';
import { yearlyNumber, yearlyReference } from '../../domain/yearly-reference.js';
import type { CooperationRequestRepository, NewRequest, RequestDecision } from '../../services/requests.ports.js';
import { Ids } from './store.js';

export class FakeRequests implements CooperationRequestRepository {
  readonly rows: CooperationRequest[] = [];
  private readonly ids = new Ids();

  async findById(id: number): Promise<CooperationRequest | undefined> {
    return this.rows.find((r) => r.id === id);
  }

  async findByProgram(activityId: number): Promise<CooperationRequest[]> {
    return this.rows.filter((r) => r.activityId === activityId);
  }

  /** Latest received first. */
  async list(filter: RequestFilter, page: number, pageSize: number): Promise<Page<CooperationRequest>> {
    const q = filter.q?.toLowerCase();
    const found = this.rows
      .filter(
        (r) =>
          (!filter.status || filter.status.includes(r.status)) &&
          (!filter.country || r.country === filter.country) &&
          (!q || [r.reference, r.topic, r.description ?? ''].some((t) => t.toLowerCase().includes(q))),
      )
      .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id - a.id);
    return { items: found.slice((page - 1) * pageSize, page * pageSize), total: found.length, page, pageSize };
  }

  async nextReference(year: number): Promise<string> {
    const last = Math.max(0, ...this.rows.map((r) => yearlyNumber(REQUEST_PREFIX, r.reference, year) ?? 0));
    return yearlyReference(REQUEST_PREFIX, year, last + 1);
  }

  async insert({ now, ...record }: NewRequest): Promise<number> {
    const id = this.ids.next();
    this.rows.push({
      ...record,
      id,
      assessmentNote: null,
      assessmentNoteId: null,
      activityId: null,
      activityIdentifier: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    return id;
  }

  async update(id: number, expectedVersion: number, change: RequestDecision, now: string): Promise<boolean> {
    return this.change(id, expectedVersion, (r) => ({ ...r, ...change, updatedAt: now }));
  }

  async updateFields(id: number, expectedVersion: number, data: CooperationRequestData, now: string): Promise<boolean> {
    return this.change(id, expectedVersion, (r) => ({ ...r, ...data, updatedAt: now }));
  }

  async delete(id: number): Promise<void> {
    const i = this.rows.findIndex((r) => r.id === id);
    if (i >= 0) this.rows.splice(i, 1);
  }

  async matchCandidates(): Promise<MatchCandidates<AgencyCandidate, ProgramCandidate, AlumnusCandidate>> {
    return { agencies: [], programs: [], alumni: [] };
  }

  /** Changes the request if its version is still `expectedVersion`, raising the version. */
  private change(id: number, expectedVersion: number, next: (r: CooperationRequest) => CooperationRequest): boolean {
    const i = this.rows.findIndex((r) => r.id === id);
    const current = this.rows[i];
    if (!current || current.version !== expectedVersion) return false;
    this.rows[i] = { ...next(current), version: expectedVersion + 1 };
    return true;
  }
}
