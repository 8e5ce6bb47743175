/**
 * Nominations: participant records entered through a course offer, their review list and counts, the places held per
 * country, and a nominating organisation's own nominees.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import type { ParticipantStatus } from '../domain/codes.js';
import { PLACE_HOLDING } from '../domain/participant/journey.js';
import type { Participant } from '../domain/participant/participant.js';
import type { NominationRepository, NominationWrite, ReviewCounts, ReviewFilter } from '../services/offers.ports.js';
import { toParticipant } from './participant.repo.js';
import type { Database } from './schema.js';
import { insertInChunks, likePattern, num } from './sql-helpers.js';

function nominationColumns(activityId: number, w: NominationWrite, now: string) {
  return {
    activity_id: activityId,
    full_name: w.fullName,
    sex: w.sex,
    country_code: w.country,
    organisation: w.organisation,
    position: w.position,
    email: w.email,
    phone: w.phone,
    status: w.status ?? 'nominated',
    person_key: w.personKey,
    illustrative: 0,
    import_batch_id: null,
    nominated_by: w.nominatedBy,
    nominated_at: w.nominatedAt,
    consent_at: w.consentAt,
    reserve_rank: null,
    review_note: null,
    status_changed_at: w.nominatedAt,
    erased_at: null,
    created_at: now,
    updated_at: now,
  };
}

type Nominee = Participant & {
  offerId: number | null;
  programIdentifier: string;
  programTitleEn: string | null;
  programTitleId: string | null;
};

export class NominationRepo implements NominationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(activityId: number, w: NominationWrite, now: string): Promise<number> {
    const row = await this.db
      .insertInto('participants')
      .values(nominationColumns(activityId, w, now))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertMany(activityId: number, writes: readonly NominationWrite[], now: string): Promise<void> {
    await insertInChunks(
      this.db,
      'participants',
      writes.map((w) => nominationColumns(activityId, w, now)),
    );
  }

  async review(activityId: number, f: ReviewFilter, page: number, pageSize: number): Promise<Page<Participant>> {
    let q = this.db.selectFrom('participants').where('activity_id', '=', activityId);
    if (f.statuses?.length) q = q.where('status', 'in', [...f.statuses]);
    if (f.country) q = q.where('country_code', '=', f.country);
    if (f.nominatedBy) q = q.where(sql<SqlBool>`lower(nominated_by) = lower(${f.nominatedBy})`);
    if (f.q) {
      const pattern = likePattern(f.q);
      q = q.where((eb) =>
        eb.or(
          ['full_name', 'email', 'organisation'].map((c) => sql<SqlBool>`lower(coalesce(${sql.ref(c)}, '')) like ${pattern} escape '\\'`),
        ),
      );
    }
    const total = num((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // The page's ids first (from the review index, without reading the rows skipped), then its rows.
    const ids = (
      await q
        .select('id')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute()
    ).map((r) => r.id);
    const rows = ids.length ? await this.db.selectFrom('participants').selectAll().where('id', 'in', ids).orderBy('id').execute() : [];
    return { items: rows.map(toParticipant), total, page, pageSize };
  }

  async counts(activityId: number, nominatedBy?: string): Promise<ReviewCounts> {
    let q = this.db
      .selectFrom('participants')
      .select(['status', 'country_code', (eb) => eb.fn.countAll().as('n')])
      .where('activity_id', '=', activityId);
    if (nominatedBy) q = q.where(sql<SqlBool>`lower(nominated_by) = lower(${nominatedBy})`);
    const rows = await q.groupBy(['status', 'country_code']).execute();
    const byStatus: Partial<Record<ParticipantStatus, number>> = {};
    const countries = new Map<string, { country: string; total: number; nominated: number; holding: number; reserve: number }>();
    let total = 0;
    for (const r of rows) {
      const n = num(r.n);
      const status = r.status;
      total += n;
      byStatus[status] = (byStatus[status] ?? 0) + n;
      const c = countries.get(r.country_code) ?? { country: r.country_code, total: 0, nominated: 0, holding: 0, reserve: 0 };
      c.total += n;
      if (status === 'nominated') c.nominated += n;
      if (status === 'reserve') c.reserve += n;
      if (PLACE_HOLDING.includes(status)) c.holding += n;
      countries.set(r.country_code, c);
    }
    return { total, byStatus, byCountry: [...countries.values()].sort((a, b) => a.country.localeCompare(b.country)) };
  }

  async holders(activityId: number): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('participants')
      .select(['country_code', (eb) => eb.fn.countAll().as('n')])
      .where('activity_id', '=', activityId)
      .where('status', 'in', [...PLACE_HOLDING])
      .groupBy('country_code')
      .execute();
    return new Map(rows.map((r) => [r.country_code, num(r.n)]));
  }

  async inStatuses(activityId: number, statuses: readonly ParticipantStatus[]): Promise<Participant[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .selectFrom('participants')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('status', 'in', [...statuses])
      .orderBy(sql`coalesce(nominated_at, created_at)`)
      .orderBy('id')
      .execute();
    return rows.map(toParticipant);
  }

  async findMany(ids: readonly number[]): Promise<Participant[]> {
    const out: Participant[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db
        .selectFrom('participants')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
      out.push(...rows.map(toParticipant));
    }
    return out;
  }

  async maxReserveRank(activityId: number): Promise<number> {
    const row = await this.db
      .selectFrom('participants')
      .select((eb) => eb.fn.max('reserve_rank').as('m'))
      .where('activity_id', '=', activityId)
      .where('status', '=', 'reserve')
      .executeTakeFirst();
    return num(row?.m ?? 0);
  }

  async byNominator(
    org: string,
    f: { status?: ParticipantStatus; offerId?: number },
    page: number,
    pageSize: number,
  ): Promise<Page<Nominee>> {
    let q = this.db
      .selectFrom('participants as p')
      .innerJoin('activities as a', 'a.id', 'p.activity_id')
      .leftJoin('course_offers as o', 'o.activity_id', 'p.activity_id')
      .where(sql<SqlBool>`lower(p.nominated_by) = lower(${org})`);
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.offerId !== undefined) q = q.where('o.id', '=', f.offerId);
    const total = num((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('p')
      .select([
        'o.id as offer_id',
        'a.identifier as program_identifier',
        'a.title_en as program_title_en',
        'a.title_id as program_title_id',
      ])
      .orderBy('p.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const items = rows.map((r) => ({
      ...toParticipant(r),
      offerId: r.offer_id ?? null,
      programIdentifier: r.program_identifier,
      programTitleEn: r.program_title_en,
      programTitleId: r.program_title_id,
    }));
    return { items, total, page, pageSize };
  }
}
