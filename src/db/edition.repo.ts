/**
 * Frozen editions (services/editions.ports.ts). Figures and records are inserted and read,
 * never updated or deleted: no method here does it, and the triggers of migration
 * 20261209100000_editions refuse it on both engines. The live records of a year are read in
 * five queries over the year's programs (no per-program query), so freezing a year of 100,000
 * programs reads and writes in batches (bench/editions.bench.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { FrozenProgram } from '../domain/bundle/types.js';
import type { Sex } from '../domain/codes.js';
import { COUNTED_STATUSES } from '../domain/participant/journey.js';
import type { Edition, EditionRound, EditionLang, EditionScope, FreezeBlocker, ProgramSnapshot } from '../domain/report/edition.js';
import type { EditionDifferences } from '../domain/report/edition-diff.js';
import type { AnnualSummary } from '../domain/report/summary.js';
import type { EditionRepository, NewEdition, ParticipantBreakdown } from '../services/editions.ports.js';
import { SPENT_TYPES } from './report.repo.js';
import { insertInChunks, isPostgres, num, present } from './sql-helpers.js';
import type { Database, EditionsTable } from './schema.js';

/** Records a statement on SQLite (5 parameters a row, well under its 32,766). */
const SQLITE_RECORD_ROWS = 2_000;

/** JSON this repository wrote from the typed value it parses back into. */
function parsed<T>(text: string): T {
  return JSON.parse(text) as T;
}

function editionOf(r: Selectable<EditionsTable>): Edition {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    status: r.status,
    titleEn: r.title_en,
    titleId: r.title_id,
    frozenAt: r.frozen_at,
    frozenByUserId: r.frozen_by_user_id,
    frozenBy: r.frozen_by_label,
    overrideReason: r.override_reason,
    blockers: r.blockers ? parsed<FreezeBlocker[]>(r.blockers) : [],
    errataReason: r.errata_reason,
    previousId: r.previous_id,
    changes: r.changes ? parsed<EditionDifferences>(r.changes) : null,
    programs: r.programs,
    countries: r.countries,
    participants: r.participants,
    publishedAt: r.published_at,
    publishedBy: r.published_by_label,
    narrativeEn: r.narrative_en,
    narrativeId: r.narrative_id,
    narrativeUpdatedAt: r.narrative_updated_at,
  };
}

/** Groups rows by program id. */
function byProgram<T extends { activity_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.activity_id);
    if (list) list.push(r);
    else out.set(r.activity_id, [r]);
  }
  return out;
}

export class EditionRepo implements EditionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async readOneSnapshot(): Promise<void> {
    if (isPostgres(this.db)) await sql`set transaction isolation level repeatable read`.execute(this.db);
  }

  async list(options: { year?: number; publishedOnly: boolean }): Promise<Edition[]> {
    let query = this.db.selectFrom('editions').selectAll();
    if (options.year !== undefined) query = query.where('year', '=', options.year);
    if (options.publishedOnly) query = query.where('status', '=', 'published');
    const rows = await query.orderBy('year', 'desc').orderBy('number', 'desc').execute();
    return rows.map(editionOf);
  }

  async find(year: number, number: number): Promise<Edition | undefined> {
    const row = await this.db.selectFrom('editions').selectAll().where('year', '=', year).where('number', '=', number).executeTakeFirst();
    return row && editionOf(row);
  }

  async latest(year: number): Promise<Edition | undefined> {
    const row = await this.db
      .selectFrom('editions')
      .selectAll()
      .where('year', '=', year)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && editionOf(row);
  }

  async insert(e: NewEdition): Promise<Edition> {
    const { id } = await this.db
      .insertInto('editions')
      .values({
        year: e.year,
        number: e.number,
        status: 'frozen',
        title_en: e.titleEn,
        title_id: e.titleId,
        frozen_at: e.frozenAt,
        frozen_by_user_id: e.frozenByUserId,
        frozen_by_label: e.frozenBy,
        override_reason: e.overrideReason,
        blockers: e.blockers.length > 0 ? JSON.stringify(e.blockers) : null,
        errata_reason: e.errataReason,
        previous_id: e.previousId,
        changes: e.changes ? JSON.stringify(e.changes) : null,
        programs: e.programs,
        countries: e.countries,
        participants: e.participants,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return present(await this.find(e.year, e.number), `edition ${id}`);
  }

  async insertFigures(editionId: number, scope: EditionScope, summary: AnnualSummary): Promise<void> {
    await this.db
      .insertInto('edition_figures')
      .values({ edition_id: editionId, scope, summary: JSON.stringify(summary) })
      .execute();
  }

  async insertRecords(editionId: number, records: readonly ProgramSnapshot[]): Promise<void> {
    const rows = records.map((r) => ({
      edition_id: editionId,
      activity_id: r.id,
      activity_version: r.version,
      identifier: r.identifier,
      record: JSON.stringify(r),
    }));
    if (isPostgres(this.db)) return insertInChunks(this.db, 'edition_records', rows);
    // SQLite: bound rows, not one JSON parameter: json_each would parse each record's JSON again
    // for every column (100,000 records: 6.4 → 1.3 s, docs/benchmarks.md).
    for (let i = 0; i < rows.length; i += SQLITE_RECORD_ROWS) {
      await this.db
        .insertInto('edition_records')
        .values(rows.slice(i, i + SQLITE_RECORD_ROWS))
        .execute();
    }
  }

  async figures(editionId: number, scope: EditionScope): Promise<AnnualSummary | undefined> {
    const row = await this.db
      .selectFrom('edition_figures')
      .select('summary')
      .where('edition_id', '=', editionId)
      .where('scope', '=', scope)
      .executeTakeFirst();
    return row && parsed<AnnualSummary>(row.summary);
  }

  async records(editionId: number): Promise<ProgramSnapshot[]> {
    const rows = await this.db
      .selectFrom('edition_records')
      .select('record')
      .where('edition_id', '=', editionId)
      .orderBy('activity_id')
      .execute();
    return rows.map((r) => parsed<ProgramSnapshot>(r.record));
  }

  async liveRecords(year: number): Promise<ProgramSnapshot[]> {
    const ofYear = this.db.selectFrom('activities').select('id').where('year', '=', year);
    const [programs, recipients, partners, spending, budgets] = await Promise.all([
      this.db
        .selectFrom('activities as a')
        .leftJoin('activity_facts as f', 'f.activity_id', 'a.id')
        .leftJoin('organisations as o', 'o.id', 'a.implementing_org_id')
        .select([
          'a.id',
          'a.version',
          'a.identifier',
          'a.title_en',
          'a.title_id',
          'a.lifecycle_stage',
          'a.modality',
          'a.flagship_area',
          'a.cooperation_type',
          'o.code as org',
          'a.planned_start',
          'a.planned_end',
          'a.actual_start',
          'a.actual_end',
          'f.participants_total',
          'f.participants_source',
          'a.updated_at',
        ])
        .where('a.year', '=', year)
        .orderBy('a.id')
        .execute(),
      this.db
        .selectFrom('activity_recipients')
        .select(['activity_id', 'country_code'])
        .where('activity_id', 'in', ofYear)
        .orderBy('activity_id')
        .orderBy('sort_order')
        .execute(),
      this.db
        .selectFrom('activity_partners as p')
        .innerJoin('organisations as o', 'o.id', 'p.org_id')
        .select(['p.activity_id', 'o.code', 'p.ssc_role'])
        .where('p.activity_id', 'in', ofYear)
        .execute(),
      this.db
        .selectFrom('transactions')
        .select(['activity_id', 'currency', sql<unknown>`sum(amount_minor)`.as('amount'), sql<unknown>`count(*)`.as('n')])
        .where('activity_id', 'in', ofYear)
        .where(sql<boolean>`type in ${SPENT_TYPES}`)
        .groupBy(['activity_id', 'currency'])
        .orderBy('activity_id')
        .orderBy('currency')
        .execute(),
      this.db
        .selectFrom('budgets')
        .select(['activity_id', 'currency', sql<unknown>`sum(amount_minor)`.as('amount')])
        .where('activity_id', 'in', ofYear)
        .groupBy(['activity_id', 'currency'])
        .orderBy('activity_id')
        .orderBy('currency')
        .execute(),
    ]);
    const countries = byProgram(recipients);
    const orgs = byProgram(partners);
    const spent = byProgram(spending);
    const budgeted = byProgram(budgets);
    return programs.map((p) => ({
      id: p.id,
      version: p.version,
      identifier: p.identifier,
      titleEn: p.title_en,
      titleId: p.title_id,
      lifecycleStage: p.lifecycle_stage,
      modality: p.modality,
      flagshipArea: p.flagship_area,
      cooperationType: p.cooperation_type,
      implementingOrg: p.org ?? null,
      plannedStart: p.planned_start,
      plannedEnd: p.planned_end,
      actualStart: p.actual_start,
      actualEnd: p.actual_end,
      recipients: (countries.get(p.id) ?? []).map((r) => r.country_code),
      partners: (orgs.get(p.id) ?? []).map((r) => `${r.code}:${r.ssc_role}`).sort(),
      participants: num(p.participants_total),
      participantsSource: p.participants_source ?? null,
      spending: (spent.get(p.id) ?? []).map((s) => ({ currency: s.currency, amountMinor: num(s.amount), transactions: num(s.n) })),
      budgets: (budgeted.get(p.id) ?? []).map((b) => ({ currency: b.currency, amountMinor: num(b.amount) })),
      updatedAt: p.updated_at,
    }));
  }

  async participantBreakdown(ids: readonly number[]): Promise<Map<number, ParticipantBreakdown>> {
    const out = new Map<number, { byCountry: { country: string | null; participants: number }[]; bySex: Partial<Record<Sex, number>> }>();
    if (ids.length === 0) return out;
    const entry = (id: number) => {
      let e = out.get(id);
      if (!e) out.set(id, (e = { byCountry: [], bySex: {} }));
      return e;
    };
    const [countries, sexes] = await Promise.all([
      this.db
        .selectFrom('activity_country_facts')
        .select(['activity_id', 'country_code', 'participants'])
        .where('activity_id', 'in', ids)
        .orderBy('activity_id')
        .execute(),
      // The report counts a program's participant records of its recipient countries only
      // (db/report-fact.repo.ts): the same records, by sex.
      this.db
        .selectFrom('participants as p')
        .innerJoin('activity_recipients as r', (j) =>
          j.onRef('r.activity_id', '=', 'p.activity_id').onRef('r.country_code', '=', 'p.country_code'),
        )
        .select(['p.activity_id', 'p.sex', sql<unknown>`count(*)`.as('n')])
        .where('p.activity_id', 'in', ids)
        .where('p.status', 'in', COUNTED_STATUSES)
        .groupBy(['p.activity_id', 'p.sex'])
        .execute(),
    ]);
    for (const c of countries) entry(c.activity_id).byCountry.push({ country: c.country_code, participants: num(c.participants) });
    for (const s of sexes) entry(s.activity_id).bySex[s.sex] = num(s.n);
    return out;
  }

  async approvalDays(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('activity_transitions')
      .select(['activity_id', sql<string>`max(at)`.as('at')])
      .where('activity_id', 'in', ids)
      .where('action', '=', 'approve')
      .groupBy('activity_id')
      .execute();
    return new Map(rows.map((r) => [r.activity_id, String(r.at).slice(0, 10)]));
  }

  async insertRounds(editionId: number, rounds: readonly EditionRound[]): Promise<void> {
    if (rounds.length === 0) return;
    await this.db
      .insertInto('edition_rounds')
      .values(rounds.map((r) => ({ edition_id: editionId, round_id: r.round.id, record: JSON.stringify(r) })))
      .execute();
  }

  async rounds(editionId: number): Promise<EditionRound[]> {
    const rows = await this.db
      .selectFrom('edition_rounds')
      .select('record')
      .where('edition_id', '=', editionId)
      .orderBy('round_id')
      .execute();
    return rows.map((r) => parsed<EditionRound>(r.record));
  }

  async insertPrograms(editionId: number, programs: readonly FrozenProgram[]): Promise<void> {
    const rows = programs.map((p) => ({ edition_id: editionId, activity_id: p.program.id, record: JSON.stringify(p) }));
    for (let i = 0; i < rows.length; i += SQLITE_RECORD_ROWS) {
      await this.db
        .insertInto('edition_programs')
        .values(rows.slice(i, i + SQLITE_RECORD_ROWS))
        .execute();
    }
  }

  async countPrograms(editionId: number): Promise<number> {
    const row = await this.db
      .selectFrom('edition_programs')
      .select(sql<unknown>`count(*)`.as('n'))
      .where('edition_id', '=', editionId)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async programsAfter(editionId: number, afterId: number, limit: number): Promise<FrozenProgram[]> {
    const rows = await this.db
      .selectFrom('edition_programs')
      .select('record')
      .where('edition_id', '=', editionId)
      .where('activity_id', '>', afterId)
      .orderBy('activity_id')
      .limit(limit)
      .execute();
    return rows.map((r) => parsed<FrozenProgram>(r.record));
  }

  async publish(editionId: number, at: string, byUserId: number | null, byLabel: string): Promise<void> {
    await this.db
      .updateTable('editions')
      .set({ status: 'published', published_at: at, published_by_user_id: byUserId, published_by_label: byLabel })
      .where('id', '=', editionId)
      .execute();
  }

  async setNarrative(editionId: number, lang: EditionLang, text: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('editions')
      .set({ ...(lang === 'en' ? { narrative_en: text } : { narrative_id: text }), narrative_updated_at: at })
      .where('id', '=', editionId)
      .execute();
  }
}
