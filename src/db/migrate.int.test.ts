import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { MigrationError, migrateIfPending, migrateToLatest, migrationStatus } from './migrate.js';
import { syncReferenceData } from './reference-sync.js';

describeEachEngine('migrations and reference tables', (app) => {
  it('is at the latest migration and applying again changes nothing', async () => {
    const db = app().database;
    expect(await migrateToLatest(db)).toEqual([]);
    expect((await migrationStatus(db)).pending).toEqual([]);
  });

  it('leaves a current schema alone and hands a migration it does not know to the migrator', async () => {
    const db = app().database;
    expect(await migrateIfPending(db)).toEqual([]);
    // An applied migration this code does not know (a newer version ran here): Kysely refuses.
    const table = db.schema ? sql.table(`${db.schema}.kysely_migration`) : sql.table('kysely_migration');
    await sql`insert into ${table} (name, timestamp) values ('29991231000000_from_the_future', '2999-12-31T00:00:00.000Z')`.execute(db.db);
    try {
      await expect(migrateIfPending(db)).rejects.toThrow(MigrationError);
    } finally {
      await sql`delete from ${table} where name = '29991231000000_from_the_future'`.execute(db.db);
    }
    expect(await migrateIfPending(db)).toEqual([]);
  });

  it('copies countries with their report regions and group memberships, once', async () => {
    const db = app().database;
    expect(await syncReferenceData(db.db)).toBe(false);
    const rows = await db.db
      .selectFrom('countries')
      .select(['iso2', 'region', 'name_id'])
      .where('iso2', 'in', ['PG', 'PS', 'TL'])
      .orderBy('iso2')
      .execute();
    expect(rows).toEqual([
      { iso2: 'PG', region: 'oceania', name_id: 'Papua Nugini' },
      { iso2: 'PS', region: 'asia', name_id: 'Palestina' },
      { iso2: 'TL', region: 'asia', name_id: 'Timor-Leste' },
    ]);
    const count = await db.db
      .selectFrom('group_memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(436);
  });
});
