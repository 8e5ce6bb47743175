/** Ports of a program's participants (services/participants.ts, the imports, the journey); db/participant.repo.ts implements them. */
import type { AttendanceCount } from '../domain/iati/result-xml.js';
import type { Participant, ParticipantData } from '../domain/participant/participant.js';

export interface ParticipantWrite {
  readonly data: ParticipantData;
  readonly personKey: string;
  readonly now: string;
  readonly importBatchId?: number | null;
  /** When the person's consent to the processing of their data was recorded; absent keeps what is stored. */
  readonly consentAt?: string;
  /** Set when the participant is added (an embassy's nomination); kept on later changes. */
  readonly nominatedBy?: string | null;
}

/** A participant's place in the journey, as setStatuses writes it. */
export type StatusRow = Pick<Participant, 'id' | 'status' | 'reserveRank'>;

export interface ParticipantRepository {
  findById(id: number): Promise<Participant | undefined>;
  findByPersonKey(activityId: number, personKey: string): Promise<Participant | undefined>;
  listByProgram(activityId: number): Promise<Participant[]>;
  countByProgram(activityId: number): Promise<number>;
  /** The distinct countries the program's participants come from. */
  countriesOf(activityId: number): Promise<string[]>;
  /** Participant records that count (selected to completed) and those who attended or completed, per program (programs without records are absent). */
  attendanceCounts(activityIds: readonly number[]): Promise<Map<number, AttendanceCount>>;
  insert(activityId: number, write: ParticipantWrite): Promise<number>;
  /** Inserts new participants and updates those already there (same program and person key). */
  upsertMany(rows: readonly { activityId: number; write: ParticipantWrite }[]): Promise<void>;
  /** Existing participants by "activityId|personKey", with the import batch that last wrote them. */
  findKeys(
    pairs: readonly Pick<Participant, 'activityId' | 'personKey'>[],
  ): Promise<Map<string, { id: number; importBatchId: number | null }>>;
  /** False when there is no such row, or (with `expectedVersion`) when its version moved on. */
  update(id: number, write: ParticipantWrite, expectedVersion?: number): Promise<boolean>;
  /** Marks records as demo values without a source (demo data only). */
  markIllustrative(ids: readonly number[]): Promise<void>;
  /** Sets the journey status of these participants (the reserve rank is kept only for reserves). */
  setStatuses(rows: readonly StatusRow[], change: { now: string; reviewNote?: string | null }): Promise<void>;
  /** False when there is no such row, or (with `expectedVersion`) when its version moved on. */
  delete(id: number, expectedVersion?: number): Promise<boolean>;
}
