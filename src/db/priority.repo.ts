/** Priority targets and custom country lists. */
import type { Kysely, Selectable } from 'kysely';
import type { CountryList, CountryListInput, PriorityTarget, PriorityTargetInput } from '../domain/analytics/priority.js';
import type { PriorityRepository } from '../services/priorities.ports.js';
import { num } from './sql-helpers.js';
import { rebuildList } from './analytics-cube.js';
import type { Database, PriorityTargetsTable } from './schema.js';

function toTarget(row: Selectable<PriorityTargetsTable>): PriorityTarget {
  return {
    id: row.id,
    year: row.year,
    subject: { kind: row.subject_kind, code: row.subject_code },
    metric: row.metric,
    comparator: row.comparator,
    target: num(row.target_hundredths) / 100,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

export class PriorityRepo implements PriorityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listTargets(filter: { from?: number; to?: number } = {}): Promise<PriorityTarget[]> {
    let q = this.db.selectFrom('priority_targets').selectAll();
    if (filter.from !== undefined) q = q.where('year', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('year', '<=', filter.to);
    const rows = await q.orderBy('subject_kind').orderBy('subject_code').orderBy('metric').orderBy('year').execute();
    return rows.map(toTarget);
  }

  async findTarget(id: number): Promise<PriorityTarget | undefined> {
    const row = await this.db.selectFrom('priority_targets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTarget(row) : undefined;
  }

  /** Sets the target of a year, subject and metric (replacing the one there). */
  async saveTarget(t: PriorityTargetInput, now: string): Promise<{ target: PriorityTarget; created: boolean; before?: PriorityTarget }> {
    const existing = await this.db
      .selectFrom('priority_targets')
      .selectAll()
      .where('year', '=', t.year)
      .where('subject_kind', '=', t.subjectKind)
      .where('subject_code', '=', t.subjectCode)
      .where('metric', '=', t.metric)
      .executeTakeFirst();
    const values = { comparator: t.comparator, target_hundredths: Math.round(t.target * 100), note: t.note ?? null, updated_at: now };
    if (existing) {
      await this.db.updateTable('priority_targets').set(values).where('id', '=', existing.id).execute();
      return { target: toTarget({ ...existing, ...values }), created: false, before: toTarget(existing) };
    }
    const row = await this.db
      .insertInto('priority_targets')
      .values({ year: t.year, subject_kind: t.subjectKind, subject_code: t.subjectCode, metric: t.metric, ...values, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { target: toTarget(row), created: true };
  }

  async deleteTarget(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('priority_targets').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async countTargetsOfList(code: string): Promise<number> {
    const row = await this.db
      .selectFrom('priority_targets')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('subject_kind', '=', 'list')
      .where('subject_code', '=', code)
      .executeTakeFirst();
    return num(row?.n);
  }

  async listLists(): Promise<CountryList[]> {
    const lists = await this.db.selectFrom('country_lists').selectAll().orderBy('code').execute();
    const members = await this.db.selectFrom('country_list_members').selectAll().orderBy('iso2').execute();
    return lists.map((l) => ({
      id: l.id,
      code: l.code,
      nameEn: l.name_en,
      nameId: l.name_id,
      countries: members.filter((m) => m.list_id === l.id).map((m) => m.iso2),
      updatedAt: l.updated_at,
    }));
  }

  async findList(code: string): Promise<CountryList | undefined> {
    return (await this.listLists()).find((l) => l.code === code);
  }

  async saveList(input: CountryListInput, now: string): Promise<{ list: CountryList; created: boolean; before?: CountryList }> {
    const before = await this.findList(input.code);
    let id: number;
    if (before) {
      id = before.id;
      await this.db
        .updateTable('country_lists')
        .set({ name_en: input.nameEn, name_id: input.nameId, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.db.deleteFrom('country_list_members').where('list_id', '=', id).execute();
    } else {
      const row = await this.db
        .insertInto('country_lists')
        .values({ code: input.code, name_en: input.nameEn, name_id: input.nameId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await this.db
      .insertInto('country_list_members')
      .values(input.countries.map((iso2) => ({ list_id: id, iso2 })))
      .execute();
    await rebuildList(this.db, input.code, input.countries);
    return {
      list: { id, code: input.code, nameEn: input.nameEn, nameId: input.nameId, countries: [...input.countries], updatedAt: now },
      created: !before,
      before,
    };
  }

  async deleteList(code: string): Promise<boolean> {
    const list = await this.findList(code);
    if (!list) return false;
    await this.db.deleteFrom('country_list_members').where('list_id', '=', list.id).execute();
    await this.db.deleteFrom('country_lists').where('id', '=', list.id).execute();
    await rebuildList(this.db, list.code, []);
    return true;
  }
}
