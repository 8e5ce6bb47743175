/** Collection rounds and their parts (services/rounds.ports.ts; docs/rounds.md). */
import { sql, type Kysely, type Selectable } from 'kysely';
import { periodDays, type CollectionRound, type RoundPart, type RoundPeriod, type RoundStatus } from '../domain/rounds/round.js';
import type { NewRound, PartConfirmation, PartReopening, RoundRepository } from '../services/rounds.ports.js';
import { scopeWhere } from './quality.repo.js';
import type { CollectionRoundPartsTable, CollectionRoundsTable, Database } from './schema.js';
import { num, present } from './sql-helpers.js';

function roundOf(r: Selectable<CollectionRoundsTable>): CollectionRound {
  return {
    id: num(r.id),
    year: num(r.year),
    period: r.period,
    deadlineDate: r.deadline_date,
    status: r.status,
    openedAt: r.opened_at,
    openedBy: r.opened_by_label,
    closedAt: r.closed_at,
    closedBy: r.closed_by_label,
  };
}

function partOf(r: Selectable<CollectionRoundPartsTable>): RoundPart {
  return {
    roundId: num(r.round_id),
    orgCode: r.org_code,
    status: r.status,
    confirmedAt: r.confirmed_at,
    confirmedByUserId: r.confirmed_by_user_id === null ? null : num(r.confirmed_by_user_id),
    confirmedBy: r.confirmed_by_label,
    confirmNote: r.confirm_note,
    reopenedAt: r.reopened_at,
    reopenedBy: r.reopened_by_label,
    reopenReason: r.reopen_reason,
  };
}

const PERIOD_ORDER = sql<number>`case period when 'year' then 0 when 'h1' then 1 else 2 end`;

export class RoundRepo implements RoundRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(options: { year?: number; status?: RoundStatus }): Promise<CollectionRound[]> {
    let q = this.db.selectFrom('collection_rounds').selectAll();
    if (options.year !== undefined) q = q.where('year', '=', options.year);
    if (options.status) q = q.where('status', '=', options.status);
    const rows = await q.orderBy('year', 'desc').orderBy(PERIOD_ORDER).orderBy('id').execute();
    return rows.map(roundOf);
  }

  async find(id: number): Promise<CollectionRound | undefined> {
    const row = await this.db.selectFrom('collection_rounds').selectAll().where('id', '=', id).executeTakeFirst();
    return row && roundOf(row);
  }

  async findOpen(year: number, period: RoundPeriod): Promise<CollectionRound | undefined> {
    const row = await this.db
      .selectFrom('collection_rounds')
      .selectAll()
      .where('year', '=', year)
      .where('period', '=', period)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return row && roundOf(row);
  }

  async insert(r: NewRound): Promise<CollectionRound> {
    const { id } = await this.db
      .insertInto('collection_rounds')
      .values({
        year: r.year,
        period: r.period,
        deadline_date: r.deadlineDate,
        status: 'open',
        opened_at: r.openedAt,
        opened_by_user_id: r.openedByUserId,
        opened_by_label: r.openedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return present(await this.find(num(id)), `collection round ${id}`);
  }

  async close(id: number, at: string, byUserId: number | null, by: string): Promise<void> {
    await this.db
      .updateTable('collection_rounds')
      .set({ status: 'closed', closed_at: at, closed_by_user_id: byUserId, closed_by_label: by })
      .where('id', '=', id)
      .execute();
  }

  async agenciesWithPrograms(year: number, period: RoundPeriod): Promise<string[]> {
    const half = period === 'year' ? {} : { half: periodDays(year, period) };
    const { rows } = await sql<{ code: string }>`
      select distinct o.code from activities a join organisations o on o.id = a.implementing_org_id
      where ${scopeWhere({ year, ...half })}
      order by o.code`.execute(this.db);
    return rows.map((r) => r.code);
  }

  async addParts(roundId: number, orgCodes: readonly string[]): Promise<void> {
    if (orgCodes.length === 0) return;
    await this.db
      .insertInto('collection_round_parts')
      .values(orgCodes.map((code) => ({ round_id: roundId, org_code: code, status: 'open' as const })))
      .onConflict((c) => c.columns(['round_id', 'org_code']).doNothing())
      .execute();
  }

  async parts(roundId: number): Promise<RoundPart[]> {
    const rows = await this.db
      .selectFrom('collection_round_parts')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('org_code')
      .execute();
    return rows.map(partOf);
  }

  async part(roundId: number, orgCode: string): Promise<RoundPart | undefined> {
    const row = await this.db
      .selectFrom('collection_round_parts')
      .selectAll()
      .where('round_id', '=', roundId)
      .where(sql<boolean>`lower(org_code) = lower(${orgCode})`)
      .executeTakeFirst();
    return row && partOf(row);
  }

  async confirm(roundId: number, orgCode: string, c: PartConfirmation): Promise<void> {
    await this.db
      .updateTable('collection_round_parts')
      .set({ status: 'confirmed', confirmed_at: c.at, confirmed_by_user_id: c.byUserId, confirmed_by_label: c.by, confirm_note: c.note })
      .where('round_id', '=', roundId)
      .where('org_code', '=', orgCode)
      .execute();
  }

  async reopen(roundId: number, orgCode: string, r: PartReopening): Promise<void> {
    await this.db
      .updateTable('collection_round_parts')
      .set({
        status: 'open',
        confirmed_at: null,
        confirmed_by_user_id: null,
        confirmed_by_label: null,
        confirm_note: null,
        reopened_at: r.at,
        reopened_by_label: r.by,
        reopen_reason: r.reason,
      })
      .where('round_id', '=', roundId)
      .where('org_code', '=', orgCode)
      .execute();
  }

  async remindersSent(roundId: number, orgCode: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('collection_round_reminders')
      .select('reminder')
      .where('round_id', '=', roundId)
      .where('org_code', '=', orgCode)
      .execute();
    return rows.map((r) => r.reminder);
  }

  async recordReminder(roundId: number, orgCode: string, reminder: string, recipients: number, at: string): Promise<void> {
    await this.db
      .insertInto('collection_round_reminders')
      .values({ round_id: roundId, org_code: orgCode, reminder, recipients, sent_at: at })
      .execute();
  }
}
