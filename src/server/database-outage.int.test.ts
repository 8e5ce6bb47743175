/**
 * The server survives its database (issue 19): while PostgreSQL is out of reach (stopped, its
 * connections ended by pg_terminate_backend), requests get a 503 problem in a second or two and
 * /api/health says so; the pool reconnects by itself and the same process serves again once the
 * database is back; nothing secret reaches a log. SQLite locked by another writer: a write waits
 * for its busy timeout, then 503, never 500.
 *
 * The PostgreSQL outage goes through a TCP relay in front of the server (closing it is the
 * database going away for this app only), so the other test files sharing the server go on.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openApp, serverFor, type AppContext } from '../main.js';
import { aProgram } from '../testing/builders.js';
import { ENGINES, TEST_DATABASE_URL } from '../testing/engines.js';
import { asSession, signIn, type TestSession } from '../testing/server.js';

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored on the same port. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const [s, other] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(s);
        s.on('error', () => s.destroy());
        // One side gone (PostgreSQL ended its backend, or the app its connection): the other
        // goes too, as a direct connection would; a pipe alone keeps it open on an error.
        s.on('close', () => {
          this.sockets.delete(s);
          other.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

const postgres = ENGINES.find((e) => e.engine === 'postgres');

interface Served {
  readonly app: AppContext;
  readonly server: FastifyInstance;
  readonly coordinator: TestSession;
  close(): Promise<void>;
}

/** The app and its server on a database URL with these settings, and a signed-in coordinator. */
async function serve(
  url: string,
  env: Record<string, string>,
  drop: () => Promise<void>,
  onConnectionLost?: (summary: string) => void,
): Promise<Served> {
  // The coordinator signs in with a password alone (no second factor: src/testing/engines.ts openTestApp).
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MITRA_TOTP_REQUIRED_ROLES: 'none', ...env });
  const app = await openApp(config, onConnectionLost ? { onConnectionLost } : {});
  const server = await serverFor(app, { logLevel: 'silent' });
  await server.ready();
  const coordinator = await signIn(server, app, 'coordinator');
  return {
    app,
    server,
    coordinator,
    close: async () => {
      await server.close();
      await app.close();
      await drop();
    },
  };
}

describe.skipIf(!postgres)('a PostgreSQL outage [postgres]', () => {
  let serving: Served;
  let relay: Relay;
  const logged: string[] = [];
  const server = () => serving.server;

  beforeAll(async () => {
    const db = await (postgres as NonNullable<typeof postgres>).create();
    const url = new URL(db.url);
    relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.start();
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    serving = await serve(url.toString(), { MITRA_DB_CONNECT_TIMEOUT_MS: '1000' }, db.drop, (summary) => logged.push(summary));
  });

  afterAll(() => serving?.close());

  const list = () => server().inject({ url: '/api/v1/activities?sort=title&pageSize=5' });

  it('answers 503 within seconds while the database is away, and serves again once it is back', async () => {
    expect((await list()).statusCode).toBe(200);
    await relay.cut();
    for (const request of [
      list,
      () => asSession(server(), serving.coordinator).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() }),
    ]) {
      const started = performance.now();
      const answer = await request();
      expect(performance.now() - started).toBeLessThan(2500);
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.json()).toMatchObject({ status: 503, code: 'database.unavailable' });
    }
    const health = await server().inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', database: 'down' });

    await relay.start();
    const back = performance.now();
    let served = await list();
    while (served.statusCode !== 200 && performance.now() - back < 5000) served = await list();
    expect(served.statusCode).toBe(200);
    expect((await server().inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', database: 'up' });
    expect(
      (await asSession(server(), serving.coordinator).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() }))
        .statusCode,
    ).toBe(201);
  });

  it('replaces connections that PostgreSQL ends, and logs no secret', async () => {
    expect((await list()).statusCode).toBe(200);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const ended = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [
        `mitra:${serving.app.database.schema}`,
      ]);
      expect(ended.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const started = performance.now();
    let served = await list();
    while (served.statusCode !== 200 && performance.now() - started < 5000) served = await list();
    expect(served.statusCode).toBe(200);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) {
      expect(line).toMatch(/^database connection lost/);
      expect(line).not.toMatch(/secret|password|processID|_clients|Client \{/i);
    }
  });
});

describe('SQLite locked by another writer [sqlite]', () => {
  let serving: Served;
  let path = '';
  const server = () => serving.server;

  beforeAll(async () => {
    const db = await (ENGINES.find((e) => e.engine === 'sqlite') as NonNullable<(typeof ENGINES)[number]>).create();
    path = db.url.slice('file:'.length);
    serving = await serve(db.url, { MITRA_DB_BUSY_TIMEOUT_MS: '300' }, db.drop);
  });

  afterAll(() => serving?.close());

  it('answers a write 503 after the busy timeout, reads still work, and the write goes through once the lock is gone', async () => {
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    other.exec('begin immediate');
    try {
      const write = await asSession(server(), serving.coordinator).inject({
        method: 'POST',
        url: '/api/v1/activities',
        payload: aProgram(),
      });
      expect(write.statusCode).toBe(503);
      expect(write.json()).toMatchObject({ code: 'database.unavailable' });
      expect(write.headers['retry-after']).toBe('2');
      expect((await server().inject({ url: '/api/v1/activities' })).statusCode).toBe(200);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(
      (await asSession(server(), serving.coordinator).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() }))
        .statusCode,
    ).toBe(201);
  });
});
