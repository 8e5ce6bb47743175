/** Unit costs of the in-kind valuation helper (a small table: read whole). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { UnitCost, UnitCostData } from '../domain/finance/unit-costs.js';
import { sortUnitCosts } from '../domain/finance/unit-costs.js';
import type { UnitCostRepository } from '../services/money.ports.js';
import { num } from './sql-helpers.js';
import type { Database, UnitCostsTable } from './schema.js';

function toUnitCost(row: Selectable<UnitCostsTable>): UnitCost {
  return {
    id: row.id,
    kind: row.kind,
    // '' stands for "no region" (see the migration).
    region: row.region === '' ? null : row.region,
    validFrom: row.valid_from,
    currency: row.currency,
    amountMinor: num(row.amount_minor),
    note: row.note,
    updatedAt: row.updated_at,
  };
}

const columns = (d: UnitCostData, now: string): Omit<Insertable<UnitCostsTable>, 'created_at'> => ({
  kind: d.kind,
  region: d.region ?? '',
  valid_from: d.validFrom,
  currency: d.currency,
  amount_minor: d.amountMinor,
  note: d.note,
  updated_at: now,
});

export class UnitCostRepo implements UnitCostRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<UnitCost[]> {
    return sortUnitCosts((await this.db.selectFrom('unit_costs').selectAll().execute()).map(toUnitCost));
  }

  async findById(id: number): Promise<UnitCost | undefined> {
    const row = await this.db.selectFrom('unit_costs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUnitCost(row) : undefined;
  }

  async findByKey(key: Pick<UnitCostData, 'kind' | 'region' | 'validFrom'>): Promise<UnitCost | undefined> {
    const row = await this.db
      .selectFrom('unit_costs')
      .selectAll()
      .where('kind', '=', key.kind)
      .where('region', '=', key.region ?? '')
      .where('valid_from', '=', key.validFrom)
      .executeTakeFirst();
    return row ? toUnitCost(row) : undefined;
  }

  async insert(data: UnitCostData, now: string): Promise<number> {
    const row = await this.db
      .insertInto('unit_costs')
      .values({ ...columns(data, now), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, data: UnitCostData, now: string): Promise<boolean> {
    const result = await this.db.updateTable('unit_costs').set(columns(data, now)).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('unit_costs').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
