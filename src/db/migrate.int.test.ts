import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.js';
import { migrateToLatest, migrationStatus } from './migrate.js';
import { syncReferenceData } from './reference-sync.js';

describeEachEngine('migrations and reference tables', (app) => {
  it('is at the latest migration and applying again changes nothing', async () => {
    const db = app().database;
    expect(await migrateToLatest(db)).toEqual([]);
    expect((await migrationStatus(db)).pending).toEqual([]);
  });

  it('copies countries with their report regions and group memberships, once', async () => {
    const db = app().database;
    expect(await syncReferenceData(db.db)).toBe(false);
    const rows = await db.db.selectFrom('countries').select(['iso2', 'region', 'name_id']).where('iso2', 'in', ['PG', 'PS', 'TL']).orderBy('iso2').execute();
    expect(rows).toEqual([
      { iso2: 'PG', region: 'oceania', name_id: 'Papua Nugini' },
      { iso2: 'PS', region: 'asia', name_id: 'Palestina' },
      { iso2: 'TL', region: 'asia', name_id: 'Timor-Leste' },
    ]);
    const count = await db.db.selectFrom('group_memberships').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(436);
  });
});
