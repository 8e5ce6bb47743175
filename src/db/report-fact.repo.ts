/**
 * Keeps the report facts of programs (activity_country_facts and the derived columns of
 * activities) in step with their recipients, recorded totals and participant records. Called
 * in the same transaction as every write that can change them.
 */
import { sql, type Kysely } from 'kysely';
import { regionOf } from '../domain/reference/countries.js';
import { allocateParticipants } from '../domain/report/participant-allocation.js';
import type { ReportFactRepository } from '../services/ports.js';
import { insertInChunks, isPostgres, num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

const CHUNK = 500;

export class ReportFactRepo implements ReportFactRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async refresh(activityIds: readonly number[]): Promise<void> {
    const ids = [...new Set(activityIds)];
    for (let i = 0; i < ids.length; i += CHUNK) await this.refreshChunk(ids.slice(i, i + CHUNK));
  }

  private async refreshChunk(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('activity_country_facts').where('activity_id', 'in', ids).execute();
    const activities = await this.db.selectFrom('activities').select(['id', 'year', 'participants_planned']).where('id', 'in', ids).execute();
    const recipients = await this.db
      .selectFrom('activity_recipients')
      .select(['activity_id', 'country_code', 'percentage'])
      .where('activity_id', 'in', ids)
      .orderBy('activity_id')
      .orderBy('sort_order')
      .execute();
    const records = await this.db
      .selectFrom('participants')
      .select(['activity_id', 'country_code', sql<number>`count(*)`.as('n')])
      .where('activity_id', 'in', ids)
      .groupBy(['activity_id', 'country_code'])
      .execute();
    const recipientsOf = new Map<number, { country: string; percentage: number | null }[]>();
    for (const r of recipients) {
      recipientsOf.set(r.activity_id, [...(recipientsOf.get(r.activity_id) ?? []), { country: r.country_code, percentage: numOrNull(r.percentage) }]);
    }
    const recordsOf = new Map<number, Map<string, number>>();
    for (const r of records) {
      const map = recordsOf.get(r.activity_id) ?? new Map<string, number>();
      map.set(r.country_code, num(r.n));
      recordsOf.set(r.activity_id, map);
    }
    const rows = activities.flatMap((a) => {
      const its = recipientsOf.get(a.id) ?? [];
      const counts = allocateParticipants({ recipients: its, participantsPlanned: a.participants_planned, recordsByCountry: recordsOf.get(a.id) ?? new Map() });
      const byCountry = new Map(counts.map((c) => [c.country, c]));
      // Every recipient gets a row (0 participants when none are counted there), so programs per
      // country come from the same table; a total without recipients keeps its null-country row.
      const countries: (string | null)[] = [...its.map((r) => r.country), ...(byCountry.has(null) ? [null] : [])];
      return countries.map((country) => {
        const c = byCountry.get(country);
        return {
          activity_id: a.id,
          year: a.year,
          country_code: country,
          region: country ? regionOf(country) : null,
          participants: c?.participants ?? 0,
          source: c?.source ?? null,
        };
      });
    });
    await insertInChunks(this.db, 'activity_country_facts', rows);
    await this.updateActivityFacts(activities.map((a) => a.id), rows, recipientsOf);
  }

  /** The derived columns of activities, from the facts just written. */
  private async updateActivityFacts(
    ids: readonly number[],
    rows: readonly { activity_id: number; participants: number; source: string | null }[],
    recipientsOf: ReadonlyMap<number, readonly unknown[]>,
  ): Promise<void> {
    const facts = new Map(ids.map((id) => [id, { id, participants_total: 0, participants_source: null as string | null, participants_split: 0, recipient_count: recipientsOf.get(id)?.length ?? 0 }]));
    const totalsRows = new Map<number, number>();
    for (const r of rows) {
      const f = facts.get(r.activity_id);
      if (!f) continue;
      f.participants_total += r.participants;
      if (r.source) f.participants_source = r.source;
      if (r.source === 'totals' && r.participants > 0) totalsRows.set(r.activity_id, (totalsRows.get(r.activity_id) ?? 0) + 1);
    }
    for (const [id, n] of totalsRows) if (n > 1) (facts.get(id) as { participants_split: number }).participants_split = 1;
    const values = [...facts.values()];
    if (isPostgres(this.db)) {
      for (let i = 0; i < values.length; i += 5_000) {
        await sql`
          update activities set participants_total = v.participants_total, participants_source = v.participants_source,
            participants_split = v.participants_split, recipient_count = v.recipient_count
          from json_populate_recordset(null::activities, ${JSON.stringify(values.slice(i, i + 5_000))}::json) v
          where activities.id = v.id`.execute(this.db);
      }
      return;
    }
    // SQLite (3.33+ UPDATE … FROM, JSON1): the same, one statement per chunk.
    for (let i = 0; i < values.length; i += 5_000) {
      await sql`
        update activities set participants_total = v.pt, participants_source = v.ps, participants_split = v.sp, recipient_count = v.rc
        from (
          select json_extract(value, '$.id') as id, json_extract(value, '$.participants_total') as pt,
            json_extract(value, '$.participants_source') as ps, json_extract(value, '$.participants_split') as sp,
            json_extract(value, '$.recipient_count') as rc
          from json_each(${JSON.stringify(values.slice(i, i + 5_000))})
        ) v
        where activities.id = v.id`.execute(this.db);
    }
  }
}
