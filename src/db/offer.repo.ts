/** Course offers and their quotas, the public catalogue, nominations (participant records) and their documents. */
import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Page } from '../domain/program/program-query.js';
import { flagshipAreas, modalities, type ParticipantStatus } from '../domain/codes.js';
import type { DocumentMeta } from '../domain/offer/documents.js';
import type { CourseOffer, OfferStatus } from '../domain/offer/offer.js';
import { PLACE_HOLDING } from '../domain/participant/journey.js';
import type { Participant } from '../domain/participant/participant.js';
import type {
  CatalogueEntry,
  CatalogueFilter,
  DocumentRepository,
  DocumentWrite,
  NominationRepository,
  NominationWrite,
  OfferRepository,
  OfferWrite,
  ReviewCounts,
  ReviewFilter,
} from '../services/offers.ports.js';
import { toParticipant } from './participant.repo.js';
import type { CourseOffersTable, Database, ParticipantDocumentsTable } from './schema.js';
import { insertInChunks, likePattern, num, numOrNull, present } from './sql-helpers.js';

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

const META_COLUMNS = [
  'id',
  'participant_id',
  'kind',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

function toMeta(r: Pick<Selectable<ParticipantDocumentsTable>, (typeof META_COLUMNS)[number]>): DocumentMeta {
  return {
    id: r.id,
    participantId: r.participant_id,
    kind: r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

export class DocumentRepo implements DocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(w: DocumentWrite, now: string): Promise<DocumentMeta> {
    const row = await this.db
      .insertInto('participant_documents')
      .values({
        participant_id: w.participantId,
        kind: w.kind,
        file_name: w.fileName,
        content_type: w.contentType,
        size_bytes: w.content.length,
        sha256: createHash('sha256').update(w.content).digest('hex'),
        content: Buffer.from(w.content.buffer, w.content.byteOffset, w.content.byteLength),
        uploaded_by: w.uploadedBy,
        created_at: now,
      })
      .returning(META_COLUMNS)
      .executeTakeFirstOrThrow();
    return toMeta(row);
  }

  async listFor(participantId: number): Promise<DocumentMeta[]> {
    const rows = await this.db
      .selectFrom('participant_documents')
      .select(META_COLUMNS)
      .where('participant_id', '=', participantId)
      .orderBy('id')
      .execute();
    return rows.map(toMeta);
  }

  async findMeta(id: number): Promise<DocumentMeta | undefined> {
    const row = await this.db.selectFrom('participant_documents').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toMeta(row) : undefined;
  }

  async content(id: number): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('participant_documents').select('content').where('id', '=', id).executeTakeFirst();
    return row ? new Uint8Array(row.content) : undefined;
  }
}
