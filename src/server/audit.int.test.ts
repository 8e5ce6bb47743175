/**
 * The audit trail, field by field: every write records who did what to which record, with only
 * the fields that changed (before and after), and never a password. Administrators search it;
 * a program's history is open to anyone signed in; nobody can change it, not even with SQL.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverFor } from '../main.js';
import { aProgram, anOrganisation, aParticipant } from '../testing/builders.js';
import { describeEachEngine } from '../testing/engines.js';
import { asSession, ensureOrg, loginAs, signIn, TEST_PASSWORD, type TestSession } from '../testing/server.js';

const OWN = 'ID-AUD-AGENCY';
/** The fixed clock of openTestApp: every entry is written at this instant. */
const NOW = '2026-11-28T09:00:00.000Z';

interface Entry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  entityLabel: string | null;
  entityVersion: number | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  comment: string | null;
}
interface AuditPage {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}

describeEachEngine('the audit trail', (app) => {
  let server: FastifyInstance;
  let admin: TestSession;
  let coordinator: TestSession;
  let agency: TestSession;
  let viewer: TestSession;
  const as = (s: TestSession | null) => (s ? asSession(server, s) : server);

  beforeAll(async () => {
    server = await serverFor(app(), { logLevel: 'silent' });
    await server.ready();
    await ensureOrg(app(), OWN);
    admin = await signIn(server, app(), 'admin');
    coordinator = await signIn(server, app(), 'coordinator');
    agency = await signIn(server, app(), 'agency', OWN);
    viewer = await signIn(server, app(), 'viewer');
  }, 60_000);

  const search = async (query: string, who: TestSession = admin): Promise<AuditPage> => {
    const response = await as(who).inject({ url: `/api/v1/audit?${/pageSize=/.test(query) ? '' : 'pageSize=500&'}${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditPage;
  };
  const entries = async (entity: string, entityId: string | number) =>
    (await search(`entity=${entity}&entityId=${encodeURIComponent(String(entityId))}`)).items;
  const total = async () => (await search('pageSize=1')).total;
  const by = (s: TestSession) => ({ actorUserId: s.userId, actorLabel: s.email, at: NOW });
  const newProgram = async (who: TestSession, overrides: Parameters<typeof aProgram>[0] = {}) => {
    const response = await as(who).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; identifier: string; version: number };
  };

  describe('programs', () => {
    it('records a creation with every filled field and no version or timestamps', async () => {
      const p = await newProgram(coordinator, {
        implementingOrg: OWN,
        participantsPlanned: 20,
        recipients: [{ country: 'KE' }, { country: 'TZ' }],
      });
      const [entry, ...rest] = await entries('activity', p.id);
      expect(rest).toEqual([]);
      expect(entry).toEqual({
        id: expect.any(Number),
        ...by(coordinator),
        action: 'create',
        entity: 'activity',
        entityId: String(p.id),
        entityLabel: p.identifier,
        entityVersion: 1,
        comment: null,
        changes: expect.any(Object),
      });
      const changes = entry!.changes;
      expect(changes).toMatchObject({
        id: { before: null, after: p.id },
        identifier: { before: null, after: p.identifier },
        titleEn: { before: null, after: 'International training on aquaculture' },
        titleId: { before: null, after: 'Pelatihan internasional budi daya perikanan' },
        modality: { before: null, after: 'training' },
        lifecycleStage: { before: null, after: 'request' },
        plannedStart: { before: null, after: '2018-07-15' },
        implementingOrg: { before: null, after: OWN },
        participantsPlanned: { before: null, after: 20 },
        recipients: {
          before: null,
          after: [
            { country: 'KE', percentage: null },
            { country: 'TZ', percentage: null },
          ],
        },
      });
      for (const change of Object.values(changes)) expect(change.before).toBeNull();
      for (const noise of ['version', 'createdAt', 'updatedAt', 'year']) expect(changes).not.toHaveProperty(noise);
      // Empty fields are not listed on a creation.
      for (const empty of ['descriptionEn', 'actualStart', 'partners', 'budgets', 'transactions'])
        expect(changes).not.toHaveProperty(empty);
    });

    it('records a change with only the changed fields, before and after', async () => {
      const p = await newProgram(coordinator, { implementingOrg: OWN, participantsPlanned: 20, venueCity: 'Banyuwangi' });
      const patched = await as(agency).inject({
        method: 'PATCH',
        url: `/api/v1/activities/${p.id}`,
        payload: {
          titleEn: 'Aquaculture II',
          participantsPlanned: 25,
          venueCity: null,
          recipients: [{ country: 'KE' }, { country: 'UG' }],
          plannedStart: '2018-07-15',
        },
        headers: { 'if-match': '"1"' },
      });
      expect(patched.statusCode).toBe(200);
      const [update] = await entries('activity', p.id);
      expect(update).toEqual({
        id: expect.any(Number),
        ...by(agency),
        action: 'update',
        entity: 'activity',
        entityId: String(p.id),
        entityLabel: p.identifier,
        entityVersion: 2,
        comment: null,
        changes: {
          participantsPlanned: { before: 20, after: 25 },
          recipients: {
            before: [{ country: 'KE', percentage: null }],
            after: [
              { country: 'KE', percentage: null },
              { country: 'UG', percentage: null },
            ],
          },
          titleEn: { before: 'International training on aquaculture', after: 'Aquaculture II' },
          venueCity: { before: 'Banyuwangi', after: null },
        },
      });
      // A replacement (PUT) clears what it leaves out, and says so.
      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'PUT',
        url: `/api/v1/activities/${p.id}`,
        payload: { identifier: p.identifier, titleId: 'Judul baru', implementingOrg: OWN },
      });
      const [replace] = await entries('activity', p.id);
      expect(replace).toMatchObject({ ...by(coordinator), action: 'update', entityVersion: 3 });
      expect(replace!.changes).toMatchObject({
        titleEn: { before: 'Aquaculture II', after: null },
        titleId: { before: 'Pelatihan internasional budi daya perikanan', after: 'Judul baru' },
        participantsPlanned: { before: 25, after: null },
        modality: { before: 'training', after: null },
      });
      expect(replace!.changes).not.toHaveProperty('implementingOrg');
      expect(replace!.changes).not.toHaveProperty('identifier');
      expect(replace!.changes).not.toHaveProperty('lifecycleStage');
    });

    it('records a transition with the stages and its comment, and a deletion with what was lost', async () => {
      const p = await newProgram(coordinator, { titleEn: 'To be rejected' });
      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'POST',
        url: `/api/v1/activities/${p.id}/transitions`,
        payload: { action: 'submit' },
      });
      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'POST',
        url: `/api/v1/activities/${p.id}/transitions`,
        payload: { action: 'reject', comment: 'Outside the priorities' },
      });
      const [reject, submit] = await entries('activity', p.id);
      expect(submit).toMatchObject({
        action: 'transition',
        entityVersion: 2,
        comment: null,
        changes: { lifecycleStage: { before: 'request', after: 'assessment' } },
      });
      expect(reject).toEqual({
        id: expect.any(Number),
        ...by(coordinator),
        action: 'transition',
        entity: 'activity',
        entityId: String(p.id),
        entityLabel: p.identifier,
        entityVersion: 3,
        comment: 'Outside the priorities',
        // The status follows the stage (issue 21): a rejected request reports cancelled.
        changes: {
          lifecycleStage: { before: 'assessment', after: 'rejected' },
          activityStatus: { before: 'pipeline', after: 'cancelled' },
        },
      });

      expect(
        (await as(admin).inject({ method: 'DELETE', url: `/api/v1/activities/${p.id}`, headers: { 'if-match': '"3"' } })).statusCode,
      ).toBe(204);
      const [deletion] = await entries('activity', p.id);
      expect(deletion).toMatchObject({
        ...by(admin),
        action: 'delete',
        entity: 'activity',
        entityId: String(p.id),
        entityLabel: p.identifier,
        entityVersion: null,
        comment: null,
      });
      expect(deletion!.changes).toMatchObject({
        id: { before: p.id, after: null },
        identifier: { before: p.identifier, after: null },
        titleEn: { before: 'To be rejected', after: null },
        lifecycleStage: { before: 'rejected', after: null },
      });
      for (const change of Object.values(deletion!.changes)) expect(change.after).toBeNull();
      expect(deletion!.changes).not.toHaveProperty('version');
      // The history outlives the program.
      expect((await entries('activity', p.id)).map((e) => e.action)).toEqual(['delete', 'transition', 'transition', 'create']);
    });

    it('writes nothing when a change is refused', async () => {
      const p = await newProgram(coordinator);
      const before = await total();
      expect(
        (
          await as(viewer).inject({
            headers: { 'if-match': '*' },
            method: 'PATCH',
            url: `/api/v1/activities/${p.id}`,
            payload: { titleEn: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await as(coordinator).inject({
            method: 'PATCH',
            url: `/api/v1/activities/${p.id}`,
            payload: { titleEn: 'x' },
            headers: { 'if-match': '"9"' },
          })
        ).statusCode,
      ).toBe(409);
      expect(
        (
          await as(coordinator).inject({
            headers: { 'if-match': '*' },
            method: 'PATCH',
            url: `/api/v1/activities/${p.id}`,
            payload: { plannedEnd: '2000-01-01' },
          })
        ).statusCode,
      ).toBe(422);
      expect(
        (
          await as(coordinator).inject({
            headers: { 'if-match': '*' },
            method: 'POST',
            url: `/api/v1/activities/${p.id}/transitions`,
            payload: { action: 'fund' },
          })
        ).statusCode,
      ).toBe(409);
      expect(await total()).toBe(before);
    });
  });

  describe('participants, organisations and imports', () => {
    it('records a participant’s addition, change and removal, without its person key', async () => {
      const p = await newProgram(coordinator, { implementingOrg: OWN, recipients: [{ country: 'KE' }] });
      const added = await as(agency).inject({
        method: 'POST',
        url: `/api/v1/activities/${p.id}/participants`,
        payload: aParticipant({
          fullName: 'Achieng Odhiambo',
          email: 'achieng@example.org',
          sex: 'F',
          organisation: 'Kenya Fisheries Service',
        }),
      });
      const participantId = added.json().id as number;
      const label = `${p.identifier} #${participantId}`;
      await as(agency).inject({
        headers: { 'if-match': '*' },
        method: 'PATCH',
        url: `/api/v1/activities/${p.id}/participants/${participantId}`,
        payload: { position: 'Fisheries officer', status: 'attended' },
      });
      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'DELETE',
        url: `/api/v1/activities/${p.id}/participants/${participantId}`,
      });
      const [removed, changed, created] = await entries('participant', participantId);
      expect(created).toMatchObject({
        ...by(agency),
        action: 'create',
        entity: 'participant',
        entityId: String(participantId),
        entityLabel: label,
        entityVersion: null,
      });
      expect(created!.changes).toMatchObject({
        fullName: { before: null, after: 'Achieng Odhiambo' },
        email: { before: null, after: 'achieng@example.org' },
        sex: { before: null, after: 'F' },
        country: { before: null, after: 'KE' },
        organisation: { before: null, after: 'Kenya Fisheries Service' },
        status: { before: null, after: 'attended' },
        activityId: { before: null, after: p.id },
      });
      expect(created!.changes).not.toHaveProperty('personKey');
      expect(changed).toEqual({
        id: expect.any(Number),
        ...by(agency),
        action: 'update',
        entity: 'participant',
        entityId: String(participantId),
        entityLabel: label,
        entityVersion: null,
        comment: null,
        changes: { position: { before: null, after: 'Fisheries officer' } },
      });
      expect(removed).toMatchObject({ ...by(coordinator), action: 'delete', entityLabel: label });
      expect(removed!.changes).toMatchObject({
        fullName: { before: 'Achieng Odhiambo', after: null },
        position: { before: 'Fisheries officer', after: null },
      });
      expect(JSON.stringify([created, changed, removed])).not.toContain('email:achieng');
    });

    it('records an organisation’s registration, change and deletion', async () => {
      const input = anOrganisation({ nameEn: 'Ministry of Marine Affairs', acronym: 'MMA' });
      await as(coordinator).inject({ method: 'POST', url: '/api/v1/organisations', payload: input });
      await as(coordinator).inject({
        method: 'PATCH',
        url: `/api/v1/organisations/${input.code}`,
        payload: { nameId: 'Kementerian Kelautan', acronym: null },
      });
      await as(admin).inject({ method: 'DELETE', url: `/api/v1/organisations/${input.code}` });
      const [deleted, changed, created] = await entries('organisation', input.code);
      expect(created).toMatchObject({
        ...by(coordinator),
        action: 'create',
        entityId: input.code,
        entityLabel: 'Ministry of Marine Affairs',
      });
      expect(created!.changes).toMatchObject({
        code: { before: null, after: input.code },
        nameEn: { before: null, after: 'Ministry of Marine Affairs' },
        acronym: { before: null, after: 'MMA' },
        kind: { before: null, after: 'provider_agency' },
      });
      expect(changed!.changes).toEqual({
        acronym: { before: 'MMA', after: null },
        nameId: { before: null, after: 'Kementerian Kelautan' },
      });
      expect(deleted).toMatchObject({ ...by(admin), action: 'delete', changes: { code: { before: input.code, after: null } } });
    });

    it('records an import as one entry with its counts, and a rejected or trial import not at all', async () => {
      const upload = (kind: string, body: string, query = '') =>
        as(coordinator).inject({
          method: 'POST',
          url: `/api/v1/imports/${kind}${query}`,
          payload: body,
          headers: { 'content-type': 'text/csv', 'x-file-name': `${kind}.csv` },
        });
      const before = await total();
      const rates = await upload('rates', 'currency,date,units_per_usd\nEUR,2018-01-01,0.83\nEUR,2018-06-01,0.86\nIDR,2018-01-01,13500\n');
      expect(rates.json()).toMatchObject({ status: 'committed', inserted: 3 });
      const programs = await upload(
        'activities',
        `identifier,title_en,recipient_countries,start_date\nAUD-IMP-1,One,Kenya,2018-03-01\nAUD-IMP-2,Two,Fiji,2018-04-01\n`,
      );
      expect(programs.json()).toMatchObject({ status: 'committed', inserted: 2 });
      // One entry per import, none per row.
      expect(await total()).toBe(before + 2);
      const [entry] = await entries('import', rates.json().batchId);
      expect(entry).toEqual({
        id: expect.any(Number),
        ...by(coordinator),
        action: 'import',
        entity: 'import',
        entityId: String(rates.json().batchId),
        entityLabel: 'rates: rates.csv',
        entityVersion: null,
        comment: null,
        changes: { rows: { before: null, after: 3 }, inserted: { before: null, after: 3 }, updated: { before: null, after: 0 } },
      });
      const again = await upload('rates', 'currency,date,units_per_usd\nEUR,2018-01-01,0.84\n');
      expect((await entries('import', again.json().batchId))[0]!.changes).toEqual({
        rows: { before: null, after: 1 },
        inserted: { before: null, after: 0 },
        updated: { before: null, after: 1 },
      });

      const afterCommitted = await total();
      expect((await upload('rates', 'currency,date,units_per_usd\nEUR,2018-01-01,zero\n')).statusCode).toBe(422);
      expect((await upload('rates', 'currency,date,units_per_usd\nEUR,2019-01-01,0.9\n', '?dryRun=true')).json().status).toBe('dry_run');
      expect(await total()).toBe(afterCommitted);
    });
  });

  describe('sessions and accounts', () => {
    it('records a sign-in, a failed sign-in, a sign-out and a password change, never the password', async () => {
      const user = await signIn(server, app(), 'viewer');
      const secret = 'wrong password that must not be logged';
      await server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email.toUpperCase(), password: secret },
        remoteAddress: '10.9.8.7',
      });
      await server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'ghost@example.org', password: secret },
        remoteAddress: '10.9.8.7',
      });
      const fresh = await loginAs(server, user.email, user.userId);
      const newPassword = 'an entirely new passphrase';
      expect(
        (await as(fresh).inject({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword } }))
          .statusCode,
      ).toBe(204);
      expect((await as(fresh).inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);

      const sessions = (await search(`entity=session&q=${encodeURIComponent(user.email)}`)).items;
      expect(sessions.map((e) => e.action)).toEqual(['logout', 'login', 'login_failed', 'login']);
      const [logout, login, failed] = sessions;
      expect(failed).toEqual({
        id: expect.any(Number),
        at: NOW,
        actorUserId: null,
        actorLabel: 'anonymous',
        action: 'login_failed',
        entity: 'session',
        entityId: null,
        entityLabel: user.email,
        entityVersion: null,
        changes: {},
        comment: 'from 10.9.8.7',
      });
      expect(login).toEqual({
        id: expect.any(Number),
        ...by(user),
        action: 'login',
        entity: 'session',
        entityId: String(user.userId),
        entityLabel: user.email,
        entityVersion: null,
        changes: {},
        comment: 'from 127.0.0.1',
      });
      expect(logout).toMatchObject({
        ...by(user),
        action: 'logout',
        entity: 'session',
        entityId: String(user.userId),
        entityLabel: user.email,
      });
      expect((await search('action=login_failed&q=ghost%40example.org')).items).toEqual([
        expect.objectContaining({ entityLabel: 'ghost@example.org', actorLabel: 'anonymous' }),
      ]);

      const [change] = (await search(`entity=user&entityId=${user.userId}&action=password_change`)).items;
      expect(change).toEqual({
        id: expect.any(Number),
        ...by(user),
        action: 'password_change',
        entity: 'user',
        entityId: String(user.userId),
        entityLabel: user.email,
        entityVersion: null,
        comment: null,
        changes: { password: { before: '[redacted]', after: '[redacted]' } },
      });
      const everything = JSON.stringify((await search('')).items);
      for (const plain of [secret, newPassword, TEST_PASSWORD, '$argon2']) expect(everything).not.toContain(plain);
    });

    it('records an account’s creation and changes, with the password shown as [redacted]', async () => {
      const password = 'the first secret phrase of hers';
      const created = await as(admin).inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'Ayu@Example.org', name: 'Ayu Lestari', role: 'agency', orgCode: OWN, password },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as number;
      const changed = await as(admin).inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        payload: { role: 'viewer', orgCode: null, password: 'the second secret phrase of hers' },
        headers: { 'if-match': '"1"' },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      await as(admin).inject({
        headers: { 'if-match': '*' },
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        payload: { disabled: true, name: 'Ayu Lestari' },
      });
      const [disable, update, create] = await entries('user', id);
      expect(create).toEqual({
        id: expect.any(Number),
        ...by(admin),
        action: 'create',
        entity: 'user',
        entityId: String(id),
        entityLabel: 'ayu@example.org',
        entityVersion: 1,
        comment: null,
        changes: {
          disabled: { before: null, after: false },
          email: { before: null, after: 'ayu@example.org' },
          name: { before: null, after: 'Ayu Lestari' },
          orgCode: { before: null, after: OWN },
          role: { before: null, after: 'agency' },
        },
      });
      // The entry carries the version the account has after the change (its ETag).
      expect(update).toMatchObject({ ...by(admin), action: 'update', entityVersion: changed.json().version });
      expect(update!.changes).toEqual({
        orgCode: { before: OWN, after: null },
        password: { before: '[redacted]', after: '[redacted]' },
        role: { before: 'agency', after: 'viewer' },
      });
      expect(disable!.changes).toEqual({ disabled: { before: false, after: true } });
      expect(JSON.stringify((await search('entity=user')).items)).not.toMatch(/secret phrase|argon2/);
    });
  });

  describe('reading the log', () => {
    it('gives anyone signed in a program’s own history, newest first, with paging and afterVersion', async () => {
      const p = await newProgram(coordinator, { implementingOrg: OWN });
      await as(agency).inject({
        headers: { 'if-match': '*' },
        method: 'PATCH',
        url: `/api/v1/activities/${p.id}`,
        payload: { titleEn: 'Second title' },
      });
      await as(agency).inject({
        headers: { 'if-match': '*' },
        method: 'POST',
        url: `/api/v1/activities/${p.id}/transitions`,
        payload: { action: 'submit' },
      });
      await as(coordinator).inject({ method: 'POST', url: `/api/v1/activities/${p.id}/participants`, payload: aParticipant() });
      for (const who of [viewer, agency, admin]) {
        const history = (await as(who).inject({ url: `/api/v1/activities/${p.id}/history` })).json() as AuditPage;
        expect(history.items.map((e) => [e.action, e.entityVersion, e.actorLabel])).toEqual([
          ['transition', 3, agency.email],
          ['update', 2, agency.email],
          ['create', 1, coordinator.email],
        ]);
        expect(history.total).toBe(3);
      }
      const after = (await as(viewer).inject({ url: `/api/v1/activities/${p.id}/history?afterVersion=1` })).json() as AuditPage;
      expect(after.items.map((e) => e.entityVersion)).toEqual([3, 2]);
      const second = (await as(viewer).inject({ url: `/api/v1/activities/${p.id}/history?pageSize=1&page=2` })).json() as AuditPage;
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [expect.objectContaining({ action: 'update' })] });
      const anonymous = await server.inject({ url: `/api/v1/activities/${p.id}/history` });
      expect(anonymous.statusCode).toBe(401);
    });

    it('lets administrators only search the whole log, by text, entity, action, actor and time, in pages', async () => {
      for (const who of [coordinator, agency, viewer]) {
        const refused = await as(who).inject({ url: '/api/v1/audit' });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().code).toBe('user.forbidden');
      }
      expect((await server.inject({ url: '/api/v1/audit' })).statusCode).toBe(401);

      const marker = `Unmistakable marker ${Date.now()}`;
      const p = await newProgram(coordinator, { titleEn: marker });
      await as(coordinator).inject({
        headers: { 'if-match': '*' },
        method: 'POST',
        url: `/api/v1/activities/${p.id}/transitions`,
        payload: { action: 'cancel', comment: `${marker} cancelled` },
      });
      const byText = await search(`q=${encodeURIComponent(marker.toLowerCase())}`);
      expect(byText.items.map((e) => e.action)).toEqual(['transition', 'create']);
      expect((await search(`q=${encodeURIComponent(marker)}&action=transition`)).items).toEqual([
        expect.objectContaining({ comment: `${marker} cancelled` }),
      ]);
      expect((await search(`q=${encodeURIComponent(p.identifier)}&entity=participant`)).total).toBe(0);
      const byActor = await search(`actorUserId=${coordinator.userId}&entity=activity&entityId=${p.id}`);
      expect(byActor.total).toBe(2);
      expect((await search(`actorUserId=${admin.userId}&entity=activity&entityId=${p.id}`)).total).toBe(0);
      expect((await search(`from=2026-11-28&to=2026-11-29&entity=activity&entityId=${p.id}`)).total).toBe(2);
      expect((await search(`from=2026-11-29&entity=activity&entityId=${p.id}`)).total).toBe(0);
      // Wildcards in the text are plain characters.
      expect((await search('q=%25')).total).toBeLessThan((await search('')).total);

      const all = await search('');
      const pages: Entry[] = [];
      for (let page = 1; page <= 3; page++) {
        const chunk = await search(`pageSize=3&page=${page}`);
        expect(chunk).toMatchObject({ page, pageSize: 3, total: all.total });
        pages.push(...chunk.items);
      }
      expect(pages).toEqual(all.items.slice(0, 9));
      expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));

      for (const bad of ['entity=planet', 'action=erase', 'pageSize=501', 'page=0', 'actorUserId=x']) {
        const response = await as(admin).inject({ url: `/api/v1/audit?${bad}` });
        expect(response.statusCode, bad).toBe(400);
      }
    });
  });

  describe('immutability', () => {
    it('offers no route to change or remove an entry', async () => {
      const [latest] = (await search('pageSize=1')).items;
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        for (const url of ['/api/v1/audit', `/api/v1/audit/${latest!.id}`]) {
          const response = await as(admin).inject({ method, url, payload: { comment: 'rewritten' } });
          expect([404, 405], `${method} ${url}`).toContain(response.statusCode);
        }
      }
      const [still] = (await search(`pageSize=500`)).items.filter((e) => e.id === latest!.id);
      expect(still).toEqual(latest);
    });

    it('refuses UPDATE and DELETE on the table itself (database trigger)', async () => {
      const db = app().database.db;
      const before = await total();
      const [latest] = (await search('pageSize=1')).items;
      await expect(sql`update audit_log set actor_label = ${'someone else'} where id = ${latest!.id}`.execute(db)).rejects.toThrow(
        /audit log cannot be changed/,
      );
      await expect(sql`update audit_log set changes = ${'{}'}`.execute(db)).rejects.toThrow(/audit log cannot be changed/);
      await expect(sql`delete from audit_log where id = ${latest!.id}`.execute(db)).rejects.toThrow(/audit log cannot be changed/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/audit log cannot be changed/);
      expect(await total()).toBe(before);
      expect((await search('pageSize=1')).items[0]).toEqual(latest);
    });
  });
});
