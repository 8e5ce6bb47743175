/**
 * Course offers and their quotas per country, and the public catalogue (offers with their programs). Nominations are in
 * nomination.repo.ts, their documents in document.repo.ts.
 */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import { flagshipAreas, modalities } from '../domain/codes.js';
import type { CourseOffer, OfferStatus } from '../domain/offer/offer.js';
import type { CatalogueEntry, CatalogueFilter, OfferRepository, OfferWrite } from '../services/offers.ports.js';
import type { CourseOffersTable, Database } from './schema.js';
import { likePattern, num, numOrNull, present } from './sql-helpers.js';

function toOffer(row: Selectable<CourseOffersTable>, quotas: readonly { country_code: string; quota: number }[]): CourseOffer {
  return {
    id: row.id,
    activityId: row.activity_id,
    status: row.status,
    summaryEn: row.summary_en,
    summaryId: row.summary_id,
    eligibilityEn: row.eligibility_en,
    eligibilityId: row.eligibility_id,
    deadlineAt: row.deadline,
    quotaDefault: numOrNull(row.quota_default),
    quotaTotal: numOrNull(row.quota_total),
    completionPercent: num(row.completion_percent),
    quotas: quotas.map((q) => ({ country: q.country_code, quota: num(q.quota) })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: num(row.version),
  };
}

export class OfferRepo implements OfferRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private async quotasOf(ids: readonly number[]): Promise<Map<number, { country_code: string; quota: number }[]>> {
    const byOffer = new Map<number, { country_code: string; quota: number }[]>();
    if (ids.length === 0) return byOffer;
    const rows = await this.db
      .selectFrom('offer_quotas')
      .selectAll()
      .where('offer_id', 'in', [...ids])
      .orderBy('offer_id')
      .orderBy('country_code')
      .execute();
    for (const r of rows) byOffer.set(r.offer_id, [...(byOffer.get(r.offer_id) ?? []), r]);
    return byOffer;
  }

  private async one(where: { id?: number; activityId?: number }): Promise<CourseOffer | undefined> {
    let q = this.db.selectFrom('course_offers').selectAll();
    if (where.id !== undefined) q = q.where('id', '=', where.id);
    if (where.activityId !== undefined) q = q.where('activity_id', '=', where.activityId);
    const row = await q.executeTakeFirst();
    if (!row) return undefined;
    return toOffer(row, (await this.quotasOf([row.id])).get(row.id) ?? []);
  }

  findById(id: number): Promise<CourseOffer | undefined> {
    return this.one({ id });
  }

  findByProgram(activityId: number): Promise<CourseOffer | undefined> {
    return this.one({ activityId });
  }

  async save(activityId: number, w: OfferWrite, now: string): Promise<CourseOffer> {
    const fields = {
      status: w.status,
      summary_en: w.summaryEn,
      summary_id: w.summaryId,
      eligibility_en: w.eligibilityEn,
      eligibility_id: w.eligibilityId,
      deadline: w.deadlineAt,
      quota_default: w.quotaDefault,
      quota_total: w.quotaTotal,
      completion_percent: w.completionPercent,
      updated_at: now,
    };
    const existing = await this.db.selectFrom('course_offers').select('id').where('activity_id', '=', activityId).executeTakeFirst();
    let id: number;
    if (existing) {
      id = existing.id;
      await this.db
        .updateTable('course_offers')
        .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
      await this.db.deleteFrom('offer_quotas').where('offer_id', '=', id).execute();
    } else {
      id = (
        await this.db
          .insertInto('course_offers')
          .values({ ...fields, activity_id: activityId, created_at: now, version: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    if (w.quotas.length)
      await this.db
        .insertInto('offer_quotas')
        .values(w.quotas.map((q) => ({ offer_id: id, country_code: q.country, quota: q.quota })))
        .execute();
    return present(await this.findById(id), 'the course offer');
  }

  async setStatus(id: number, status: OfferStatus, now: string): Promise<void> {
    await this.db
      .updateTable('course_offers')
      .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async catalogue(f: CatalogueFilter, page: number, pageSize: number): Promise<Page<CatalogueEntry>> {
    const base = this.db
      .selectFrom('course_offers as o')
      .innerJoin('activities as a', 'a.id', 'o.activity_id')
      .leftJoin('organisations as io', 'io.id', 'a.implementing_org_id')
      .where((eb) => {
        const conditions: Expression<SqlBool>[] = [];
        const visible: Expression<SqlBool>[] = [];
        if (f.statuses.length) {
          const published = [eb('o.status', 'in', [...f.statuses])];
          if (f.stages) published.push(eb('a.lifecycle_stage', 'in', [...f.stages]));
          visible.push(eb.and(published));
        }
        if (f.draftsOf) visible.push(sql<SqlBool>`lower(io.code) = lower(${f.draftsOf})`);
        conditions.push(visible.length ? eb.or(visible) : sql<SqlBool>`1 = 0`);
        if (f.deadlineAfter) conditions.push(eb('o.deadline', '>', f.deadlineAfter));
        // The port takes these as text: one that is not a code matches no program.
        if (f.modality) conditions.push(modalities.is(f.modality) ? eb('a.modality', '=', f.modality) : sql<SqlBool>`1 = 0`);
        if (f.flagshipArea)
          conditions.push(flagshipAreas.is(f.flagshipArea) ? eb('a.flagship_area', '=', f.flagshipArea) : sql<SqlBool>`1 = 0`);
        if (f.country) {
          conditions.push(
            eb.exists(
              eb
                .selectFrom('activity_recipients as r')
                .select('r.activity_id')
                .whereRef('r.activity_id', '=', 'a.id')
                .where('r.country_code', '=', f.country),
            ),
          );
        }
        if (f.q) {
          const pattern = likePattern(f.q);
          const cols = ['a.identifier', 'a.title_en', 'a.title_id', 'o.summary_en', 'o.summary_id'] as const;
          conditions.push(eb.or(cols.map((c) => sql<SqlBool>`lower(coalesce(${sql.ref(c)}, '')) like ${pattern} escape '\\'`)));
        }
        return eb.and(conditions);
      });
    const total = num((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base
      .selectAll('o')
      .select([
        'a.identifier',
        'a.title_en',
        'a.title_id',
        'a.description_en',
        'a.description_id',
        'a.modality',
        'a.flagship_area',
        'a.lifecycle_stage',
        'a.planned_start',
        'a.planned_end',
        'a.venue_city',
        'a.venue_country',
        'io.code as implementing_org_code',
      ])
      .orderBy('o.deadline')
      .orderBy('o.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const quotas = await this.quotasOf(rows.map((r) => r.id));
    const recipients = new Map<number, string[]>();
    if (rows.length) {
      const rs = await this.db
        .selectFrom('activity_recipients')
        .select(['activity_id', 'country_code'])
        .where(
          'activity_id',
          'in',
          rows.map((r) => r.activity_id),
        )
        .orderBy('activity_id')
        .orderBy('sort_order')
        .execute();
      for (const r of rs) recipients.set(r.activity_id, [...(recipients.get(r.activity_id) ?? []), r.country_code]);
    }
    const items = rows.map((r) => ({
      offer: toOffer(r, quotas.get(r.id) ?? []),
      program: {
        id: r.activity_id,
        identifier: r.identifier,
        titleEn: r.title_en,
        titleId: r.title_id,
        descriptionEn: r.description_en,
        descriptionId: r.description_id,
        modality: r.modality,
        flagshipArea: r.flagship_area,
        lifecycleStage: r.lifecycle_stage,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        venueCity: r.venue_city,
        venueCountry: r.venue_country,
        implementingOrg: r.implementing_org_code,
        recipients: recipients.get(r.activity_id) ?? [],
      },
    }));
    return { items, total, page, pageSize };
  }
}
