import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/engines.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { openDatabase } from './connection.js';
import { migrateToLatest, migrationStatus } from './migrate.js';
import { MIGRATION_NAMES, migrationsFor } from './migrations/index.js';

// The PostgreSQL tools run from PATH.
const toolEnv = { PATH: process.env.PATH };
// The last migration an older Mitra had: the ones after it are applied by the restore.
const OLDER = '20261209100000_editions';

for (const engine of ENGINES) {
  describe(`backups across versions [${engine.engine}]`, () => {
    let dir = '';
    const drops: (() => Promise<void>)[] = [];
    const fresh = async () => {
      const db = await engine.create();
      drops.push(db.drop);
      return db.url;
    };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mitra-backup-versions-'));
    });
    afterAll(async () => {
      await Promise.all(drops.map((drop) => drop()));
      await rm(dir, { recursive: true, force: true });
    });

    it('restores a backup of an older schema and migrates it to this version', async () => {
      const url = await fresh();
      const handle = await openDatabase(url);
      try {
        const migrator = new Migrator({
          db: handle.db,
          provider: { getMigrations: async () => migrationsFor(handle.engine) },
          ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
        });
        expect((await migrator.migrateTo(OLDER)).error).toBeUndefined();
      } finally {
        await handle.close();
      }
      const file = join(dir, `older.${engine.engine}`);
      await backupDatabase(url, file, { toolEnv });

      // Restored into a database at this version: its newer tables go, the migrations then rebuild them.
      const target = engine.engine === 'sqlite' ? await fresh() : url;
      const current = await openDatabase(target);
      try {
        await migrateToLatest(current);
      } finally {
        await current.close();
      }
      const result = await restoreDatabase(target, file, { toolEnv });
      expect(result.migrated).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(OLDER) + 1));
      const restored = await openDatabase(target);
      try {
        expect((await migrationStatus(restored)).pending).toEqual([]);
      } finally {
        await restored.close();
      }
    });

    it('refuses a backup made by a newer Mitra, naming the migrations it does not know', async () => {
      const url = await fresh();
      const handle = await openDatabase(url);
      const table = handle.schema ? sql.table(`${handle.schema}.kysely_migration`) : sql.table('kysely_migration');
      try {
        await migrateToLatest(handle);
        await sql`insert into ${table} (name, timestamp) values ('29991231000000_from_the_future', '2999-12-31T00:00:00.000Z')`.execute(
          handle.db,
        );
      } finally {
        await handle.close();
      }
      const file = join(dir, `newer.${engine.engine}`);
      await backupDatabase(url, file, { toolEnv });

      const target = engine.engine === 'sqlite' ? await fresh() : url;
      await expect(restoreDatabase(target, file, { toolEnv })).rejects.toMatchObject({
        code: 'backup.newer_schema',
        message: expect.stringContaining(`${file} was made by a newer Mitra (unknown migrations: 29991231000000_from_the_future)`),
      });
    });
  });
}
