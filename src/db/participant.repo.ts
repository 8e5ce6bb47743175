import { sql, type Kysely, type Selectable } from 'kysely';
import type { ParticipantStatus } from '../domain/codes.js';
import type { AttendanceCount } from '../domain/iati/result-xml.js';
import type { Participant } from '../domain/participant/participant.js';
import { ALUMNI_STATUSES, COUNTED_STATUSES } from '../domain/participant/journey.js';
import type { ParticipantRepository, ParticipantWrite } from '../services/participants.ports.js';
import { bool, insertJson, isPostgres, JSON_CHUNK_ROWS, num } from './sql-helpers.js';
import type { Database, ParticipantsTable } from './schema.js';

export function toParticipant(row: Selectable<ParticipantsTable>): Participant {
  return {
    id: row.id,
    activityId: row.activity_id,
    fullName: row.full_name,
    sex: row.sex,
    country: row.country_code,
    organisation: row.organisation,
    position: row.position,
    email: row.email,
    status: row.status,
    illustrative: bool(row.illustrative),
    personKey: row.person_key,
    nominatedBy: row.nominated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    phone: row.phone ?? null,
    nominatedAt: row.nominated_at ?? null,
    consentAt: row.consent_at ?? null,
    reserveRank: row.reserve_rank === null || row.reserve_rank === undefined ? null : num(row.reserve_rank),
    reviewNote: row.review_note ?? null,
    statusChangedAt: row.status_changed_at ?? null,
    erasedAt: row.erased_at ?? null,
  };
}

function columns(w: ParticipantWrite) {
  const d = w.data;
  return {
    full_name: d.fullName,
    sex: d.sex,
    country_code: d.country,
    organisation: d.organisation,
    position: d.position,
    email: d.email,
    status: d.status,
    person_key: w.personKey,
    illustrative: d.illustrative ? 1 : 0,
    import_batch_id: w.importBatchId ?? null,
    updated_at: w.now,
  };
}

export class ParticipantRepo implements ParticipantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: number): Promise<Participant | undefined> {
    const row = await this.db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toParticipant(row) : undefined;
  }

  async findByPersonKey(activityId: number, personKey: string): Promise<Participant | undefined> {
    const row = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('person_key', '=', personKey)
      .executeTakeFirst();
    return row ? toParticipant(row) : undefined;
  }

  async listByProgram(activityId: number): Promise<Participant[]> {
    const rows = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('country_code')
      .orderBy('full_name')
      .orderBy('id')
      .execute();
    return rows.map(toParticipant);
  }

  async countByProgram(activityId: number): Promise<number> {
    const row = await this.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async attendanceCounts(activityIds: readonly number[]): Promise<Map<number, AttendanceCount>> {
    type Count = { records: number; attended: number; attendedBySex: Record<string, number>; attendedByCountry: Record<string, number> };
    const counts = new Map<number, Count>();
    for (let i = 0; i < activityIds.length; i += 500) {
      // By program, sex and country: the totals and the participant indicator's groups at once.
      const rows = await this.db
        .selectFrom('participants')
        .select([
          'activity_id',
          'sex',
          'country_code',
          sql<number>`sum(case when status in (${sql.join([...COUNTED_STATUSES])}) then 1 else 0 end)`.as('n'),
          sql<number>`sum(case when status in (${sql.join([...ALUMNI_STATUSES])}) then 1 else 0 end)`.as('attended'),
        ])
        .where('activity_id', 'in', activityIds.slice(i, i + 500))
        .groupBy(['activity_id', 'sex', 'country_code'])
        .execute();
      for (const r of rows) {
        const c = counts.get(r.activity_id) ?? { records: 0, attended: 0, attendedBySex: {}, attendedByCountry: {} };
        const attended = num(r.attended);
        c.records += num(r.n);
        c.attended += attended;
        if (attended) {
          c.attendedBySex[r.sex] = (c.attendedBySex[r.sex] ?? 0) + attended;
          c.attendedByCountry[r.country_code] = (c.attendedByCountry[r.country_code] ?? 0) + attended;
        }
        counts.set(r.activity_id, c);
      }
    }
    return counts;
  }

  async countriesOf(activityId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('participants')
      .select('country_code')
      .distinct()
      .where('activity_id', '=', activityId)
      .orderBy('country_code')
      .execute();
    return rows.map((r) => r.country_code);
  }

  async findKeys(
    pairs: readonly { activityId: number; personKey: string }[],
  ): Promise<Map<string, { id: number; importBatchId: number | null }>> {
    const found = new Map<string, { id: number; importBatchId: number | null }>();
    if (pairs.length === 0) return found;
    // The exact pairs as one JSON parameter, joined on the unique (activity_id, person_key)
    // index: an IN list of programs and another of keys made PostgreSQL match every key of every
    // program in the chunk (about 100 ms a chunk inside a large import).
    const postgres = isPostgres(this.db);
    for (let i = 0; i < pairs.length; i += JSON_CHUNK_ROWS) {
      const json = JSON.stringify(pairs.slice(i, i + JSON_CHUNK_ROWS).map((p) => ({ a: p.activityId, k: p.personKey })));
      const wanted = postgres
        ? sql`select (value->>'a')::int as a, value->>'k' as k from json_array_elements(${json}::json)`
        : sql`select json_extract(value, '$.a') as a, json_extract(value, '$.k') as k from json_each(${json})`;
      const rows = await sql<{ id: number; activity_id: number; person_key: string; import_batch_id: number | null }>`
        select p.id, p.activity_id, p.person_key, p.import_batch_id
        from (${wanted}) w join participants p on p.activity_id = w.a and p.person_key = w.k`.execute(this.db);
      for (const r of rows.rows)
        found.set(`${r.activity_id}|${r.person_key}`, {
          id: num(r.id),
          importBatchId: r.import_batch_id === null ? null : num(r.import_batch_id),
        });
    }
    return found;
  }

  async upsertMany(rows: readonly { activityId: number; write: ParticipantWrite }[]): Promise<void> {
    const values = rows.map((r) => ({ ...columns(r.write), activity_id: r.activityId, created_at: r.write.now }));
    await insertJson(this.db, 'participants', values, (insert) =>
      insert.onConflict((oc) =>
        oc.columns(['activity_id', 'person_key']).doUpdateSet((eb) => ({
          full_name: eb.ref('excluded.full_name'),
          sex: eb.ref('excluded.sex'),
          country_code: eb.ref('excluded.country_code'),
          organisation: eb.ref('excluded.organisation'),
          position: eb.ref('excluded.position'),
          email: eb.ref('excluded.email'),
          status: eb.ref('excluded.status'),
          import_batch_id: eb.ref('excluded.import_batch_id'),
          updated_at: eb.ref('excluded.updated_at'),
          // The frequent writes move the version on themselves; the trigger (migration
          // 20261211130000) then has nothing to do, where on SQLite it would update the row again.
          version: sql<number>`participants.version + 1`,
        })),
      ),
    );
  }

  async insert(activityId: number, write: ParticipantWrite): Promise<number> {
    const row = await this.db
      .insertInto('participants')
      .values({
        ...columns(write),
        activity_id: activityId,
        created_at: write.now,
        nominated_by: write.nominatedBy ?? null,
        consent_at: write.consentAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, write: ParticipantWrite, expectedVersion?: number): Promise<boolean> {
    let update = this.db
      .updateTable('participants')
      .set((eb) => ({ ...columns(write), ...(write.consentAt ? { consent_at: write.consentAt } : {}), version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setStatuses(
    rows: readonly { id: number; status: ParticipantStatus; reserveRank: number | null }[],
    change: { now: string; reviewNote?: string | null },
  ): Promise<void> {
    const note = change.reviewNote !== undefined;
    for (let i = 0; i < rows.length; i += JSON_CHUNK_ROWS) {
      // One statement per chunk, the rows as one JSON parameter (see sql-helpers.jsonRows).
      const json = JSON.stringify(
        rows.slice(i, i + JSON_CHUNK_ROWS).map((r) => ({ id: r.id, s: r.status, r: r.status === 'reserve' ? r.reserveRank : null })),
      );
      const noteSet = note ? sql`, review_note = ${change.reviewNote ?? null}` : sql``;
      if (isPostgres(this.db)) {
        await sql`update participants p set status = j.s, reserve_rank = j.r, status_changed_at = ${change.now}, updated_at = ${change.now}, version = p.version + 1${noteSet}
          from json_to_recordset(${json}::json) as j(id int, s text, r int) where p.id = j.id`.execute(this.db);
      } else {
        await sql`update participants set status = j.s, reserve_rank = j.r, status_changed_at = ${change.now}, updated_at = ${change.now}, version = version + 1${noteSet}
          from (select json_extract(value, '$.id') as id, json_extract(value, '$.s') as s, json_extract(value, '$.r') as r from json_each(${json})) as j
          where participants.id = j.id`.execute(this.db);
      }
    }
  }

  async markIllustrative(ids: readonly number[]): Promise<void> {
    if (ids.length)
      await this.db
        .updateTable('participants')
        .set({ illustrative: 1 })
        .where('id', 'in', [...ids])
        .execute();
  }

  async delete(id: number, expectedVersion?: number): Promise<boolean> {
    let remove = this.db.deleteFrom('participants').where('id', '=', id);
    if (expectedVersion !== undefined) remove = remove.where('version', '=', expectedVersion);
    const result = await remove.executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
