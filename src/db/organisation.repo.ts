import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { organisationKinds } from '../domain/codes.js';
import type { Organisation, OrganisationData } from '../domain/organisation/organisation.js';
import type { OrganisationRepository } from '../services/organisations.ports.js';
import { bool, likePattern, num } from './sql-helpers.js';
import type { Database, OrganisationsTable } from './schema.js';

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    code: row.code,
    nameEn: row.name_en,
    nameId: row.name_id,
    acronym: row.acronym,
    type: row.type,
    countryCode: row.country_code,
    kind: row.kind,
    illustrative: bool(row.illustrative),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(d: OrganisationData, now: string) {
  return {
    code: d.code,
    name_en: d.nameEn,
    name_id: d.nameId,
    acronym: d.acronym,
    type: d.type,
    country_code: d.countryCode,
    kind: d.kind,
    illustrative: d.illustrative ? 1 : 0,
    updated_at: now,
  };
}

const byCode = (code: string) => sql<SqlBool>`lower(code) = ${code.toLowerCase()}`;

export class OrganisationRepo implements OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByCode(code: string): Promise<Organisation | undefined> {
    const row = await this.db.selectFrom('organisations').selectAll().where(byCode(code)).executeTakeFirst();
    return row ? toOrganisation(row) : undefined;
  }

  async findByName(text: string): Promise<Organisation | undefined> {
    const name = text.trim().toLowerCase();
    const rows = await this.db
      .selectFrom('organisations')
      .selectAll()
      .where(
        sql<SqlBool>`lower(code) = ${name} or lower(coalesce(acronym, '')) = ${name} or lower(name_en) = ${name} or lower(coalesce(name_id, '')) = ${name}`,
      )
      .orderBy('id')
      .execute();
    // A code match wins over a name match (a code is unique, a name may not be).
    const byCode = rows.find((r) => r.code.toLowerCase() === name);
    const row = byCode ?? rows[0];
    return row ? toOrganisation(row) : undefined;
  }

  async existingCodes(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisations')
      .select('code')
      .where(sql<SqlBool>`lower(code) in (${sql.join(codes.map((c) => c.toLowerCase()))})`)
      .execute();
    return new Map(rows.map((r) => [r.code.toLowerCase(), r.code]));
  }

  async list(filter: { kind?: string; q?: string }): Promise<Organisation[]> {
    let query = this.db.selectFrom('organisations').selectAll();
    if (filter.kind) {
      if (!organisationKinds.is(filter.kind)) return []; // no organisation is of a kind that is not one
      query = query.where('kind', '=', filter.kind);
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where(
        sql<SqlBool>`(lower(code) like ${pattern} escape '\\' or lower(name_en) like ${pattern} escape '\\'
          or lower(coalesce(name_id, '')) like ${pattern} escape '\\' or lower(coalesce(acronym, '')) like ${pattern} escape '\\')`,
      );
    }
    const rows = await query.orderBy('name_en').orderBy('id').execute();
    return rows.map(toOrganisation);
  }

  async insert(data: OrganisationData, now: string): Promise<number> {
    const row = await this.db
      .insertInto('organisations')
      .values({ ...columns(data, now), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(code: string, data: OrganisationData, now: string): Promise<boolean> {
    const result = await this.db.updateTable('organisations').set(columns(data, now)).where(byCode(code)).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(code: string): Promise<boolean> {
    const result = await this.db.deleteFrom('organisations').where(byCode(code)).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async usageCount(code: string): Promise<number> {
    const row = await this.db
      .selectFrom('organisations as o')
      .where(sql<SqlBool>`lower(o.code) = ${code.toLowerCase()}`)
      .select([
        sql<number>`(select count(*) from activities a where a.implementing_org_id = o.id)
          + (select count(*) from activity_partners p where p.org_id = o.id)`.as('n'),
      ])
      .executeTakeFirst();
    return num(row?.n);
  }
}
