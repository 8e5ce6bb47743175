/** The breach log (services/breaches.ts, docs/privacy.md). */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Breach } from '../domain/personal-data/breach.js';
import { personalDataCategories } from '../domain/personal-data/categories.js';
import type { BreachRepository, BreachWrite } from '../services/personal-data.ports.js';
import type { Database, DataBreachesTable } from './schema.js';
import { num, numOrNull } from './sql-helpers.js';

const categoriesSchema = z.array(z.enum(personalDataCategories.codes));

function toBreach(r: Selectable<DataBreachesTable>): Breach {
  return {
    id: num(r.id),
    discoveredAt: r.discovered_at,
    occurredAt: r.occurred_at,
    description: r.description,
    // Written by this repository from the domain's validated list.
    categories: categoriesSchema.parse(JSON.parse(r.categories)),
    recordsAffected: numOrNull(r.records_affected),
    personsAffected: num(r.persons_affected),
    measures: r.measures,
    subjectsNotifiedAt: r.subjects_notified_at,
    authorityNotifiedAt: r.authority_notified_at,
    notificationNote: r.notification_note,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    version: num(r.version),
  };
}

function columns(b: BreachWrite) {
  return {
    discovered_at: b.discoveredAt,
    occurred_at: b.occurredAt,
    description: b.description,
    categories: JSON.stringify(b.categories),
    records_affected: b.recordsAffected,
    persons_affected: b.personsAffected,
    measures: b.measures,
    subjects_notified_at: b.subjectsNotifiedAt,
    authority_notified_at: b.authorityNotifiedAt,
    notification_note: b.notificationNote,
    closed_at: b.closedAt,
  };
}

export class BreachRepo implements BreachRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(b: BreachWrite, by: string, now: string): Promise<number> {
    const row = await this.db
      .insertInto('data_breaches')
      .values({ ...columns(b), created_at: now, created_by: by, updated_at: now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return num(row.id);
  }

  async findById(id: number): Promise<Breach | undefined> {
    const row = await this.db.selectFrom('data_breaches').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toBreach(row) : undefined;
  }

  async list(): Promise<Breach[]> {
    const rows = await this.db.selectFrom('data_breaches').selectAll().orderBy('discovered_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toBreach);
  }

  async update(id: number, version: number, b: BreachWrite, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('data_breaches')
      .set({ ...columns(b), updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
