/** Daily attendance marks of a program's participants, and the completion percent of its course offer. */
import { sql, type Kysely } from 'kysely';
import type { AttendanceMark, AttendanceRepository } from '../services/attendance.ports.js';
import { insertJson, isPostgres, num } from './sql-helpers.js';
import type { Database } from './schema.js';

export class AttendanceRepo implements AttendanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** An upsert per chunk: a mark recorded again replaces the earlier one (a correction). */
  async record(marks: readonly AttendanceMark[], by: string, now: string): Promise<void> {
    const rows = marks.map((m) => ({
      participant_id: m.participantId,
      day: m.day,
      present: m.present ? 1 : 0,
      recorded_by: by,
      recorded_at: now,
    }));
    await insertJson(this.db, 'attendance', rows, (insert) =>
      insert.onConflict((oc) =>
        oc.columns(['participant_id', 'day']).doUpdateSet({
          present: sql`excluded.present`,
          recorded_by: sql`excluded.recorded_by`,
          recorded_at: sql`excluded.recorded_at`,
        }),
      ),
    );
  }

  async listByProgram(activityId: number): Promise<AttendanceMark[]> {
    const rows = await this.db
      .selectFrom('attendance as a')
      .innerJoin('participants as p', 'p.id', 'a.participant_id')
      .select(['a.participant_id', 'a.day', 'a.present'])
      .where('p.activity_id', '=', activityId)
      .orderBy('a.participant_id')
      .orderBy('a.day')
      .execute();
    return rows.map((r) => ({ participantId: num(r.participant_id), day: r.day, present: num(r.present) === 1 }));
  }

  async presentDays(activityId: number, from: string, to: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('attendance as a')
      .innerJoin('participants as p', 'p.id', 'a.participant_id')
      .select(['a.participant_id', (eb) => eb.fn.countAll().as('days')])
      .where('p.activity_id', '=', activityId)
      .where('a.present', '=', 1)
      .where('a.day', '>=', from)
      .where('a.day', '<=', to)
      .groupBy('a.participant_id')
      .execute();
    return new Map(rows.map((r) => [num(r.participant_id), num(r.days)]));
  }

  /**
   * Holds the program's row until the transaction ends, so that two closes (or issues) of one
   * program run one after the other: the second sees the first one's statuses and certificates,
   * and the report-fact refresh never runs twice at once for a program. SQLite has one writer.
   */
  async lockProgram(activityId: number): Promise<void> {
    if (isPostgres(this.db)) await this.db.selectFrom('activities').select('id').where('id', '=', activityId).forUpdate().execute();
  }

  async completionPercent(activityId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('course_offers')
      .select('completion_percent')
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return row ? num(row.completion_percent) : undefined;
  }
}
