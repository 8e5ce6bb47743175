/**
 * The whole records an edition froze (issue 23, docs/bundle.md): `edition_records` keeps what the
 * annual report counted of each program (a ProgramSnapshot); the bundle's other outputs (IATI,
 * TOSSD, the SEGIB-style sheet, the UN table) need the whole program — sectors, SDGs, budgets,
 * transactions, partners' contributions — with its participants by country and by sex, its
 * converted spending and its in-kind estimate, as they were at the freeze (domain/bundle/types.ts
 * FrozenProgram). Written once in the freeze's transaction and never changed: the same triggers
 * as the other edition rows refuse UPDATE and DELETE on both engines. Editions frozen before this
 * migration have no rows here; their bundle says so (docs/bundle.md).
 *
 * `edition_rounds` keeps the year's collection rounds as they stood at the freeze (docs/rounds.md):
 * each round with its agencies' parts — who confirmed, when, with what note, or that a part was
 * still open — so that an edition says which round its figures were collected in.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export async function up(db: Kysely<unknown>, { engine }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('edition_programs')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id'))
    .addColumn('activity_id', 'integer', (c) => c.notNull())
    // JSON: the FrozenProgram.
    .addColumn('record', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_programs_pkey', ['edition_id', 'activity_id'])
    .execute();
  await db.schema
    .createTable('edition_rounds')
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id'))
    .addColumn('round_id', 'integer', (c) => c.notNull())
    // JSON: the EditionRound (the round and its parts).
    .addColumn('record', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_rounds_pkey', ['edition_id', 'round_id'])
    .execute();
  for (const table of ['edition_programs', 'edition_rounds']) {
    if (engine === 'postgres') {
      // edition_rows_immutable() is the function of migration 20261209100000_editions.
      await sql
        .raw(`create trigger ${table}_immutable before update or delete on ${table} for each row execute function edition_rows_immutable()`)
        .execute(db);
    } else {
      for (const event of ['update', 'delete'])
        await sql
          .raw(
            `create trigger ${table}_no_${event} before ${event} on ${table}
        begin select raise(abort, 'the figures and records of an edition cannot be changed'); end`,
          )
          .execute(db);
    }
  }
}
