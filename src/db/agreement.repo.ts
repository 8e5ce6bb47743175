/**
 * Agreements (docs/partnerships.md) with their parties, areas, programs, versioned documents and
 * the renewal reminders sent. Organisations are stored by id and handed out by code.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { PUBLISHED_STAGES } from '../domain/access/policy.js';
import type { FlagshipArea } from '../domain/codes.js';
import { addDays } from '../domain/dates.js';
import { PUBLIC_AGREEMENT_STATUSES } from '../domain/partnership/agreement.js';
import type { Agreement, AgreementData, AgreementDocumentMeta, AgreementParty, ProgramRef } from '../domain/partnership/partnership.js';
import type { Page } from '../domain/program/program-query.js';
import type {
  AgreementDocumentFile,
  AgreementOrgIds,
  AgreementRepository,
  AgreementScope,
  NewAgreementDocument,
  NewAgreementMeta,
  ProgramAgreement,
} from '../services/agreements.ports.js';
import { PROGRAM_COLUMNS, toProgramRef, type ProgramRefRow } from './program-ref.js';
import { allOf, bool, groupByParent, likePattern, nextYearlyReference, num, pageOf } from './sql-helpers.js';
import type { AgreementDocumentsTable, AgreementsTable, Database } from './schema.js';

/** Serialises the numbering of concurrent registrations on PostgreSQL (an arbitrary constant). */
const AGREEMENT_LOCK = 7_261_130;

type AgreementRow = Selectable<AgreementsTable> & { owner_code: string | null; programs: unknown; documents: unknown };
type DocRow = Omit<Selectable<AgreementDocumentsTable>, 'content' | 'title_key'>;

const DOC_COLUMNS = [
  'id',
  'agreement_id',
  'title',
  'version_no',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'is_public',
  'uploaded_by',
  'created_at',
] as const;

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

function agreementColumns(d: AgreementData, ownerOrgId: number | null) {
  return {
    kind: d.kind,
    title_en: d.titleEn,
    title_id: d.titleId,
    subject: d.subject,
    subject_id: d.subjectId,
    status: d.status,
    signed_on: d.signedOn,
    valid_from: d.validFrom,
    valid_until: d.validUntil,
    owner_org_id: ownerOrgId,
    illustrative: d.illustrative ? 1 : 0,
  };
}

const hasEnd = (a: Agreement): a is Agreement & { readonly validUntil: string } => a.validUntil !== null;

export class AgreementRepo implements AgreementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Agreements with their counts of programs and documents: for the public, published programs and public documents only. */
  private select(publicOnly = false) {
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

  private async hydrate(rows: AgreementRow[]): Promise<Agreement[]> {
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
    const partiesOf = groupByParent(
      parties,
      (p) => p.agreement_id,
      (p): AgreementParty => ({ org: p.code ?? null, orgName: p.code ? (p.acronym ?? p.name_en ?? null) : null, country: p.country_code }),
    );
    const areasOf = groupByParent(
      areas,
      (a) => a.agreement_id,
      (a): FlagshipArea => a.area,
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      titleEn: r.title_en,
      titleId: r.title_id,
      subject: r.subject,
      subjectId: r.subject_id,
      status: r.status,
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

  async findById(id: number): Promise<Agreement | undefined> {
    const row = await this.select().where('g.id', '=', id).executeTakeFirst();
    return row ? (await this.hydrate([row]))[0] : undefined;
  }

  private conditions(filter: AgreementScope): RawBuilder<SqlBool>[] {
    const c: RawBuilder<SqlBool>[] = [];
    if (filter.publicOnly) c.push(sql<SqlBool>`g.status in (${sql.join([...PUBLIC_AGREEMENT_STATUSES])})`);
    if (filter.status) c.push(filter.status.length ? sql<SqlBool>`g.status in (${sql.join(filter.status)})` : sql<SqlBool>`1 = 0`);
    if (filter.kind) c.push(sql<SqlBool>`g.kind = ${filter.kind}`);
    if (filter.area) c.push(sql<SqlBool>`exists (select 1 from agreement_areas x where x.agreement_id = g.id and x.area = ${filter.area})`);
    if (filter.partner) {
      c.push(
        sql<SqlBool>`exists (select 1 from agreement_parties p join organisations po on po.id = p.org_id where p.agreement_id = g.id and lower(po.code) = ${filter.partner.toLowerCase()})`,
      );
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

  async list(scope: AgreementScope, page: number, pageSize: number): Promise<Page<Agreement>> {
    const w = allOf(this.conditions(scope));
    return pageOf(
      this.select(scope.publicOnly).where(w).orderBy('g.sort_on', 'desc').orderBy('g.id', 'desc'),
      this.db
        .selectFrom('agreements as g')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(w),
      page,
      pageSize,
      (rows) => this.hydrate(rows),
    );
  }

  async nextReference(year: number): Promise<string> {
    return nextYearlyReference(this.db, 'agreements', 'AGR', year, AGREEMENT_LOCK);
  }

  async insert(data: AgreementData, orgIds: AgreementOrgIds, meta: NewAgreementMeta): Promise<number> {
    const row = await this.db
      .insertInto('agreements')
      .values({
        reference: meta.reference,
        ...agreementColumns(data, orgIds.owner),
        created_by: meta.createdBy,
        created_at: meta.now,
        updated_at: meta.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceLists(row.id, data, orgIds.parties);
    return row.id;
  }

  async update(id: number, expectedVersion: number, data: AgreementData, orgIds: AgreementOrgIds, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('agreements')
      .set({ ...agreementColumns(data, orgIds.owner), updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await this.replaceLists(id, data, orgIds.parties);
    return true;
  }

  private async replaceLists(id: number, data: AgreementData, partyOrgIds: readonly (number | null)[]): Promise<void> {
    await this.db.deleteFrom('agreement_parties').where('agreement_id', '=', id).execute();
    await this.db.deleteFrom('agreement_areas').where('agreement_id', '=', id).execute();
    if (data.parties.length) {
      await this.db
        .insertInto('agreement_parties')
        .values(
          data.parties.map((p, i) => ({
            agreement_id: id,
            sort_order: i,
            org_id: partyOrgIds[i] ?? null,
            country_code: partyOrgIds[i] ? null : p.country,
          })),
        )
        .execute();
    }
    const areas = [...new Set(data.areas)];
    if (areas.length)
      await this.db
        .insertInto('agreement_areas')
        .values(areas.map((area) => ({ agreement_id: id, area })))
        .execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('agreements').where('id', '=', id).execute();
  }

  async programs(id: number): Promise<ProgramRef[]> {
    const { rows } =
      await sql<ProgramRefRow>`select ${PROGRAM_COLUMNS} from agreement_activities x join activities a on a.id = x.activity_id
      where x.agreement_id = ${id} order by coalesce(a.actual_start, a.planned_start), a.identifier`.execute(this.db);
    return rows.map(toProgramRef);
  }

  async linkProgram(agreementId: number, activityId: number): Promise<boolean> {
    const existing = await this.db
      .selectFrom('agreement_activities')
      .select('activity_id')
      .where('agreement_id', '=', agreementId)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    if (existing) return false;
    await this.db.insertInto('agreement_activities').values({ agreement_id: agreementId, activity_id: activityId }).execute();
    return true;
  }

  async unlinkProgram(agreementId: number, activityId: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('agreement_activities')
      .where('agreement_id', '=', agreementId)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async ofProgram(activityId: number): Promise<ProgramAgreement[]> {
    const rows = await this.db
      .selectFrom('agreement_activities as x')
      .innerJoin('agreements as g', 'g.id', 'x.agreement_id')
      .select(['g.id', 'g.reference', 'g.title_en', 'g.status'])
      .where('x.activity_id', '=', activityId)
      .orderBy('g.reference')
      .execute();
    return rows.map((r) => ({ id: r.id, reference: r.reference, titleEn: r.title_en, status: r.status }));
  }

  async listDocuments(agreementId: number, publicOnly: boolean): Promise<AgreementDocumentMeta[]> {
    let q = this.db.selectFrom('agreement_documents').select(DOC_COLUMNS).where('agreement_id', '=', agreementId);
    if (publicOnly) q = q.where('is_public', '=', 1);
    const rows = await q.orderBy('title_key').orderBy('version_no', 'desc').execute();
    return rows.map(toDoc);
  }

  async insertDocument(doc: NewAgreementDocument): Promise<AgreementDocumentMeta> {
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
      .returning(DOC_COLUMNS)
      .executeTakeFirstOrThrow();
    return toDoc(row);
  }

  async findDocument(id: number): Promise<AgreementDocumentFile | undefined> {
    const row = await this.db.selectFrom('agreement_documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { meta: toDoc(row), content: new Uint8Array(row.content) };
  }

  async setDocumentPublic(id: number, isPublic: boolean): Promise<void> {
    await this.db
      .updateTable('agreement_documents')
      .set({ is_public: isPublic ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  }

  async liveEndingBy(until: string): Promise<(Agreement & { readonly validUntil: string })[]> {
    const rows = await this.select()
      .where('g.status', 'in', ['signed', 'in_force'])
      .where('g.valid_until', 'is not', null)
      .where('g.valid_until', '<=', until)
      .orderBy('g.valid_until')
      .orderBy('g.id')
      .execute();
    return (await this.hydrate(rows)).filter(hasEnd);
  }

  async remindersSent(agreementId: number, validUntil: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('agreement_reminders')
      .select('days_before')
      .where('agreement_id', '=', agreementId)
      .where('valid_until', '=', validUntil)
      .execute();
    return rows.map((r) => num(r.days_before));
  }

  async recordReminders(agreementId: number, validUntil: string, daysBefore: readonly number[], now: string): Promise<void> {
    if (!daysBefore.length) return;
    await this.db
      .insertInto('agreement_reminders')
      .values(daysBefore.map((d) => ({ agreement_id: agreementId, valid_until: validUntil, days_before: d, sent_at: now })))
      .execute();
  }
}
