/**
 * Ports of attendance and certificates (services/attendance.ts, certificates.ts);
 * db/attendance.repo.ts and certificate.repo.ts implement them.
 */
import type { z } from 'zod';
import type { attendanceMarkSchema } from '../domain/attendance/attendance.schema.js';

/** One cell of the attendance sheet: a participant on a course day (YYYY-MM-DD), as the input schema reads it. */
export type AttendanceMark = Readonly<z.output<typeof attendanceMarkSchema>>;

export interface AttendanceRepository {
  /** Records (or corrects) many marks in one statement per few thousand. */
  record(marks: readonly AttendanceMark[], by: string, now: string): Promise<void>;
  /** Every mark of the program's participants, by participant and day. */
  listByProgram(activityId: number): Promise<AttendanceMark[]>;
  /** Days present between `from` and `to` (inclusive) per participant of the program (absent ones: 0, left out). */
  presentDays(activityId: number, from: string, to: string): Promise<Map<number, number>>;
  /** The course offer's completion percent; undefined when the program has no offer. */
  completionPercent(activityId: number): Promise<number | undefined>;
  /** Serialises the attendance writes of one program until the transaction ends. */
  lockProgram(activityId: number): Promise<void>;
}

/** A certificate of completion; `verifyToken` is the unguessable part of its public verification address. */
export interface Certificate {
  readonly id: number;
  readonly participantId: number;
  readonly number: string;
  readonly verifyToken: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

export interface CertificateRepository {
  insert(c: Omit<Certificate, 'id' | 'revokedAt'>): Promise<Certificate>;
  findById(id: number): Promise<Certificate | undefined>;
  findByToken(token: string): Promise<Certificate | undefined>;
  findByParticipant(participantId: number): Promise<Certificate | undefined>;
  /** The certificates of a program's participants. */
  listByProgram(activityId: number): Promise<Certificate[]>;
  revoke(id: number, now: string): Promise<boolean>;
}
