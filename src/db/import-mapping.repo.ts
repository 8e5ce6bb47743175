import type { Kysely, Selectable } from 'kysely';
import { isPlainObject } from '../domain/guards.js';
import type { ColumnMapping } from '../domain/import/column-mapping.js';
import type { MappableKind } from '../domain/import/column-suggestions.js';
import type { ImportMappingRepository, ImportMappingWrite, SavedImportMapping } from '../services/import-mappings.ports.js';
import type { Database, ImportMappingsTable } from './schema.js';

function parseHeaders(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : [];
}

function parseMapping(json: string): ColumnMapping {
  const value: unknown = JSON.parse(json);
  if (!isPlainObject(value)) return {};
  const mapping: Record<string, string | null> = {};
  for (const [header, field] of Object.entries(value)) mapping[header] = typeof field === 'string' ? field : null;
  return mapping;
}

function toMapping(r: Selectable<ImportMappingsTable>): SavedImportMapping {
  return {
    id: r.id,
    orgCode: r.org_code,
    kind: r.kind,
    headerKey: r.header_key,
    headers: parseHeaders(r.headers),
    mapping: parseMapping(r.mapping),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export class ImportMappingRepo implements ImportMappingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(orgCode: string, kind?: MappableKind): Promise<SavedImportMapping[]> {
    let query = this.db.selectFrom('import_mappings').selectAll().where('org_code', '=', orgCode);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toMapping);
  }

  async find(orgCode: string, kind: MappableKind, headerKey: string): Promise<SavedImportMapping | undefined> {
    const row = await this.db
      .selectFrom('import_mappings')
      .selectAll()
      .where('org_code', '=', orgCode)
      .where('kind', '=', kind)
      .where('header_key', '=', headerKey)
      .executeTakeFirst();
    return row && toMapping(row);
  }

  async findById(id: number): Promise<SavedImportMapping | undefined> {
    const row = await this.db.selectFrom('import_mappings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMapping(row);
  }

  async save(write: ImportMappingWrite, now: string): Promise<SavedImportMapping> {
    const values = {
      headers: JSON.stringify(write.headers),
      mapping: JSON.stringify(write.mapping),
      updated_at: now,
      updated_by: write.updatedBy,
    };
    const row = await this.db
      .insertInto('import_mappings')
      .values({ org_code: write.orgCode, kind: write.kind, header_key: write.headerKey, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['org_code', 'kind', 'header_key']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMapping(row);
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('import_mappings').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
