/**
 * Keeps the report facts of programs (activity_country_facts and activity_facts) in step with their recipients, recorded totals and participant records, and with
 * them the analytics summary tables (analytics-cube.ts). Called in the same transaction as every write that can change them.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { regionOf } from '../domain/reference/countries.js';
import { COUNTED_STATUSES } from '../domain/participant/journey.js';
import { allocateParticipants, type ParticipantSource } from '../domain/report/participant-allocation.js';
import type { ReportFactRepository } from '../services/reports.ports.js';
import { insertInChunks, isPostgres, num, numOrNull } from './sql-helpers.js';
import { readFacts, refreshAnalytics, type ProgramFact } from './analytics-cube.js';
import type { Database, ProgramCountryFactsTable, ProgramsTable } from './schema.js';

const CHUNK = 500;
/** Programs whose participant records are counted in one statement. */
const COUNT_CHUNK = 20_000;

function countsByProgram(rows: readonly { activity_id: number; country_code: string; n: unknown }[]): Map<number, Map<string, number>> {
  const recordsOf = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const id = num(r.activity_id);
    const map = recordsOf.get(id) ?? new Map<string, number>();
    map.set(r.country_code, num(r.n));
    recordsOf.set(id, map);
  }
  return recordsOf;
}

export class ReportFactRepo implements ReportFactRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async refresh(activityIds: readonly number[], options: { participantsOnly?: boolean } = {}): Promise<void> {
    const ids = [...new Set(activityIds)];
    for (let i = 0; i < ids.length; i += COUNT_CHUNK) {
      const part = ids.slice(i, i + COUNT_CHUNK);
      // The participant records of many programs are counted in one pass (an import ends by
      // refreshing every program it touched); a few programs are counted chunk by chunk.
      const counts = part.length > CHUNK ? await this.recordCounts(part) : undefined;
      for (let j = 0; j < part.length; j += CHUNK)
        await this.refreshChunk(part.slice(j, j + CHUNK), options.participantsOnly ?? false, counts);
    }
  }

  /** Counted participant records per program and country, in one statement for many programs. */
  private async recordCounts(ids: readonly number[]): Promise<Map<number, Map<string, number>>> {
    const json = JSON.stringify(ids);
    const wanted = isPostgres(this.db)
      ? sql`select value::int as id from json_array_elements_text(${json}::json)`
      : sql`select value as id from json_each(${json})`;
    const rows = await sql<{ activity_id: number; country_code: string; n: unknown }>`
      select p.activity_id, p.country_code, count(*) as n
      from participants p join (${wanted}) w on w.id = p.activity_id
      where p.status in (${sql.join([...COUNTED_STATUSES])})
      group by p.activity_id, p.country_code`.execute(this.db);
    return countsByProgram(rows.rows);
  }

  /** Takes programs about to be deleted out of the facts and the summary tables. */
  async remove(activityIds: readonly number[]): Promise<void> {
    const ids = [...new Set(activityIds)];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const before = await readFacts(this.db, chunk);
      await this.db.deleteFrom('activity_country_facts').where('activity_id', 'in', chunk).execute();
      await this.db.deleteFrom('activity_facts').where('activity_id', 'in', chunk).execute();
      await refreshAnalytics(this.db, chunk, before, { removed: true });
    }
  }

  private async refreshChunk(
    ids: number[],
    participantsOnly: boolean,
    counted?: ReadonlyMap<number, ReadonlyMap<string, number>>,
  ): Promise<void> {
    if (ids.length === 0) return;
    // Two transactions refreshing one program at once would both delete its facts and insert
    // them again (the second failing on the key): the programs' rows are locked first, in id
    // order, so the second waits and then reads what the first committed. SQLite writes one
    // transaction at a time. NO KEY UPDATE: the rows' key-share locks taken by inserts of
    // participants (their foreign key) do not block it.
    if (isPostgres(this.db))
      await this.db.selectFrom('activities').select('id').where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();
    const before = await readFacts(this.db, ids);
    await this.db.deleteFrom('activity_country_facts').where('activity_id', 'in', ids).execute();
    await this.db.deleteFrom('activity_facts').where('activity_id', 'in', ids).execute();
    const activities = await this.db
      .selectFrom('activities')
      .select(['id', 'year', 'participants_planned', 'modality', 'flagship_area', 'cooperation_type', 'lifecycle_stage'])
      .where('id', 'in', ids)
      .execute();
    const recipients = await this.db
      .selectFrom('activity_recipients')
      .select(['activity_id', 'country_code', 'percentage'])
      .where('activity_id', 'in', ids)
      .orderBy('activity_id')
      .orderBy('sort_order')
      .execute();
    const recordsOf =
      counted ??
      countsByProgram(
        await this.db
          .selectFrom('participants')
          .select(['activity_id', 'country_code', sql<number>`count(*)`.as('n')])
          .where('activity_id', 'in', ids)
          .where('status', 'in', COUNTED_STATUSES)
          .groupBy(['activity_id', 'country_code'])
          .execute(),
      );
    const recipientsOf = new Map<number, { country: string; percentage: number | null }[]>();
    for (const r of recipients) {
      recipientsOf.set(r.activity_id, [
        ...(recipientsOf.get(r.activity_id) ?? []),
        { country: r.country_code, percentage: numOrNull(r.percentage) },
      ]);
    }
    const rows = activities.flatMap((a) => {
      const its = recipientsOf.get(a.id) ?? [];
      const counts = allocateParticipants({
        recipients: its,
        participantsPlanned: a.participants_planned,
        recordsByCountry: recordsOf.get(a.id) ?? new Map(),
      });
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
          lifecycle_stage: a.lifecycle_stage,
        };
      });
    });
    await insertInChunks(this.db, 'activity_country_facts', rows);
    const facts = await this.insertProgramFacts(activities, rows, recipientsOf);
    await refreshAnalytics(this.db, ids, before, { spending: !participantsOnly, after: { programs: facts, countries: rows } });
  }

  /** One fact row per program, from its country facts. */
  private async insertProgramFacts(
    activities: readonly Pick<
      Selectable<ProgramsTable>,
      'id' | 'year' | 'modality' | 'flagship_area' | 'cooperation_type' | 'lifecycle_stage'
    >[],
    rows: readonly Pick<ProgramCountryFactsTable, 'activity_id' | 'participants' | 'source'>[],
    recipientsOf: ReadonlyMap<number, readonly unknown[]>,
  ): Promise<ProgramFact[]> {
    const byProgram = new Map<number, { total: number; source: ParticipantSource | null; totalsRows: number }>();
    for (const r of rows) {
      const f = byProgram.get(r.activity_id) ?? { total: 0, source: null, totalsRows: 0 };
      f.total += r.participants;
      if (r.source) f.source = r.source;
      if (r.source === 'totals' && r.participants > 0) f.totalsRows++;
      byProgram.set(r.activity_id, f);
    }
    const facts = activities.map((a) => {
      const f = byProgram.get(a.id);
      return {
        activity_id: a.id,
        year: a.year,
        modality: a.modality,
        flagship_area: a.flagship_area,
        cooperation_type: a.cooperation_type,
        participants_total: f?.total ?? 0,
        participants_source: f?.source ?? null,
        participants_split: (f?.totalsRows ?? 0) > 1 ? 1 : 0,
        recipient_count: recipientsOf.get(a.id)?.length ?? 0,
        lifecycle_stage: a.lifecycle_stage,
      };
    });
    await insertInChunks(this.db, 'activity_facts', facts);
    return facts;
  }
}
