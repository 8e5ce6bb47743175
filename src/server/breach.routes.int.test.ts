/**
 * The breach log (UU PDP Art. 46; docs/privacy.md) through the API at the tests' fixed clock
 * (2026-11-28T09:00Z): the deadline is discovery + 72 hours, overdue while a notification is
 * missing after it, notifications recorded with If-Match, a stale version refused, every write
 * audited, the coordination team only.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, signIn } from '../testing/server.js';

type Breach = { id: number; deadlineAt: string; overdue: boolean; notifiedLate: boolean; hoursLeft: number | null; version: number };

describeEachEngine('breach log API', (app: () => AppContext) => {
  const as = {} as Record<'admin' | 'coordinator' | 'agency' | 'viewer' | 'public', FastifyInstance>;

  beforeAll(async () => {
    const server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    as.admin = asSession(server, await signIn(server, app(), 'admin'));
    as.coordinator = asSession(server, await signIn(server, app(), 'coordinator'));
    as.agency = asSession(server, await signIn(server, app(), 'agency', 'ID-PDP-BREACH'));
    as.viewer = asSession(server, await signIn(server, app(), 'viewer'));
    as.public = server;
  });

  const record = (discoveredAt: string) =>
    as.coordinator.inject({
      method: 'POST',
      url: '/api/v1/personal-data/breaches',
      payload: {
        discoveredAt,
        description: 'A laptop with an export was lost',
        categories: ['identity', 'contact'],
        recordsAffected: 40,
        personsAffected: 35,
      },
    });

  it('computes the deadline as discovery + 72 hours and flags the overdue one', async () => {
    const old = await record('2026-11-24T09:00:00Z');
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json()).toMatchObject({ deadlineAt: '2026-11-27T09:00:00.000Z', overdue: true, hoursLeft: -24 });
    const fresh = await record('2026-11-27T12:00:00+00:00');
    expect(fresh.json()).toMatchObject({ deadlineAt: '2026-11-30T12:00:00.000Z', overdue: false, hoursLeft: 51 });
    const list = (await as.admin.inject({ method: 'GET', url: '/api/v1/personal-data/breaches' })).json() as { items: Breach[] };
    const mine = list.items.filter((b) => [(old.json() as Breach).id, (fresh.json() as Breach).id].includes(b.id));
    expect(mine.map((b) => b.overdue)).toEqual([false, true]);
  });

  it('records the notifications with If-Match, refuses a stale version and audits each write', async () => {
    const created = (await record('2026-11-26T09:00:00Z')).json() as Breach;
    const url = `/api/v1/personal-data/breaches/${created.id}`;
    const read = await as.coordinator.inject({ method: 'GET', url });
    expect(read.headers.etag).toBe('"1"');
    const patched = await as.coordinator.inject({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: {
        subjectsNotifiedAt: '2026-11-27T10:00:00Z',
        authorityNotifiedAt: '2026-11-29T10:00:00Z',
        notificationNote: 'letters sent',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json()).toMatchObject({
      overdue: false,
      notifiedLate: true,
      hoursLeft: null,
      subjectsNotifiedAt: '2026-11-27T10:00:00.000Z',
    });
    const stale = await as.coordinator.inject({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { closedAt: '2026-11-28T08:00:00Z' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await as.coordinator.inject({ method: 'PATCH', url, headers: { 'if-match': 'nope' }, payload: {} })).statusCode).toBe(400);
    const log = await app().deps.store.repos.audit.search({ entity: 'data_breach', entityId: String(created.id), page: 1, pageSize: 10 });
    expect(log.items.map((e) => e.action).sort()).toEqual(['create', 'update']);
    expect(log.items.find((e) => e.action === 'update')?.changes.authorityNotifiedAt).toEqual({
      before: null,
      after: '2026-11-29T10:00:00.000Z',
    });
  });

  it('refuses a breach without categories and other roles', async () => {
    const bad = await as.coordinator.inject({
      method: 'POST',
      url: '/api/v1/personal-data/breaches',
      payload: { discoveredAt: '2026-11-26T09:00:00Z', description: 'x', categories: [], personsAffected: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await as.agency.inject({ method: 'GET', url: '/api/v1/personal-data/breaches' })).statusCode).toBe(403);
    expect((await as.viewer.inject({ method: 'GET', url: '/api/v1/personal-data/breaches' })).statusCode).toBe(403);
    expect((await as.public.inject({ method: 'GET', url: '/api/v1/personal-data/breaches' })).statusCode).toBe(401);
    expect((await as.coordinator.inject({ method: 'GET', url: '/api/v1/personal-data/breaches/99999999' })).statusCode).toBe(404);
  });
});
