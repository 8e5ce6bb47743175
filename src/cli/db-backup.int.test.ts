import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userInputSchema } from '../domain/account/user.js';
import { participantInputSchema } from '../domain/participant/participant.schema.js';
import { programInputSchema } from '../domain/program/program.schema.js';
import { csvRecordSource } from '../io/csv-read.js';
import type { AppContext } from '../main.js';
import { login, resolveSession } from '../services/auth.js';
import { actingAs } from '../services/deps.js';
import { freezeEdition, getEdition } from '../services/editions.js';
import { importPrograms } from '../services/import-programs.js';
import { addParticipant } from '../services/participants.js';
import { createProgram } from '../services/programs.js';
import { createUser } from '../services/users.js';
import { aParticipant, aProgram } from '../testing/builders.js';
import { runMitra } from '../testing/cli.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import { actors } from '../testing/fakes/store.js';
import { TEST_PASSWORD } from '../testing/server.js';

const YEAR = 2043;
const EMAIL = 'restored.admin@test.invalid';
// The CLI runs the PostgreSQL tools from PATH.
const PATH = process.env.PATH ?? '/usr/bin:/bin';

interface Counts {
  programs: number;
  participants: number;
  users: number;
  auditEntries: number;
  editions: number;
}

async function countOf(app: AppContext, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(app.database.db);
  return Number(rows[0]?.n);
}

async function countsOf(app: AppContext): Promise<Counts> {
  const [programs, participants, users, auditEntries, editions] = await Promise.all(
    ['activities', 'participants', 'users', 'audit_log', 'editions'].map((t) => countOf(app, t)),
  );
  return {
    programs: programs ?? 0,
    participants: participants ?? 0,
    users: users ?? 0,
    auditEntries: auditEntries ?? 0,
    editions: editions ?? 0,
  };
}

/** Programs, a participant, a signed-in account with a failed sign-in beside it, and a frozen edition. */
async function seed(app: AppContext): Promise<string> {
  const deps = app.deps;
  const a = await createProgram(deps, programInputSchema.parse(aProgram({ plannedStart: `${YEAR}-03-01`, plannedEnd: `${YEAR}-03-05` })));
  await createProgram(deps, programInputSchema.parse(aProgram({ plannedStart: `${YEAR}-04-01`, plannedEnd: `${YEAR}-04-05` })));
  await addParticipant(deps, a.id, participantInputSchema.parse(aParticipant({ country: 'KE' })));
  await createUser(
    deps,
    userInputSchema.parse({ email: EMAIL, name: 'Restored Admin', role: 'admin', orgCode: null, password: TEST_PASSWORD }),
  );
  await expect(login(deps, { email: 'nobody@test.invalid', password: 'wrong password here', ip: '192.0.2.1' })).rejects.toThrow();
  const signedIn = await login(deps, { email: EMAIL, password: TEST_PASSWORD, ip: '192.0.2.2' });
  await freezeEdition(actingAs(deps, actors.coordinator), YEAR, {});
  return signedIn.token;
}

/** A CSV of `rows` programs whose reading stops after `before` rows until `gate` resolves. */
async function* gatedCsv(rows: number, before: number, gate: Promise<void>, reached: () => void): AsyncGenerator<string> {
  yield 'identifier,title_en,planned_start,planned_end\n';
  for (let i = 1; i <= rows; i++) {
    if (i === before + 1) {
      reached();
      await gate;
    }
    yield `BACKUP-${i},Program ${i},${YEAR + 1}-01-01,${YEAR + 1}-01-02\n`;
  }
}

/** Whether a write transaction other than this connection's is open on the database (the import's). */
async function importIsWriting(app: AppContext, url: string): Promise<boolean> {
  if (app.database.engine === 'postgres') {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
      where relation = to_regclass('activities') and mode = 'RowExclusiveLock' and pid <> pg_backend_pid()`.execute(app.database.db);
    return (rows[0]?.n ?? 0) > 0;
  }
  const { default: SQLite } = await import('better-sqlite3');
  const other = new SQLite(url.slice('file:'.length), { fileMustExist: true });
  try {
    other.pragma('busy_timeout = 0');
    other.exec('begin immediate');
    other.exec('rollback');
    return false;
  } catch {
    return true;
  } finally {
    other.close();
  }
}

for (const engine of ENGINES) {
  describe(`mitra db backup and restore [${engine.engine}]`, () => {
    let dir = '';
    const drops: (() => Promise<void>)[] = [];
    const fresh = async () => {
      const db = await engine.create();
      drops.push(db.drop);
      return db.url;
    };
    const mitra = (url: string, args: string[]) => runMitra(args, { DATABASE_URL: url, PATH });
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mitra-backup-'));
    });
    afterAll(async () => {
      await Promise.all(drops.map((drop) => drop()));
      await rm(dir, { recursive: true, force: true });
    });

    it('backs up while an import writes, and restores the point before it: same counts, sign-in works, no session, the frozen edition still immutable', async () => {
      const url = await fresh();
      const app = await openTestApp(url);
      let token = '';
      let before: Counts;
      const file = join(dir, engine.engine === 'sqlite' ? 'mitra.sqlite' : 'mitra.dump');
      try {
        token = await seed(app);
        before = await countsOf(app);
        expect(await countOf(app, 'sessions')).toBe(1);
        expect(await countOf(app, 'login_failures')).toBe(1);

        // The import reads 2,500 rows (one chunk of 2,000 written in its transaction), then waits.
        let release = () => {};
        const gate = new Promise<void>((resolve) => (release = resolve));
        let reached = () => {};
        const atGate = new Promise<void>((resolve) => (reached = resolve));
        const importing = importPrograms(
          app.deps,
          csvRecordSource('big.csv', gatedCsv(3_000, 2_500, gate, reached), { maxBytes: 10_000_000 }),
        );
        await atGate;
        await expect.poll(() => importIsWriting(app, url), { timeout: 10_000 }).toBe(true);

        const backup = await mitra(url, ['db', 'backup', file, '--json']);
        release();
        expect(backup.code, backup.err).toBe(0);
        const written = JSON.parse(backup.out) as { file: string; bytes: number; counts: Counts; leftOut: string[] };
        expect(written).toMatchObject({
          file,
          counts: before,
          leftOut: ['oidc_sessions', 'sessions', 'oidc_logins', 'login_failures', 'job_leases'],
        });
        expect(written.bytes).toBeGreaterThan(0);
        // Password hashes and personal data: readable by the owner only.
        expect((await stat(file)).mode & 0o777).toBe(0o600);

        expect((await importing).status).toBe('committed');
        expect((await countsOf(app)).programs).toBe(before.programs + 3_000);

        // Refused while the database is open (this app's connections).
        const busy = await mitra(url, ['db', 'restore', file]);
        expect(busy.code).toBe(5);
        expect(busy.err).toMatch(/is in use/);
      } finally {
        await app.close();
      }

      // SQLite restores into a new file; a pg_dump archive into its own schema, emptied first.
      const target = engine.engine === 'sqlite' ? await fresh() : url;
      const restore = await mitra(target, ['db', 'restore', file]);
      expect(restore.code, restore.err).toBe(0);
      expect(restore.out).toMatch(/programs \d+, participants \d+, users 1, audit entries \d+, editions 1/);
      expect(restore.out).toMatch(/schema is up to date/);

      const restored = await openTestApp(target);
      try {
        expect(restored.migrated).toEqual([]);
        expect(await countsOf(restored)).toEqual(before);
        expect(await countOf(restored, 'sessions')).toBe(0);
        expect(await countOf(restored, 'login_failures')).toBe(0);
        expect(await resolveSession(restored.deps, token)).toBeNull();
        const again = await login(restored.deps, { email: EMAIL, password: TEST_PASSWORD, ip: '192.0.2.3' });
        expect(again.user.email).toBe(EMAIL);

        expect(await getEdition(restored.deps, YEAR, 1)).toMatchObject({ year: YEAR, number: 1, status: 'frozen' });
        expect(await countOf(restored, 'edition_figures')).toBeGreaterThan(0);
        const db = restored.database.db;
        await expect(sql`delete from edition_figures`.execute(db)).rejects.toThrow(/cannot be changed/);
        await expect(sql`delete from editions`.execute(db)).rejects.toThrow(/cannot be deleted/);
      } finally {
        await restored.close();
      }
    }, 120_000);

    it('refuses a file that is not a backup, a damaged one and one of the other engine, naming it, and changes nothing', async () => {
      const url = await fresh();
      const app = await openTestApp(url);
      let before: Counts;
      try {
        await seed(app);
        before = await countsOf(app);
      } finally {
        await app.close();
      }

      const junk = join(dir, 'notes.txt');
      await writeFile(junk, 'this is not a backup\n');
      const notBackup = await mitra(url, ['db', 'restore', junk]);
      expect(notBackup.code).toBe(3);
      expect(notBackup.err).toContain(`${junk} is not a Mitra backup`);

      const mine = join(dir, `damaged-source.${engine.engine}`);
      expect((await mitra(url, ['db', 'backup', mine])).code).toBe(0);
      const damaged = join(dir, `damaged.${engine.engine}`);
      const bytes = await readFile(mine);
      await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const broken = await mitra(url, ['db', 'restore', damaged]);
      expect(broken.code).toBe(3);
      expect(broken.err).toContain(damaged);

      // A backup of the other engine: a real SQLite backup for PostgreSQL, pg_dump's signature for SQLite.
      const other = join(dir, `other-engine-of-${engine.engine}`);
      if (engine.engine === 'postgres') {
        const sqliteUrl = `file:${join(dir, 'other.sqlite')}`;
        await (await openTestApp(sqliteUrl)).close();
        expect((await mitra(sqliteUrl, ['db', 'backup', other])).code).toBe(0);
      } else {
        await writeFile(other, Buffer.concat([Buffer.from('PGDMP', 'latin1'), Buffer.alloc(100)]));
      }
      const wrongEngine = await mitra(url, ['db', 'restore', other]);
      expect(wrongEngine.code).toBe(3);
      const kind = engine.engine === 'postgres' ? 'SQLite' : 'PostgreSQL';
      expect(wrongEngine.err).toContain(`${other} is a ${kind} backup`);

      if (engine.engine === 'postgres') {
        // Without the PostgreSQL client tools: a configuration error naming the missing one.
        const empty = join(dir, 'no-tools');
        await mkdir(empty, { recursive: true });
        const noTools = await runMitra(['db', 'restore', mine], { DATABASE_URL: url, PATH: empty });
        expect(noTools.code).toBe(7);
        expect(noTools.err).toMatch(/pg_restore was not found on PATH: install the PostgreSQL client tools/);
      }

      const after = await openTestApp(url);
      try {
        expect(await countsOf(after)).toEqual(before);
        expect(await countOf(after, 'sessions')).toBe(1);
      } finally {
        await after.close();
      }
    }, 60_000);
  });
}
