import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import { createProgram } from '../services/programs.js';
import { freezeEdition, getEdition, publishEdition } from '../services/editions.js';
import { aProgram } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';

// The figures and records of an edition cannot be changed by any code, not only by the services:
// the triggers of migration 20261209100000_editions refuse it to hand-written SQL too.
describeEachEngine('edition tables', (app) => {
  const deps = () => app().deps;
  const db = () => app().database.db;
  const create = (year: number, overrides = {}) =>
    createProgram(deps(), programInputSchema.parse(aProgram({ plannedStart: `${year}-03-01`, plannedEnd: `${year}-03-05`, ...overrides })));

  it('refuses through SQL any change to the figures, the records and the frozen columns, and any deletion', async () => {
    const year = 2046;
    await create(year);
    const edition = await freezeEdition(deps(), year, {});
    const refused = (query: { execute(): Promise<unknown> }) => expect(query.execute()).rejects.toThrow(/cannot be (changed|deleted)/);
    await refused(db().updateTable('edition_figures').set({ summary: '{}' }).where('edition_id', '=', edition.id));
    await refused(db().deleteFrom('edition_figures').where('edition_id', '=', edition.id));
    await refused(db().updateTable('edition_records').set({ record: '{}' }).where('edition_id', '=', edition.id));
    await refused(db().deleteFrom('edition_records').where('edition_id', '=', edition.id));
    await refused(db().updateTable('editions').set({ participants: 999 }).where('id', '=', edition.id));
    await refused(db().updateTable('editions').set({ title_en: 'Another name' }).where('id', '=', edition.id));
    await refused(db().deleteFrom('editions').where('id', '=', edition.id));
    await publishEdition(deps(), year, 1);
    await refused(db().updateTable('editions').set({ narrative_en: 'later' }).where('id', '=', edition.id));
    await refused(db().updateTable('editions').set({ status: 'frozen' }).where('id', '=', edition.id));
    // The repository's own writes obey the same triggers.
    await expect(deps().store.repos.editions.setNarrative(edition.id, 'en', 'later', '2026-12-01T00:00:00.000Z')).rejects.toThrow(
      /cannot be changed/,
    );
    const count = await sql<{ n: unknown }>`select count(*) as n from edition_records where edition_id = ${edition.id}`.execute(db());
    expect(Number(count.rows[0]?.n)).toBe(1);
    expect((await getEdition(deps(), year, 1)).participants).toBe(20);
  });
});
