/**
 * Engagements (docs/partnerships.md) with the offers and requests made at them (items, and the
 * programs they became) and their follow-ups. Organisations are stored by id and handed out by code.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { isOverdue } from '../domain/partnership/engagement.js';
import type { Engagement, EngagementData, EngagementItem, FollowUpRecord, FollowUpRow } from '../domain/partnership/partnership.js';
import type { EngagementFilter } from '../domain/partnership/partnership.schema.js';
import type { Page } from '../domain/program/program-query.js';
import type {
  EngagementOrgIds,
  EngagementRepository,
  FollowUpChange,
  FollowUpFilter,
  ItemPlace,
  NewEngagementMeta,
  NewFollowUp,
  NewItem,
  ProgramEngagementItem,
} from '../services/engagements.ports.js';
import { toProgramRef, type ProgramRefRow } from './program-ref.js';
import { allOf, bool, groupByParent, likePattern, nextYearlyReference, num, pageOf } from './sql-helpers.js';
import type { Database, EngagementItemsTable, EngagementsTable, FollowUpsTable } from './schema.js';

/** Serialises the numbering of concurrent registrations on PostgreSQL (an arbitrary constant). */
const ENGAGEMENT_LOCK = 7_261_131;

type EngagementRow = Selectable<EngagementsTable> & { owner_code: string | null; partner_code: string | null; partner_name: string | null };
/** An item with the program it became, whose columns are all null when it became none. */
type ItemRow = Selectable<EngagementItemsTable> & ({ program_id: null } | ({ program_id: number } & Omit<ProgramRefRow, 'id'>));

function toItem(i: ItemRow): EngagementItem {
  return {
    id: i.id,
    side: i.side,
    kind: i.kind,
    description: i.description,
    descriptionId: i.description_id,
    flagshipArea: i.flagship_area,
    country: i.country_code,
    illustrative: bool(i.illustrative),
    program: i.program_id === null ? null : toProgramRef({ ...i, id: i.program_id }),
  };
}

function toFollowUp(r: Selectable<FollowUpsTable>, today: string): FollowUpRecord {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    programId: r.activity_id,
    action: r.action,
    actionId: r.action_id,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    doneOn: r.done_on,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on }, today),
  };
}

function engagementColumns(d: EngagementData, orgIds: EngagementOrgIds) {
  return {
    kind: d.kind,
    title: d.title,
    title_id: d.titleId,
    purpose_id: d.purposeId,
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

function listConditions(filter: EngagementFilter): RawBuilder<SqlBool>[] {
  const c: RawBuilder<SqlBool>[] = [];
  if (filter.kind) c.push(sql<SqlBool>`e.kind = ${filter.kind}`);
  if (filter.partner)
    c.push(sql<SqlBool>`e.partner_org_id = (select id from organisations where lower(code) = ${filter.partner.toLowerCase()})`);
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
  return c;
}

function followUpConditions(filter: FollowUpFilter, today: string): RawBuilder<SqlBool>[] {
  const c: RawBuilder<SqlBool>[] = [];
  if (filter.status) c.push(sql<SqlBool>`f.status = ${filter.status}`);
  if (filter.overdue === true) c.push(sql<SqlBool>`f.status = 'open' and f.due_on is not null and f.due_on < ${today}`);
  if (filter.overdue === false) c.push(sql<SqlBool>`not (f.status = 'open' and f.due_on is not null and f.due_on < ${today})`);
  if (filter.owner) c.push(sql<SqlBool>`lower(f.owner) = ${filter.owner.toLowerCase()}`);
  if (filter.ownerOrg)
    c.push(sql<SqlBool>`(lower(o.code) = ${filter.ownerOrg.toLowerCase()} or lower(f.owner) = ${filter.ownerOrg.toLowerCase()})`);
  return c;
}

export class EngagementRepo implements EngagementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom('engagements as e')
      .leftJoin('organisations as o', 'o.id', 'e.owner_org_id')
      .leftJoin('organisations as p', 'p.id', 'e.partner_org_id')
      .selectAll('e')
      .select(['o.code as owner_code', 'p.code as partner_code'])
      .select(sql<string | null>`coalesce(p.acronym, p.name_en)`.as('partner_name'));
  }

  private async hydrate(rows: EngagementRow[], today: string): Promise<Engagement[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [items, followUps] = await Promise.all([
      sql<ItemRow>`
        select i.*, a.id as program_id, a.identifier, a.title_en, a.title_id, a.year, coalesce(a.actual_start, a.planned_start) as start, a.lifecycle_stage, a.cooperation_type
        from engagement_items i left join activities a on a.id = i.activity_id
        where i.engagement_id in (${sql.join(ids)}) order by i.engagement_id, i.sort_order, i.id`.execute(this.db),
      this.db
        .selectFrom('follow_ups')
        .selectAll()
        .where('engagement_id', 'in', ids)
        .orderBy('engagement_id')
        .orderBy(sql`coalesce(due_on, '9999-12-31')`)
        .orderBy('id')
        .execute(),
    ]);
    const itemsOf = groupByParent(items.rows, (i) => i.engagement_id, toItem);
    const followUpsOf = groupByParent(
      followUps,
      // Selected by engagement_id just above: never null here.
      (f) => f.engagement_id ?? 0,
      (f) => toFollowUp(f, today),
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      title: r.title,
      titleId: r.title_id,
      purposeId: r.purpose_id,
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

  async findById(id: number, today: string): Promise<Engagement | undefined> {
    const row = await this.select().where('e.id', '=', id).executeTakeFirst();
    return row ? (await this.hydrate([row], today))[0] : undefined;
  }

  async list(filter: EngagementFilter, page: number, pageSize: number, today: string): Promise<Page<Engagement>> {
    const w = allOf(listConditions(filter));
    return pageOf(
      this.select().where(w).orderBy('e.starts_on', 'desc').orderBy('e.id', 'desc'),
      this.db
        .selectFrom('engagements as e')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(w),
      page,
      pageSize,
      (rows) => this.hydrate(rows, today),
    );
  }

  async nextReference(year: number): Promise<string> {
    return nextYearlyReference(this.db, 'engagements', 'ENG', year, ENGAGEMENT_LOCK);
  }

  async insert(data: EngagementData, orgIds: EngagementOrgIds, meta: NewEngagementMeta): Promise<number> {
    const row = await this.db
      .insertInto('engagements')
      .values({
        reference: meta.reference,
        ...engagementColumns(data, orgIds),
        created_by: meta.createdBy,
        created_at: meta.now,
        updated_at: meta.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, expectedVersion: number, data: EngagementData, orgIds: EngagementOrgIds, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('engagements')
      .set({ ...engagementColumns(data, orgIds), updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('engagements').where('id', '=', id).execute();
  }

  async touch(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('engagements')
      .set({ updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  }

  // ---- items --------------------------------------------------------------------------------

  async insertItem(engagementId: number, item: NewItem): Promise<number> {
    const last = await this.db
      .selectFrom('engagement_items')
      .select((eb) => eb.fn.max('sort_order').as('n'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    const row = await this.db
      .insertInto('engagement_items')
      .values({
        engagement_id: engagementId,
        side: item.side,
        kind: item.kind,
        description: item.description,
        description_id: item.descriptionId,
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

  async findItem(id: number): Promise<ItemPlace | undefined> {
    const row = await this.db
      .selectFrom('engagement_items')
      .select(['engagement_id', 'activity_id', 'sort_order'])
      .where('id', '=', id)
      .executeTakeFirst();
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
    const result = await this.db
      .updateTable('engagement_items')
      .set({ activity_id: activityId })
      .where('id', '=', id)
      .where('activity_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteItem(id: number): Promise<void> {
    await this.db.deleteFrom('engagement_items').where('id', '=', id).execute();
  }

  async itemsOfProgram(activityId: number): Promise<ProgramEngagementItem[]> {
    const rows = await this.db
      .selectFrom('engagement_items as i')
      .innerJoin('engagements as e', 'e.id', 'i.engagement_id')
      .select(['e.id as engagement_id', 'e.reference', 'e.title', 'e.starts_on', 'i.id as item_id', 'i.side', 'i.kind'])
      .where('i.activity_id', '=', activityId)
      .execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      reference: r.reference,
      title: r.title,
      startsOn: r.starts_on,
      itemId: r.item_id,
      side: r.side,
      kind: r.kind,
    }));
  }

  // ---- follow-ups ---------------------------------------------------------------------------

  async insertFollowUp(engagementId: number, f: NewFollowUp, now: string): Promise<number> {
    const row = await this.db
      .insertInto('follow_ups')
      .values({
        engagement_id: engagementId,
        action: f.action,
        action_id: f.actionId,
        owner: f.owner,
        due_on: f.dueOn,
        status: 'open',
        done_on: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findFollowUp(id: number, today: string): Promise<FollowUpRecord | undefined> {
    const row = await this.db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFollowUp(row, today) : undefined;
  }

  async updateFollowUp(id: number, f: FollowUpChange, now: string): Promise<void> {
    await this.db
      .updateTable('follow_ups')
      .set({
        action: f.action,
        action_id: f.actionId,
        owner: f.owner,
        due_on: f.dueOn,
        status: f.status,
        done_on: f.doneOn,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async listFollowUps(filter: FollowUpFilter, page: number, pageSize: number, today: string): Promise<Page<FollowUpRow>> {
    const w = allOf(followUpConditions(filter, today));
    // A follow-up comes from an engagement (its owning agency) or from a program's evaluation (its implementing agency).
    const base = this.db
      .selectFrom('follow_ups as f')
      .leftJoin('engagements as e', 'e.id', 'f.engagement_id')
      .leftJoin('activities as a', 'a.id', 'f.activity_id')
      .leftJoin('organisations as o', (j) => j.on(sql<SqlBool>`o.id = coalesce(e.owner_org_id, a.implementing_org_id)`));
    return pageOf(
      base
        .selectAll('f')
        .select([
          'e.reference as engagement_reference',
          'e.title as engagement_title',
          'e.title_id as engagement_title_id',
          'o.code as owner_org',
          'a.identifier as program_identifier',
          'a.title_en as program_title_en',
          'a.title_id as program_title_id',
        ])
        .where(w)
        .orderBy('f.sort_due')
        .orderBy('f.id'),
      base.select((eb) => eb.fn.countAll().as('n')).where(w),
      page,
      pageSize,
      (rows) =>
        rows.map((r) => ({
          ...toFollowUp(r, today),
          engagementReference: r.engagement_reference,
          engagementTitle: r.engagement_title,
          engagementTitleId: r.engagement_title_id,
          ownerOrg: r.owner_org,
          programIdentifier: r.program_identifier,
          programTitleEn: r.program_title_en,
          programTitleId: r.program_title_id,
        })),
    );
  }
}
