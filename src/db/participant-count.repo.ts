import { sql, type Kysely } from 'kysely';
import { allocateParticipants } from '../domain/report/participant-allocation.js';
import type { ParticipantCountRepository } from '../services/ports.js';
import { insertInChunks, num, numOrNull } from './sql-helpers.js';
import type { Database } from './schema.js';

const CHUNK = 500;

export class ParticipantCountRepo implements ParticipantCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async refresh(activityIds: readonly number[]): Promise<void> {
    const ids = [...new Set(activityIds)];
    for (let i = 0; i < ids.length; i += CHUNK) await this.refreshChunk(ids.slice(i, i + CHUNK));
  }

  private async refreshChunk(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('activity_participant_counts').where('activity_id', 'in', ids).execute();
    const [activities, recipients, records] = await Promise.all([
      this.db.selectFrom('activities').select(['id', 'participants_planned']).where('id', 'in', ids).execute(),
      this.db
        .selectFrom('activity_recipients')
        .select(['activity_id', 'country_code', 'percentage'])
        .where('activity_id', 'in', ids)
        .orderBy('activity_id')
        .orderBy('sort_order')
        .execute(),
      this.db
        .selectFrom('participants')
        .select(['activity_id', 'country_code', sql<number>`count(*)`.as('n')])
        .where('activity_id', 'in', ids)
        .groupBy(['activity_id', 'country_code'])
        .execute(),
    ]);
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
    const rows = activities.flatMap((a) =>
      allocateParticipants({
        recipients: recipientsOf.get(a.id) ?? [],
        participantsPlanned: a.participants_planned,
        recordsByCountry: recordsOf.get(a.id) ?? new Map(),
      }).map((c) => ({ activity_id: a.id, country_code: c.country, participants: c.participants, source: c.source })),
    );
    await insertInChunks(this.db, 'activity_participant_counts', rows);
  }
}
