/**
 * Partnerships (docs/partnerships.md): agreements with their parties, areas, programs and
 * versioned documents; engagements with their items and follow-ups; partner organisations'
 * contacts, their programs and yearly counts; and the timeline of a partner or a country.
 * Organisations are stored by id and handed out by code.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { PUBLISHED_STAGES } from '../domain/access/policy.js';
import type { Page } from '../domain/program/program-query.js';
import type { CooperationType, FlagshipArea, LifecycleStage, OrganisationKind } from '../domain/codes.js';
import { addDays } from '../domain/dates.js';
import { PUBLIC_AGREEMENT_STATUSES, type AgreementKind, type AgreementStatus } from '../domain/partnership/agreement.js';
import { isOverdue, type EngagementKind, type FollowUpStatus, type ItemKind, type ItemSide } from '../domain/partnership/engagement.js';
import type {
  Agreement,
  AgreementData,
  AgreementDocumentMeta,
  AgreementParty,
  Engagement,
  EngagementData,
  EngagementItem,
  FollowUpRecord,
  PartnerContact,
  PartnerSummary,
  ProgramRef,
  TimelineEntry,
} from '../domain/partnership/partnership.js';
import type { AgreementFilter, EngagementFilter, FollowUpListQuery, PartnerListQuery } from '../domain/partnership/partnership.schema.js';
import type { PartnershipRepository } from '../services/ports.js';
import { bool, likePattern, nextYearlyReference, num, numOrNull } from './sql-helpers.js';
import type { AgreementDocumentsTable, AgreementsTable, Database, EngagementItemsTable, EngagementsTable, FollowUpsTable } from './schema.js';

/** Serialises the numbering of concurrent registrations on PostgreSQL (arbitrary constants). */
const AGREEMENT_LOCK = 7_261_130;
const ENGAGEMENT_LOCK = 7_261_131;

type AgreementRow = Selectable<AgreementsTable> & { owner_code: string | null; programs: unknown; documents: unknown };
type EngagementRow = Selectable<EngagementsTable> & { owner_code: string | null; partner_code: string | null; partner_name: string | null };
type DocRow = Omit<Selectable<AgreementDocumentsTable>, 'content' | 'title_key'>;

const where = (conditions: RawBuilder<SqlBool>[]) => (conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`1 = 1`);

function toDoc(r: DocRow): AgreementDocumentMeta {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    title: r.title,
    versionNo: num(r.version_no),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    isPublic: bool(r.is_public),
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
  };
}

interface ProgramRow {
  id: number;
  identifier: string;
  title_en: string | null;
  title_id: string | null;
  year: unknown;
  start: string | null;
  lifecycle_stage: string;
  cooperation_type: string;
}

function toProgram(r: ProgramRow): ProgramRef {
  return {
    id: r.id,
    identifier: r.identifier,
    titleEn: r.title_en,
    titleId: r.title_id,
    year: numOrNull(r.year),
    start: r.start,
    lifecycleStage: r.lifecycle_stage as LifecycleStage,
    cooperationType: r.cooperation_type as CooperationType,
  };
}

const PROGRAM_COLUMNS = sql`a.id, a.identifier, a.title_en, a.title_id, a.year, coalesce(a.actual_start, a.planned_start) as start, a.lifecycle_stage, a.cooperation_type`;

function toFollowUp(r: Selectable<FollowUpsTable>, today: string): FollowUpRecord {
  const status = r.status as FollowUpStatus;
  return { id: r.id, engagementId: r.engagement_id, action: r.action, owner: r.owner, dueOn: r.due_on, status, doneOn: r.done_on, overdue: isOverdue({ status, dueOn: r.due_on }, today) };
}

export class PartnershipRepo implements PartnershipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  // ---- agreements ---------------------------------------------------------------------------

  /** Agreements with their counts of programs and documents: for the public, published programs and public documents only. */
  private agreementSelect(publicOnly = false) {
    const programs = publicOnly
      ? sql<unknown>`(select count(*) from agreement_activities x join activities a on a.id = x.activity_id where x.agreement_id = g.id and a.lifecycle_stage in (${sql.join([...PUBLISHED_STAGES])}))`
      : sql<unknown>`(select count(*) from agreement_activities x where x.agreement_id = g.id)`;
    const documents = publicOnly
      ? sql<unknown>`(select count(*) from agreement_documents d where d.agreement_id = g.id and d.is_public = 1)`
      : sql<unknown>`(select count(*) from agreement_documents d where d.agreement_id = g.id)`;
    return this.db
      .selectFrom('agreements as g')
      .leftJoin('organisations as o', 'o.id', 'g.owner_org_id')
      .selectAll('g')
      .select('o.code as owner_code')
      .select(programs.as('programs'))
      .select(documents.as('documents'));
  }

  private async hydrateAgreements(rows: AgreementRow[]): Promise<Agreement[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [parties, areas] = await Promise.all([
      this.db
        .selectFrom('agreement_parties as p')
        .leftJoin('organisations as o', 'o.id', 'p.org_id')
        .select(['p.agreement_id', 'p.sort_order', 'p.country_code', 'o.code', 'o.name_en', 'o.acronym'])
        .where('p.agreement_id', 'in', ids)
        .orderBy('p.agreement_id')
        .orderBy('p.sort_order')
        .execute(),
      this.db.selectFrom('agreement_areas').selectAll().where('agreement_id', 'in', ids).orderBy('agreement_id').orderBy('area').execute(),
    ]);
    const partiesOf = new Map<number, AgreementParty[]>();
    for (const p of parties) {
      const list = partiesOf.get(p.agreement_id) ?? [];
      list.push({ org: p.code ?? null, orgName: p.code ? (p.acronym ?? p.name_en ?? null) : null, country: p.country_code });
      partiesOf.set(p.agreement_id, list);
    }
    const areasOf = new Map<number, FlagshipArea[]>();
    for (const a of areas) {
      const list = areasOf.get(a.agreement_id) ?? [];
      list.push(a.area as FlagshipArea);
      areasOf.set(a.agreement_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind as AgreementKind,
      titleEn: r.title_en,
      titleId: r.title_id,
      subject: r.subject,
      status: r.status as AgreementStatus,
      signedOn: r.signed_on,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      ownerOrg: r.owner_code,
      parties: partiesOf.get(r.id) ?? [],
      areas: areasOf.get(r.id) ?? [],
      illustrative: bool(r.illustrative),
      programCount: num(r.programs),
      documentCount: num(r.documents),
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: num(r.version),
    }));
  }

  async findAgreement(id: number): Promise<Agreement | undefined> {
    const row = await this.agreementSelect().where('g.id', '=', id).executeTakeFirst();
    return row ? (await this.hydrateAgreements([row]))[0] : undefined;
  }

  private agreementConditions(filter: AgreementFilter & { publicOnly?: boolean; today?: string }): RawBuilder<SqlBool>[] {
    const c: RawBuilder<SqlBool>[] = [];
    if (filter.publicOnly) c.push(sql<SqlBool>`g.status in (${sql.join([...PUBLIC_AGREEMENT_STATUSES])})`);
    if (filter.status) c.push(filter.status.length ? sql<SqlBool>`g.status in (${sql.join(filter.status)})` : sql<SqlBool>`1 = 0`);
    if (filter.kind) c.push(sql<SqlBool>`g.kind = ${filter.kind}`);
    if (filter.area) c.push(sql<SqlBool>`exists (select 1 from agreement_areas x where x.agreement_id = g.id and x.area = ${filter.area})`);
    if (filter.partner) {
      c.push(sql<SqlBool>`exists (select 1 from agreement_parties p join organisations po on po.id = p.org_id where p.agreement_id = g.id and lower(po.code) = ${filter.partner.toLowerCase()})`);
    }
    if (filter.country) {
      c.push(sql<SqlBool>`exists (select 1 from agreement_parties p left join organisations po on po.id = p.org_id
        where p.agreement_id = g.id and (p.country_code = ${filter.country} or po.country_code = ${filter.country}))`);
    }
    if (filter.expiringWithin !== undefined && filter.today) {
      const until = addDays(filter.today, filter.expiringWithin);
      c.push(sql<SqlBool>`g.status in ('signed', 'in_force') and g.valid_until is not null and g.valid_until <= ${until}`);
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      c.push(sql<SqlBool>`(lower(g.reference) like ${pattern} escape '\\' or lower(g.title_en) like ${pattern} escape '\\'
        or lower(coalesce(g.title_id, '')) like ${pattern} escape '\\' or lower(coalesce(g.subject, '')) like ${pattern} escape '\\')`);
    }
    return c;
  }

  async listAgreements(filter: AgreementFilter & { publicOnly?: boolean; today?: string }, page: number, pageSize: number): Promise<Page<Agreement>> {
    const w = where(this.agreementConditions(filter));
    const [rows, total] = await Promise.all([
      this.agreementSelect(filter.publicOnly)
        .where(w)
        .orderBy('g.sort_on', 'desc')
        .orderBy('g.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      this.db.selectFrom('agreements as g').select((eb) => eb.fn.countAll().as('n')).where(w).executeTakeFirst(),
    ]);
    return { items: await this.hydrateAgreements(rows), total: num(total?.n), page, pageSize };
  }

  async nextAgreementReference(year: number): Promise<string> {
    return nextYearlyReference(this.db, 'agreements', 'AGR', year, AGREEMENT_LOCK);
  }

  async insertAgreement(data: AgreementData, partyOrgIds: readonly (number | null)[], ownerOrgId: number | null, meta: { reference: string; createdBy: string; now: string }): Promise<number> {
    const row = await this.db
      .insertInto('agreements')
      .values({ reference: meta.reference, ...agreementColumns(data, ownerOrgId), created_by: meta.createdBy, created_at: meta.now, updated_at: meta.now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceAgreementLists(row.id, data, partyOrgIds);
    return row.id;
  }

  async updateAgreement(id: number, expectedVersion: number, data: AgreementData, partyOrgIds: readonly (number | null)[], ownerOrgId: number | null, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('agreements')
      .set({ ...agreementColumns(data, ownerOrgId), updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.replaceAgreementLists(id, data, partyOrgIds);
    return true;
  }

  private async replaceAgreementLists(id: number, data: AgreementData, partyOrgIds: readonly (number | null)[]): Promise<void> {
    await this.db.deleteFrom('agreement_parties').where('agreement_id', '=', id).execute();
    await this.db.deleteFrom('agreement_areas').where('agreement_id', '=', id).execute();
    if (data.parties.length) {
      await this.db
        .insertInto('agreement_parties')
        .values(data.parties.map((p, i) => ({ agreement_id: id, sort_order: i, org_id: partyOrgIds[i] ?? null, country_code: partyOrgIds[i] ? null : p.country })))
        .execute();
    }
    const areas = [...new Set(data.areas)];
    if (areas.length) await this.db.insertInto('agreement_areas').values(areas.map((area) => ({ agreement_id: id, area }))).execute();
  }

  async deleteAgreement(id: number): Promise<void> {
    await this.db.deleteFrom('agreements').where('id', '=', id).execute();
  }

  async agreementPrograms(id: number): Promise<ProgramRef[]> {
    const { rows } = await sql<ProgramRow>`select ${PROGRAM_COLUMNS} from agreement_activities x join activities a on a.id = x.activity_id
      where x.agreement_id = ${id} order by coalesce(a.actual_start, a.planned_start), a.identifier`.execute(this.db);
    return rows.map(toProgram);
  }

  /** Adds a program; false when it was already linked. */
  async linkProgram(agreementId: number, activityId: number): Promise<boolean> {
    const existing = await this.db.selectFrom('agreement_activities').select('activity_id').where('agreement_id', '=', agreementId).where('activity_id', '=', activityId).executeTakeFirst();
    if (existing) return false;
    await this.db.insertInto('agreement_activities').values({ agreement_id: agreementId, activity_id: activityId }).execute();
    return true;
  }

  async unlinkProgram(agreementId: number, activityId: number): Promise<boolean> {
    const result = await this.db.deleteFrom('agreement_activities').where('agreement_id', '=', agreementId).where('activity_id', '=', activityId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async agreementsOfProgram(activityId: number): Promise<{ id: number; reference: string; titleEn: string; status: AgreementStatus }[]> {
    const rows = await this.db
      .selectFrom('agreement_activities as x')
      .innerJoin('agreements as g', 'g.id', 'x.agreement_id')
      .select(['g.id', 'g.reference', 'g.title_en', 'g.status'])
      .where('x.activity_id', '=', activityId)
      .orderBy('g.reference')
      .execute();
    return rows.map((r) => ({ id: r.id, reference: r.reference, titleEn: r.title_en, status: r.status as AgreementStatus }));
  }

  async listDocuments(agreementId: number, publicOnly: boolean): Promise<AgreementDocumentMeta[]> {
    let q = this.db
      .selectFrom('agreement_documents')
      .select(['id', 'agreement_id', 'title', 'version_no', 'file_name', 'content_type', 'size_bytes', 'sha256', 'is_public', 'uploaded_by', 'created_at'])
      .where('agreement_id', '=', agreementId);
    if (publicOnly) q = q.where('is_public', '=', 1);
    const rows = await q.orderBy('title_key').orderBy('version_no', 'desc').execute();
    return rows.map(toDoc);
  }

  async insertDocument(doc: { agreementId: number; title: string; fileName: string; contentType: string; sha256: string; content: Uint8Array; isPublic: boolean; uploadedBy: string; now: string }): Promise<AgreementDocumentMeta> {
    const titleKey = doc.title.trim().toLowerCase();
    const last = await this.db
      .selectFrom('agreement_documents')
      .select((eb) => eb.fn.max('version_no').as('v'))
      .where('agreement_id', '=', doc.agreementId)
      .where('title_key', '=', titleKey)
      .executeTakeFirst();
    const row = await this.db
      .insertInto('agreement_documents')
      .values({
        agreement_id: doc.agreementId,
        title: doc.title.trim(),
        title_key: titleKey,
        version_no: num(last?.v) + 1,
        file_name: doc.fileName,
        content_type: doc.contentType,
        size_bytes: doc.content.byteLength,
        sha256: doc.sha256,
        content: Buffer.from(doc.content),
        is_public: doc.isPublic ? 1 : 0,
        uploaded_by: doc.uploadedBy,
        created_at: doc.now,
      })
      .returning(['id', 'agreement_id', 'title', 'version_no', 'file_name', 'content_type', 'size_bytes', 'sha256', 'is_public', 'uploaded_by', 'created_at'])
      .executeTakeFirstOrThrow();
    return toDoc(row);
  }

  async findDocument(id: number): Promise<{ meta: AgreementDocumentMeta; content: Uint8Array } | undefined> {
    const row = await this.db.selectFrom('agreement_documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { meta: toDoc(row), content: new Uint8Array(row.content) };
  }

  async setDocumentPublic(id: number, isPublic: boolean): Promise<void> {
    await this.db.updateTable('agreement_documents').set({ is_public: isPublic ? 1 : 0 }).where('id', '=', id).execute();
  }

  /** Signed or in force, with an end of validity on or before `until` (reminders, the home page). */
  async liveAgreementsEndingBy(until: string): Promise<Agreement[]> {
    const rows = await this.agreementSelect()
      .where('g.status', 'in', ['signed', 'in_force'])
      .where('g.valid_until', 'is not', null)
      .where('g.valid_until', '<=', until)
      .orderBy('g.valid_until')
      .orderBy('g.id')
      .execute();
    return this.hydrateAgreements(rows);
  }

  async remindersSent(agreementId: number, validUntil: string): Promise<number[]> {
    const rows = await this.db.selectFrom('agreement_reminders').select('days_before').where('agreement_id', '=', agreementId).where('valid_until', '=', validUntil).execute();
    return rows.map((r) => num(r.days_before));
  }

  async recordReminders(agreementId: number, validUntil: string, daysBefore: readonly number[], now: string): Promise<void> {
    if (!daysBefore.length) return;
    await this.db.insertInto('agreement_reminders').values(daysBefore.map((d) => ({ agreement_id: agreementId, valid_until: validUntil, days_before: d, sent_at: now }))).execute();
  }

  // ---- engagements --------------------------------------------------------------------------

  private engagementSelect() {
    return this.db
      .selectFrom('engagements as e')
      .leftJoin('organisations as o', 'o.id', 'e.owner_org_id')
      .leftJoin('organisations as p', 'p.id', 'e.partner_org_id')
      .selectAll('e')
      .select(['o.code as owner_code', 'p.code as partner_code'])
      .select(sql<string | null>`coalesce(p.acronym, p.name_en)`.as('partner_name'));
  }

  private async hydrateEngagements(rows: EngagementRow[], today: string): Promise<Engagement[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [items, followUps] = await Promise.all([
      sql<Selectable<EngagementItemsTable> & Partial<ProgramRow> & { program_id: number | null }>`
        select i.*, a.id as program_id, a.identifier, a.title_en, a.title_id, a.year, coalesce(a.actual_start, a.planned_start) as start, a.lifecycle_stage, a.cooperation_type
        from engagement_items i left join activities a on a.id = i.activity_id
        where i.engagement_id in (${sql.join(ids)}) order by i.engagement_id, i.sort_order, i.id`.execute(this.db),
      this.db.selectFrom('follow_ups').selectAll().where('engagement_id', 'in', ids).orderBy('engagement_id').orderBy(sql`coalesce(due_on, '9999-12-31')`).orderBy('id').execute(),
    ]);
    const itemsOf = new Map<number, EngagementItem[]>();
    for (const i of items.rows) {
      const list = itemsOf.get(i.engagement_id) ?? [];
      list.push({
        id: i.id,
        side: i.side as ItemSide,
        kind: i.kind as ItemKind,
        description: i.description,
        flagshipArea: i.flagship_area as FlagshipArea | null,
        country: i.country_code,
        illustrative: bool(i.illustrative),
        program: i.program_id ? toProgram({ ...(i as ProgramRow), id: i.program_id }) : null,
      });
      itemsOf.set(i.engagement_id, list);
    }
    const followUpsOf = new Map<number, FollowUpRecord[]>();
    for (const f of followUps) {
      const list = followUpsOf.get(f.engagement_id) ?? [];
      list.push(toFollowUp(f, today));
      followUpsOf.set(f.engagement_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind as EngagementKind,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      place: r.place,
      country: r.country_code,
      partnerOrg: r.partner_code,
      partnerName: r.partner_name,
      counterpart: r.counterpart,
      delegation: r.delegation,
      purpose: r.purpose,
      outcome: r.outcome,
      ownerOrg: r.owner_code,
      illustrative: bool(r.illustrative),
      items: itemsOf.get(r.id) ?? [],
      followUps: followUpsOf.get(r.id) ?? [],
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: num(r.version),
    }));
  }

  async findEngagement(id: number, today: string): Promise<Engagement | undefined> {
    const row = await this.engagementSelect().where('e.id', '=', id).executeTakeFirst();
    return row ? (await this.hydrateEngagements([row], today))[0] : undefined;
  }

  async listEngagements(filter: EngagementFilter, page: number, pageSize: number, today: string): Promise<Page<Engagement>> {
    const c: RawBuilder<SqlBool>[] = [];
    if (filter.kind) c.push(sql<SqlBool>`e.kind = ${filter.kind}`);
    if (filter.partner) c.push(sql<SqlBool>`e.partner_org_id = (select id from organisations where lower(code) = ${filter.partner.toLowerCase()})`);
    if (filter.country) {
      c.push(sql<SqlBool>`(e.country_code = ${filter.country} or exists (select 1 from organisations po where po.id = e.partner_org_id and po.country_code = ${filter.country})
        or exists (select 1 from engagement_items i where i.engagement_id = e.id and i.country_code = ${filter.country}))`);
    }
    if (filter.from) c.push(sql<SqlBool>`coalesce(e.ends_on, e.starts_on) >= ${filter.from}`);
    if (filter.to) c.push(sql<SqlBool>`e.starts_on <= ${filter.to}`);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      c.push(sql<SqlBool>`(lower(e.reference) like ${pattern} escape '\\' or lower(e.title) like ${pattern} escape '\\' or lower(coalesce(e.purpose, '')) like ${pattern} escape '\\'
        or lower(coalesce(e.counterpart, '')) like ${pattern} escape '\\' or lower(coalesce(e.place, '')) like ${pattern} escape '\\'
        or exists (select 1 from engagement_items i where i.engagement_id = e.id and lower(i.description) like ${pattern} escape '\\'))`);
    }
    const w = where(c);
    const [rows, total] = await Promise.all([
      this.engagementSelect().where(w).orderBy('e.starts_on', 'desc').orderBy('e.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
      this.db.selectFrom('engagements as e').select((eb) => eb.fn.countAll().as('n')).where(w).executeTakeFirst(),
    ]);
    return { items: await this.hydrateEngagements(rows, today), total: num(total?.n), page, pageSize };
  }

  async nextEngagementReference(year: number): Promise<string> {
    return nextYearlyReference(this.db, 'engagements', 'ENG', year, ENGAGEMENT_LOCK);
  }

  async insertEngagement(data: EngagementData, orgIds: { partner: number | null; owner: number | null }, meta: { reference: string; createdBy: string; now: string }): Promise<number> {
    const row = await this.db
      .insertInto('engagements')
      .values({ reference: meta.reference, ...engagementColumns(data, orgIds), created_by: meta.createdBy, created_at: meta.now, updated_at: meta.now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateEngagement(id: number, expectedVersion: number, data: EngagementData, orgIds: { partner: number | null; owner: number | null }, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('engagements')
      .set({ ...engagementColumns(data, orgIds), updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteEngagement(id: number): Promise<void> {
    await this.db.deleteFrom('engagements').where('id', '=', id).execute();
  }

  /** Marks the engagement changed (its items or follow-ups): a new version. */
  async touchEngagement(id: number, now: string): Promise<void> {
    await this.db.updateTable('engagements').set({ updated_at: now, version: sql`version + 1` }).where('id', '=', id).execute();
  }

  async insertItem(engagementId: number, item: Omit<EngagementItem, 'id' | 'program'>): Promise<number> {
    const last = await this.db.selectFrom('engagement_items').select((eb) => eb.fn.max('sort_order').as('n')).where('engagement_id', '=', engagementId).executeTakeFirst();
    const row = await this.db
      .insertInto('engagement_items')
      .values({
        engagement_id: engagementId,
        side: item.side,
        kind: item.kind,
        description: item.description,
        flagship_area: item.flagshipArea,
        country_code: item.country,
        illustrative: item.illustrative ? 1 : 0,
        activity_id: null,
        sort_order: last?.n === null || last?.n === undefined ? 0 : num(last.n) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findItem(id: number): Promise<{ engagementId: number; activityId: number | null; position: number } | undefined> {
    const row = await this.db.selectFrom('engagement_items').select(['engagement_id', 'activity_id', 'sort_order']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const before = await this.db
      .selectFrom('engagement_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('engagement_id', '=', row.engagement_id)
      .where((eb) => eb.or([eb('sort_order', '<', row.sort_order), eb.and([eb('sort_order', '=', row.sort_order), eb('id', '<', id)])]))
      .executeTakeFirst();
    return { engagementId: row.engagement_id, activityId: row.activity_id, position: num(before?.n) + 1 };
  }

  /** Links the item to its program, unless another request linked it first. */
  async setItemProgram(id: number, activityId: number): Promise<boolean> {
    const result = await this.db.updateTable('engagement_items').set({ activity_id: activityId }).where('id', '=', id).where('activity_id', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteItem(id: number): Promise<void> {
    await this.db.deleteFrom('engagement_items').where('id', '=', id).execute();
  }

  /** The engagement items a program came from ("what came of the Mexico visit", read backwards). */
  async itemsOfProgram(activityId: number): Promise<{ engagementId: number; reference: string; title: string; startsOn: string; itemId: number; side: ItemSide; kind: ItemKind }[]> {
    const rows = await this.db
      .selectFrom('engagement_items as i')
      .innerJoin('engagements as e', 'e.id', 'i.engagement_id')
      .select(['e.id as engagement_id', 'e.reference', 'e.title', 'e.starts_on', 'i.id as item_id', 'i.side', 'i.kind'])
      .where('i.activity_id', '=', activityId)
      .execute();
    return rows.map((r) => ({ engagementId: r.engagement_id, reference: r.reference, title: r.title, startsOn: r.starts_on, itemId: r.item_id, side: r.side as ItemSide, kind: r.kind as ItemKind }));
  }

  async insertFollowUp(engagementId: number, f: { action: string; owner: string; dueOn: string | null }, now: string): Promise<number> {
    const row = await this.db
      .insertInto('follow_ups')
      .values({ engagement_id: engagementId, action: f.action, owner: f.owner, due_on: f.dueOn, status: 'open', done_on: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findFollowUp(id: number, today: string): Promise<FollowUpRecord | undefined> {
    const row = await this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFollowUp(row, today) : undefined;
  }

  async updateFollowUp(id: number, f: { action: string; owner: string; dueOn: string | null; status: FollowUpStatus; doneOn: string | null }, now: string): Promise<void> {
    await this.db.updateTable('follow_ups').set({ action: f.action, owner: f.owner, due_on: f.dueOn, status: f.status, done_on: f.doneOn, updated_at: now }).where('id', '=', id).execute();
  }

  async listFollowUps(
    filter: Omit<FollowUpListQuery, 'page' | 'pageSize'> & { ownerOrg?: string },
    page: number,
    pageSize: number,
    today: string,
  ): Promise<Page<FollowUpRecord & { engagementReference: string; engagementTitle: string; ownerOrg: string | null }>> {
    const c: RawBuilder<SqlBool>[] = [];
    if (filter.status) c.push(sql<SqlBool>`f.status = ${filter.status}`);
    if (filter.overdue === true) c.push(sql<SqlBool>`f.status = 'open' and f.due_on is not null and f.due_on < ${today}`);
    if (filter.overdue === false) c.push(sql<SqlBool>`not (f.status = 'open' and f.due_on is not null and f.due_on < ${today})`);
    if (filter.owner) c.push(sql<SqlBool>`lower(f.owner) = ${filter.owner.toLowerCase()}`);
    if (filter.ownerOrg) c.push(sql<SqlBool>`(lower(o.code) = ${filter.ownerOrg.toLowerCase()} or lower(f.owner) = ${filter.ownerOrg.toLowerCase()})`);
    const w = where(c);
    const base = this.db.selectFrom('follow_ups as f').innerJoin('engagements as e', 'e.id', 'f.engagement_id').leftJoin('organisations as o', 'o.id', 'e.owner_org_id');
    const [rows, total] = await Promise.all([
      base
        .selectAll('f')
        .select(['e.reference as engagement_reference', 'e.title as engagement_title', 'o.code as owner_org'])
        .where(w)
        .orderBy('f.sort_due')
        .orderBy('f.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll().as('n')).where(w).executeTakeFirst(),
    ]);
    return {
      items: rows.map((r) => ({ ...toFollowUp(r, today), engagementReference: r.engagement_reference, engagementTitle: r.engagement_title, ownerOrg: r.owner_org })),
      total: num(total?.n),
      page,
      pageSize,
    };
  }

  // ---- partners -----------------------------------------------------------------------------

  async contacts(orgId: number): Promise<PartnerContact[]> {
    const rows = await this.db.selectFrom('partner_contacts').selectAll().where('org_id', '=', orgId).orderBy('sort_order').execute();
    return rows.map((r) => ({ name: r.name, position: r.position, email: r.email, phone: r.phone }));
  }

  async replaceContacts(orgId: number, contacts: readonly PartnerContact[]): Promise<void> {
    await this.db.deleteFrom('partner_contacts').where('org_id', '=', orgId).execute();
    if (contacts.length) {
      await this.db
        .insertInto('partner_contacts')
        .values(contacts.map((c, i) => ({ org_id: orgId, name: c.name, position: c.position, email: c.email, phone: c.phone, sort_order: i })))
        .execute();
    }
  }

  async profile(orgId: number): Promise<{ website: string | null; notes: string | null }> {
    const row = await this.db.selectFrom('organisations').select(['website', 'notes']).where('id', '=', orgId).executeTakeFirst();
    return { website: row?.website ?? null, notes: row?.notes ?? null };
  }

  async setProfile(orgId: number, profile: { website: string | null; notes: string | null }, now: string): Promise<void> {
    await this.db.updateTable('organisations').set({ website: profile.website, notes: profile.notes, updated_at: now }).where('id', '=', orgId).execute();
  }

  /**
   * Partner organisations (kinds partner and multilateral, and any organisation in a program as
   * second provider or facilitator, or party to an agreement, or counterpart of an engagement),
   * with their counts. Programs count in the published stages, as the reports count them; the
   * agreements in the statuses given (all when null), engagements only when they are shown.
   */
  async listPartners(
    query: PartnerListQuery,
    stages: readonly LifecycleStage[],
    shown: { agreementStatuses: readonly AgreementStatus[] | null; engagements: boolean } = { agreementStatuses: null, engagements: true },
  ): Promise<PartnerSummary[]> {
    const since = query.since ?? 0;
    const upTo = query.upTo ?? 9999;
    const c: RawBuilder<SqlBool>[] = [];
    if (query.country) c.push(sql<SqlBool>`o.country_code = ${query.country}`);
    if (query.q) {
      const pattern = likePattern(query.q);
      c.push(sql<SqlBool>`(lower(o.code) like ${pattern} escape '\\' or lower(o.name_en) like ${pattern} escape '\\' or lower(coalesce(o.name_id, '')) like ${pattern} escape '\\' or lower(coalesce(o.acronym, '')) like ${pattern} escape '\\')`);
    }
    const agreementShown = shown.agreementStatuses ? sql`and exists (select 1 from agreements g where g.id = gp.agreement_id and g.status in (${sql.join([...shown.agreementStatuses])}))` : sql``;
    const involved = sql<SqlBool>`(o.kind in ('partner', 'multilateral')
      or exists (select 1 from activity_partners ap where ap.org_id = o.id and ap.ssc_role in ('second_provider', 'facilitator'))
      or exists (select 1 from agreement_parties gp where gp.org_id = o.id ${agreementShown})
      ${shown.engagements ? sql`or exists (select 1 from engagements e where e.partner_org_id = o.id)` : sql``})`;
    if (!query.all) c.push(involved);
    const { rows } = await sql<{
      code: string;
      name_en: string;
      name_id: string | null;
      acronym: string | null;
      kind: string;
      country_code: string | null;
      programs: unknown;
      triangular: unknown;
      in_range: unknown;
      agreements: unknown;
      engagements: unknown;
      last_engagement: string | null;
    }>`
      with pa as (
        select distinct ap.org_id, a.id, a.cooperation_type, a.year
        from activity_partners ap join activities a on a.id = ap.activity_id
        where ap.ssc_role <> 'recipient' and a.lifecycle_stage in (${sql.join([...stages])})
      ),
      counts as (
        select org_id, count(*) as programs,
          sum(case when cooperation_type = 'triangular' then 1 else 0 end) as triangular,
          sum(case when cooperation_type = 'triangular' and year between ${since} and ${upTo} then 1 else 0 end) as in_range
        from pa group by org_id
      )
      select o.code, o.name_en, o.name_id, o.acronym, o.kind, o.country_code,
        coalesce(c.programs, 0) as programs, coalesce(c.triangular, 0) as triangular, coalesce(c.in_range, 0) as in_range,
        (select count(distinct gp.agreement_id) from agreement_parties gp where gp.org_id = o.id ${agreementShown}) as agreements,
        (select count(*) from engagements e where e.partner_org_id = o.id) as engagements,
        (select max(e.starts_on) from engagements e where e.partner_org_id = o.id) as last_engagement
      from organisations o left join counts c on c.org_id = o.id
      where ${where(c)}
      order by coalesce(c.triangular, 0) desc, lower(o.name_en), o.code`.execute(this.db);
    return rows.map((r) => ({
      code: r.code,
      nameEn: r.name_en,
      nameId: r.name_id,
      acronym: r.acronym,
      kind: r.kind as OrganisationKind,
      country: r.country_code,
      programs: num(r.programs),
      triangular: num(r.triangular),
      triangularInRange: num(r.in_range),
      agreements: num(r.agreements),
      engagements: num(r.engagements),
      lastEngagement: r.last_engagement,
    }));
  }

  /** Triangular programs in the years, each counted once however many partners it has. */
  async triangularTotal(since: number, upTo: number, stages: readonly LifecycleStage[]): Promise<number> {
    const row = await this.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('cooperation_type', '=', 'triangular')
      .where('lifecycle_stage', 'in', [...stages])
      .where('year', '>=', since)
      .where('year', '<=', upTo)
      .executeTakeFirst();
    return num(row?.n);
  }

  // ---- timeline -----------------------------------------------------------------------------

  /**
   * Engagements, agreements and programs of a partner organisation or of a country, on one axis.
   * A partner's programs are those it takes part in and those that came of its engagements. A
   * country's are those held there or with its organisations, its agreements as a party (or its
   * organisations'), and the programs it received or its organisations took part in.
   */
  async timeline(scope: { orgId: number } | { country: string }, options: { agreementStatuses: readonly AgreementStatus[] | null; stages: readonly LifecycleStage[] | null; engagements: boolean }): Promise<TimelineEntry[]> {
    const byOrg = 'orgId' in scope;
    const engagementWhere = byOrg
      ? sql`e.partner_org_id = ${scope.orgId}`
      : sql`(e.country_code = ${scope.country} or po.country_code = ${scope.country} or exists (select 1 from engagement_items i where i.engagement_id = e.id and i.country_code = ${scope.country}))`;
    const agreementWhere = byOrg
      ? sql`exists (select 1 from agreement_parties gp where gp.agreement_id = g.id and gp.org_id = ${scope.orgId})`
      : sql`exists (select 1 from agreement_parties gp left join organisations go on go.id = gp.org_id where gp.agreement_id = g.id and (gp.country_code = ${scope.country} or go.country_code = ${scope.country}))`;
    // The programs' ids first (from the indexes on partners and recipients), then their rows.
    const programWhere = byOrg
      ? sql`a.id in (select ap.activity_id from activity_partners ap where ap.org_id = ${scope.orgId}
          union select i.activity_id from engagement_items i join engagements e on e.id = i.engagement_id where e.partner_org_id = ${scope.orgId} and i.activity_id is not null)`
      : sql`a.id in (select r.activity_id from activity_recipients r where r.country_code = ${scope.country}
          union select ap.activity_id from activity_partners ap join organisations ao on ao.id = ap.org_id where ao.country_code = ${scope.country})`;
    const statusFilter = options.agreementStatuses ? sql`and g.status in (${sql.join([...options.agreementStatuses])})` : sql``;
    const stageFilter = options.stages ? sql`and a.lifecycle_stage in (${sql.join([...options.stages])})` : sql``;
    const [engagements, agreements, programs] = await Promise.all([
      options.engagements
        ? sql<{ id: number; reference: string; title: string; starts_on: string; kind: string; partner: string | null; country_code: string | null }>`
            select e.id, e.reference, e.title, e.starts_on, e.kind, po.code as partner, e.country_code
            from engagements e left join organisations po on po.id = e.partner_org_id where ${engagementWhere}`.execute(this.db)
        : Promise.resolve({ rows: [] }),
      sql<{ id: number; reference: string; title_en: string; title_id: string | null; day: string; status: string }>`
        select g.id, g.reference, g.title_en, g.title_id, coalesce(g.signed_on, g.valid_from, substr(g.created_at, 1, 10)) as day, g.status
        from agreements g where ${agreementWhere} ${statusFilter}`.execute(this.db),
      sql<{ id: number; identifier: string; title_en: string | null; title_id: string | null; day: string | null; year: unknown; lifecycle_stage: string; from_engagement: string | null }>`
        select a.id, a.identifier, a.title_en, a.title_id, coalesce(a.actual_start, a.planned_start, substr(a.created_at, 1, 10)) as day, a.year, a.lifecycle_stage,
          ${options.engagements ? sql`fe.reference` : sql`null`} as from_engagement
        from activities a
        -- Computed once, not per program: a correlated subquery here made SQLite scan every
        -- engagement for each program once its statistics said most items have no program.
        left join (select i.activity_id, min(e.reference) as reference from engagement_items i join engagements e on e.id = i.engagement_id
          where i.activity_id is not null group by i.activity_id) fe on fe.activity_id = a.id
        where ${programWhere} ${stageFilter}`.execute(this.db),
    ]);
    const country = byOrg ? null : scope.country;
    return [
      ...engagements.rows.map((e) => ({ date: e.starts_on, kind: 'engagement' as const, id: e.id, reference: e.reference, title: e.title, titleId: null, status: e.kind, partner: e.partner, country: e.country_code, fromEngagement: null })),
      ...agreements.rows.map((g) => ({ date: g.day, kind: 'agreement' as const, id: g.id, reference: g.reference, title: g.title_en, titleId: g.title_id, status: g.status, partner: null, country, fromEngagement: null })),
      ...programs.rows.map((a) => ({
        date: a.day ?? `${num(a.year)}-01-01`,
        kind: 'program' as const,
        id: a.id,
        reference: a.identifier,
        title: a.title_en ?? a.title_id ?? a.identifier,
        titleId: a.title_id,
        status: a.lifecycle_stage,
        partner: null,
        country,
        fromEngagement: a.from_engagement,
      })),
    ];
  }
}

function agreementColumns(d: AgreementData, ownerOrgId: number | null) {
  return {
    kind: d.kind,
    title_en: d.titleEn,
    title_id: d.titleId,
    subject: d.subject,
    status: d.status,
    signed_on: d.signedOn,
    valid_from: d.validFrom,
    valid_until: d.validUntil,
    owner_org_id: ownerOrgId,
    illustrative: d.illustrative ? 1 : 0,
  };
}

function engagementColumns(d: EngagementData, orgIds: { partner: number | null; owner: number | null }) {
  return {
    kind: d.kind,
    title: d.title,
    starts_on: d.startsOn,
    ends_on: d.endsOn,
    place: d.place,
    country_code: d.country,
    partner_org_id: orgIds.partner,
    counterpart: d.counterpart,
    delegation: d.delegation,
    purpose: d.purpose,
    outcome: d.outcome,
    owner_org_id: orgIds.owner,
    illustrative: d.illustrative ? 1 : 0,
  };
}
