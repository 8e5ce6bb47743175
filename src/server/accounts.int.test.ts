/**
 * Sign-in, sessions and their attacks; the audit trail field by field; the lifecycle through the
 * API. Runs on every engine with a clock the tests move (session expiry, throttling windows).
 */
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programInputSchema } from '../domain/program/program.schema.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import { createProgram } from '../services/programs.js';
import { importExchangeRates } from '../services/exchange-rates.js';
import type { Clock } from '../services/deps.js';
import { aProgram, aParticipant } from '../testing/builders.js';
import { recordCompletion, recordEvaluation } from '../testing/completion.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import { signOffFor } from '../testing/sign-offs.js';
import { asSession, ensureOrg, loginAs, signIn, TEST_PASSWORD, type TestSession } from '../testing/server.js';

class MovableClock implements Clock {
  constructor(private ms = Date.parse('2026-11-28T09:00:00.000Z')) {}
  nowIso(): string {
    return new Date(this.ms).toISOString();
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

const csv = (text: string) => ({
  name: 'rates.csv',
  batches: (async function* () {
    const lines = text.trim().split('\n');
    yield lines.map((l, i) => ({ line: i + 1, fields: l.split(',') }));
  })(),
  sha256: () => null,
});

for (const engine of ENGINES) {
  describe(`accounts, audit and lifecycle [${engine.engine}]`, () => {
    const clock = new MovableClock();
    let app: AppContext;
    let server: FastifyInstance;
    let drop: () => Promise<void> = async () => {};
    let admin: TestSession;
    let coordinator: TestSession;
    let agency: TestSession;

    beforeAll(async () => {
      const db = await engine.create();
      drop = db.drop;
      app = await openTestApp(db.url, clock);
      server = await serverFor(app, { logLevel: 'silent' });
      await server.ready();
      await ensureOrg(app, 'ID-ACC-OWN');
      await ensureOrg(app, 'ID-ACC-OTHER');
      admin = await signIn(server, app, 'admin');
      coordinator = await signIn(server, app, 'coordinator');
      agency = await signIn(server, app, 'agency', 'ID-ACC-OWN');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop();
    });

    const login = (email: string, password: string, ip = '10.0.0.1') =>
      server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
    const audit = async (query: string) =>
      (await asSession(server, admin).inject({ url: `/api/v1/audit?${query}` })).json() as {
        items: {
          action: string;
          entity: string;
          entityId: string | null;
          entityLabel: string | null;
          actorLabel: string;
          entityVersion: number | null;
          changes: Record<string, { before: unknown; after: unknown }>;
          comment: string | null;
        }[];
        total: number;
      };

    describe('sign-in', () => {
      it('answers a wrong password and an unknown email alike, then locks the email after 5 failures', async () => {
        const victim = await signIn(server, app, 'viewer');
        const wrong = await login(victim.email, 'not the right password', '10.0.0.2');
        const unknown = await login('nobody@example.org', 'not the right password', '10.0.0.2');
        expect(wrong.statusCode).toBe(401);
        expect(unknown.statusCode).toBe(401);
        expect(wrong.json().detail).toBe(unknown.json().detail);
        expect(wrong.json().code).toBe('auth.invalid_credentials');
        for (let i = 0; i < 4; i++) expect((await login(victim.email, `wrong ${i}`, '10.0.0.2')).statusCode).toBe(401);
        const locked = await login(victim.email, TEST_PASSWORD, '10.0.0.2');
        expect(locked.statusCode).toBe(429);
        expect(locked.headers['retry-after']).toBe('900');
        // The window passes: the right password works again and clears the failures.
        clock.advanceMinutes(16);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);
      });

      it('allows one try per wait past five failures, doubling the wait every five (15, then 30 minutes); a success forgets them', async () => {
        const victim = await signIn(server, app, 'viewer');
        for (let i = 0; i < 5; i++) expect((await login(victim.email, `first ${i}`, '10.0.0.9')).statusCode).toBe(401);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.9')).headers['retry-after']).toBe('900');
        // Past five failures within the day, one more try per wait: the window allowed five more every 15 minutes.
        for (let i = 0; i < 5; i++) {
          clock.advanceMinutes(16);
          expect((await login(victim.email, `second ${i}`, '10.0.0.9')).statusCode).toBe(401);
          expect((await login(victim.email, `at once ${i}`, '10.0.0.9')).statusCode).toBe(429);
        }
        // Ten failures within the day: the wait doubles to 30 minutes after the latest.
        const locked = await login(victim.email, TEST_PASSWORD, '10.0.0.9');
        expect(locked.statusCode).toBe(429);
        expect(locked.headers['retry-after']).toBe('1800');
        clock.advanceMinutes(16);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.9')).statusCode).toBe(429);
        clock.advanceMinutes(15);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
        // The success forgot them: one more mistake is not punished by the day's history.
        expect((await login(victim.email, 'a slip of the finger', '10.0.0.9')).statusCode).toBe(401);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.9')).statusCode).toBe(200);
      });

      it('mails the owner of a paused account one single-use link that lifts the pause', async () => {
        const victim = await signIn(server, app, 'viewer');
        for (let i = 0; i < 5; i++) await login(victim.email, `guess ${i}`, '10.0.0.11');
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.12')).statusCode).toBe(429);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.12')).statusCode).toBe(429);
        // An email without an account is paused alike, and nobody is mailed.
        for (let i = 0; i < 6; i++) await login('nobody-here@example.org', `guess ${i}`, '10.0.0.13');
        expect(await app.deps.store.repos.mailOutbox.list({ to: 'nobody-here@example.org' })).toEqual([]);
        const mails = (await app.deps.store.repos.mailOutbox.list({ to: victim.email })).filter((m) => m.kind === 'unlock_link');
        expect(mails).toHaveLength(1);
        const token = /\/unlock\?token=([A-Za-z0-9_-]+)/.exec(mails[0]?.text ?? '')?.[1] ?? '';
        expect(token.length).toBeGreaterThan(40);
        const unlock = (t: string) => server.inject({ method: 'POST', url: '/api/v1/auth/unlock', payload: { token: t } });
        expect((await unlock(token)).statusCode).toBe(204);
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.12')).statusCode).toBe(200);
        const again = await unlock(token);
        expect(again.statusCode).toBe(422);
        expect(again.json().code).toBe('auth.unlock_link_invalid');
        expect((await unlock('x'.repeat(43))).statusCode).toBe(422);
        const administrator = await signIn(server, app, 'admin');
        const entries = await asSession(server, administrator).inject({
          url: `/api/v1/audit?entity=user&entityId=${victim.userId}&action=unlock`,
        });
        expect(entries.json().items[0]).toMatchObject({
          actorLabel: victim.email,
          comment: 'by the link mailed to the owner; 5 failed sign-ins cleared',
        });
      });

      it('lets an administrator lift the limit, so the owner signs in at once (audited); nobody else may', async () => {
        const victim = await signIn(server, app, 'viewer');
        for (let i = 0; i < 5; i++) await login(victim.email, `guess ${i}`, '10.0.0.7');
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.8')).statusCode).toBe(429);
        const coordinator = await signIn(server, app, 'coordinator');
        const refused = await asSession(server, coordinator).inject({ method: 'POST', url: `/api/v1/users/${victim.userId}/unlock` });
        expect(refused.statusCode).toBe(403);
        // A session of its own: the tests before moved the clock past the first administrator's idle time.
        const administrator = await signIn(server, app, 'admin');
        const unlocked = await asSession(server, administrator).inject({ method: 'POST', url: `/api/v1/users/${victim.userId}/unlock` });
        expect(unlocked.statusCode).toBe(200);
        expect(unlocked.json()).toEqual({ cleared: 5 });
        expect((await login(victim.email, TEST_PASSWORD, '10.0.0.8')).statusCode).toBe(200);
        const entries = await asSession(server, administrator).inject({
          url: `/api/v1/audit?entity=user&entityId=${victim.userId}&action=unlock`,
        });
        expect(entries.json().items[0]).toMatchObject({
          entityLabel: victim.email,
          comment: '5 failed sign-ins cleared',
        });
      });

      it('spends about as long on an unknown email as on a wrong password (no enumeration by timing)', async () => {
        const victim = await signIn(server, app, 'viewer');
        const time = async (email: string) => {
          const start = performance.now();
          await login(email, 'a wrong password', `10.1.0.${Math.floor(Math.random() * 200)}`);
          return performance.now() - start;
        };
        await time('warm-up@example.org');
        const unknown: number[] = [];
        const wrong: number[] = [];
        for (let i = 0; i < 3; i++) {
          unknown.push(await time(`ghost${i}@example.org`));
          wrong.push(await time(victim.email));
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
        expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
        clock.advanceMinutes(16);
      });

      it('sets an HttpOnly, SameSite session cookie and never a token in the body other than the CSRF one', async () => {
        const response = await login(admin.email, TEST_PASSWORD, '10.0.0.3');
        const cookie = String(response.headers['set-cookie']);
        expect(cookie).toMatch(/^mitra_session=[A-Za-z0-9_-]{43};/);
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Lax/);
        expect(cookie).toMatch(/Path=\//);
        expect(response.json()).toMatchObject({ user: { email: admin.email, role: 'admin' }, portal: false });
        expect(JSON.stringify(response.json())).not.toMatch(/argon2|password/i);
      });

      it('refuses a forged or garbage cookie and an expired session with 401, clearing the cookie', async () => {
        for (const cookie of [
          'mitra_session=forged-token-forged-token-forged-token-xx',
          'mitra_session=<script>',
          "mitra_session=' or 1=1 --",
        ]) {
          const response = await server.inject({ url: '/api/v1/users', headers: { cookie } });
          expect(response.statusCode).toBe(401);
          expect(response.json().code).toBe('auth.session_expired');
          expect(String(response.headers['set-cookie'])).toMatch(/mitra_session=;/);
        }
        const session = await signIn(server, app, 'viewer');
        expect((await asSession(server, session).inject({ url: '/api/v1/imports' })).statusCode).toBe(200);
        clock.advanceMinutes(121); // idle longer than 2 hours
        const expired = await asSession(server, session).inject({ url: '/api/v1/imports' });
        expect(expired.statusCode).toBe(401);
        expect(expired.json().code).toBe('auth.session_expired');
        // The public pages still work once the cookie is gone.
        expect((await server.inject({ url: '/api/v1/activities' })).statusCode).toBe(200);
        // Sessions last 12 hours at most, however busy.
        const busy = await signIn(server, app, 'viewer');
        for (let i = 0; i < 6; i++) {
          clock.advanceMinutes(110); // 660 minutes in all

          expect((await asSession(server, busy).inject({ url: '/api/v1/imports' })).statusCode).toBe(200);
        }
        clock.advanceMinutes(110);
        expect((await asSession(server, busy).inject({ url: '/api/v1/imports' })).statusCode).toBe(401);
        admin = await loginAs(server, admin.email, admin.userId);
        coordinator = await loginAs(server, coordinator.email, coordinator.userId);
        agency = await loginAs(server, agency.email, agency.userId);
      });

      it('refuses a change without the CSRF token, or with another session’s', async () => {
        const missing = await server.inject({
          method: 'POST',
          url: '/api/v1/activities',
          payload: aProgram(),
          headers: { cookie: coordinator.cookie },
        });
        expect(missing.statusCode).toBe(403);
        expect(missing.json().code).toBe('auth.csrf');
        const foreign = await server.inject({
          method: 'POST',
          url: '/api/v1/activities',
          payload: aProgram(),
          headers: { cookie: coordinator.cookie, 'x-csrf-token': admin.csrf },
        });
        expect(foreign.statusCode).toBe(403);
        // Without a session, a change is refused before its body is read (even a malformed one).
        const anonymous = await server.inject({
          method: 'POST',
          url: '/api/v1/activities',
          payload: '{"broken',
          headers: { 'content-type': 'application/json' },
        });
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json().code).toBe('auth.required');
        // Reads need no token.
        expect((await server.inject({ url: '/api/v1/imports', headers: { cookie: coordinator.cookie } })).statusCode).toBe(200);
      });

      it('ends the other sessions on a password change, and every session of a disabled account', async () => {
        const user = await signIn(server, app, 'coordinator');
        const second = await loginAs(server, user.email, user.userId);
        const weak = await asSession(server, user).inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
        });
        expect(weak.statusCode).toBe(400);
        // Twelve characters and eleven distinct ones, but on the list of common passwords (or a listed word with digits added).
        for (const common of ['password1234', 'Sunflower2026!']) {
          const refused = await asSession(server, user).inject({
            method: 'POST',
            url: '/api/v1/auth/password',
            payload: { currentPassword: TEST_PASSWORD, newPassword: common },
          });
          expect(refused.statusCode).toBe(422);
          expect(refused.json()).toMatchObject({ code: 'auth.common_password', issues: [{ path: 'newPassword', code: 'common' }] });
        }
        const adminSet = await asSession(server, admin).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/users/${user.userId}`,
          payload: { password: 'password1234' },
        });
        expect(adminSet.json()).toMatchObject({ code: 'auth.common_password', issues: [{ path: 'password' }] });
        const changed = await asSession(server, user).inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
        });
        expect(changed.statusCode).toBe(204);
        expect((await asSession(server, second).inject({ url: '/api/v1/imports' })).statusCode).toBe(401);
        expect((await asSession(server, user).inject({ url: '/api/v1/imports' })).statusCode).toBe(200);
        expect((await login(user.email, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(401);
        const disabled = await asSession(server, admin).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/users/${user.userId}`,
          payload: { disabled: true },
        });
        expect(disabled.json()).toMatchObject({ disabled: true });
        expect((await asSession(server, user).inject({ url: '/api/v1/imports' })).statusCode).toBe(401);
        const refused = await login(user.email, 'a brand new passphrase', '10.0.0.4');
        expect(refused.statusCode).toBe(401);
        expect(refused.json().detail).toBe('the email or password is wrong');
        clock.advanceMinutes(16);
      });

      it('refuses mass assignment: unknown fields, version and role where they do not belong', async () => {
        const as = asSession(server, admin);
        const extra = await as.inject({
          method: 'POST',
          url: '/api/v1/users',
          payload: { email: 'x1@example.org', name: 'X', role: 'viewer', password: 'a long enough passphrase', disabled: false, id: 1 },
        });
        expect(extra.statusCode).toBe(400);
        expect(
          extra
            .json()
            .issues.map((i: { path: string }) => i.path)
            .sort(),
        ).toEqual(['disabled', 'id']);
        const created = (
          await asSession(server, coordinator).inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() })
        ).json();
        const version = await asSession(server, coordinator).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/activities/${created.id}`,
          payload: { version: 99, createdAt: '2000-01-01', role: 'admin' },
        });
        expect(version.statusCode).toBe(400);
        expect(
          version
            .json()
            .issues.map((i: { path: string }) => i.path)
            .sort(),
        ).toEqual(['createdAt', 'role', 'version']);
        const stage = await asSession(server, coordinator).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/activities/${created.id}`,
          payload: { lifecycleStage: 'approved' },
        });
        expect(stage.statusCode).toBe(422);
        expect(stage.json().code).toBe('activity.stage_by_transition');
        const selfPromotion = await asSession(server, coordinator).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/users/${coordinator.userId}`,
          payload: { role: 'admin' },
        });
        expect(selfPromotion.statusCode).toBe(403);
        const selfLockout = await as.inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/users/${admin.userId}`,
          payload: { role: 'viewer' },
        });
        expect(selfLockout.statusCode).toBe(409);
      });

      it('keeps an agency out of another agency’s program through every write', async () => {
        const theirs = await createProgram(app.deps, programInputSchema.parse(aProgram({ implementingOrg: 'ID-ACC-OTHER' })));
        const as = asSession(server, agency);
        const attempts = [
          await as.inject({
            headers: { 'if-match': '*' },
            method: 'PATCH',
            url: `/api/v1/activities/${theirs.id}`,
            payload: { titleEn: 'Taken over' },
          }),
          await as.inject({
            headers: { 'if-match': '*' },
            method: 'PUT',
            url: `/api/v1/activities/${theirs.id}`,
            payload: aProgram({ identifier: theirs.identifier, implementingOrg: 'ID-ACC-OWN' }),
          }),
          await as.inject({ headers: { 'if-match': '*' }, method: 'DELETE', url: `/api/v1/activities/${theirs.id}` }),
          await as.inject({
            headers: { 'if-match': '*' },
            method: 'POST',
            url: `/api/v1/activities/${theirs.id}/transitions`,
            payload: { action: 'cancel', comment: 'not ours' },
          }),
        ];
        expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
        // Nor can it hand its own program to another agency.
        const mine = (await as.inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() })).json();
        expect(mine.implementingOrg).toBe('ID-ACC-OWN');
        expect(
          (
            await as.inject({
              headers: { 'if-match': '*' },
              method: 'PATCH',
              url: `/api/v1/activities/${mine.id}`,
              payload: { implementingOrg: 'ID-ACC-OTHER' },
            })
          ).statusCode,
        ).toBe(403);
        const stored = (await asSession(server, admin).inject({ url: `/api/v1/activities/${theirs.id}` })).json();
        expect(stored).toMatchObject({ titleEn: theirs.titleEn, version: 1, lifecycleStage: 'request' });
      });

      it('stores SQL metacharacters and script as text, and searches with them safely', async () => {
        const nasty = `Robert'); DROP TABLE activities; -- <script>alert("x")</script> %_\\`;
        const as = asSession(server, coordinator);
        const program = (
          await as.inject({
            method: 'POST',
            url: '/api/v1/activities',
            payload: aProgram({ titleEn: nasty, titleId: nasty, descriptionEn: nasty, venueCity: nasty }),
          })
        ).json();
        expect(program).toMatchObject({ titleEn: nasty, titleId: nasty, descriptionEn: nasty, venueCity: nasty });
        const participant = await as.inject({
          method: 'POST',
          url: `/api/v1/activities/${program.id}/participants`,
          payload: aParticipant({ fullName: nasty, organisation: nasty, position: nasty }),
        });
        expect(participant.json()).toMatchObject({ fullName: nasty, organisation: nasty, position: nasty });
        const user = await asSession(server, admin).inject({
          method: 'POST',
          url: '/api/v1/users',
          payload: { email: 'robert@example.org', name: nasty, role: 'viewer', password: 'a long enough passphrase' },
        });
        expect(user.json().name).toBe(nasty);
        const org = await asSession(server, admin).inject({
          method: 'PATCH',
          url: '/api/v1/organisations/ID-ACC-OTHER',
          payload: { nameEn: nasty },
        });
        expect(org.json().nameEn).toBe(nasty);
        const search = await as.inject({ url: `/api/v1/activities?q=${encodeURIComponent("'); DROP TABLE activities; --")}` });
        expect(search.json().items.map((a: { id: number }) => a.id)).toEqual([program.id]);
        expect((await as.inject({ url: `/api/v1/activities?q=${encodeURIComponent('%_\\')}` })).json().total).toBe(1);
        expect(
          (await asSession(server, admin).inject({ url: `/api/v1/users?q=${encodeURIComponent("' or '1'='1")}` })).json().items,
        ).toEqual([]);
        expect((await audit(`q=${encodeURIComponent("'; delete from audit_log; --")}`)).total).toBe(0);
        expect(search.headers['content-type']).toMatch(/^application\/json/);
      });
    });

    describe('audit trail', () => {
      it('records a program’s creation, changes, transitions and deletion with the changed fields', async () => {
        const as = asSession(server, coordinator);
        const created = (
          await as.inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram({ titleEn: 'Before', participantsPlanned: 10 }) })
        ).json();
        await as.inject({
          method: 'PATCH',
          url: `/api/v1/activities/${created.id}`,
          payload: { titleEn: 'After', participantsPlanned: 12 },
          headers: { 'if-match': '"1"' },
        });
        await as.inject({
          headers: { 'if-match': '*' },
          method: 'POST',
          url: `/api/v1/activities/${created.id}/transitions`,
          payload: { action: 'submit' },
        });
        await as.inject({
          headers: { 'if-match': '*' },
          method: 'POST',
          url: `/api/v1/activities/${created.id}/transitions`,
          payload: { action: 'reject', comment: 'Outside the annual priorities' },
        });
        const history = (await as.inject({ url: `/api/v1/activities/${created.id}/history` })).json().items as Awaited<
          ReturnType<typeof audit>
        >['items'];
        expect(history.map((e) => [e.action, e.entityVersion, e.actorLabel])).toEqual([
          ['transition', 4, coordinator.email],
          ['transition', 3, coordinator.email],
          ['update', 2, coordinator.email],
          ['create', 1, coordinator.email],
        ]);
        expect(history[0]).toMatchObject({
          changes: { lifecycleStage: { before: 'assessment', after: 'rejected' } },
          comment: 'Outside the annual priorities',
        });
        expect(history[2]?.changes).toEqual({
          participantsPlanned: { before: 10, after: 12 },
          titleEn: { before: 'Before', after: 'After' },
        });
        expect(history[3]?.changes.titleEn).toEqual({ before: null, after: 'Before' });
        expect(history[3]?.changes).not.toHaveProperty('version');
        await asSession(server, admin).inject({ headers: { 'if-match': '*' }, method: 'DELETE', url: `/api/v1/activities/${created.id}` });
        const deleted = await audit(`entity=activity&entityId=${created.id}&action=delete`);
        expect(deleted.items[0]).toMatchObject({
          actorLabel: admin.email,
          entityLabel: created.identifier,
          changes: { titleEn: { before: 'After', after: null } },
        });
      });

      it('records participants, organisations, imports, sign-ins and account changes, never a password', async () => {
        const as = asSession(server, coordinator);
        const program = (await as.inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() })).json();
        const p = (
          await as.inject({
            method: 'POST',
            url: `/api/v1/activities/${program.id}/participants`,
            payload: aParticipant({ fullName: 'Achieng Odhiambo' }),
          })
        ).json();
        await as.inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/activities/${program.id}/participants/${p.id}`,
          payload: { position: 'Fisheries officer' },
        });
        await as.inject({ headers: { 'if-match': '*' }, method: 'DELETE', url: `/api/v1/activities/${program.id}/participants/${p.id}` });
        const participant = await audit(`entity=participant&entityId=${p.id}`);
        expect(participant.items.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
        expect(participant.items[1]?.changes).toEqual({ position: { before: null, after: 'Fisheries officer' } });
        expect(participant.items[0]?.changes.fullName).toEqual({ before: 'Achieng Odhiambo', after: null });

        await as.inject({ method: 'PATCH', url: '/api/v1/organisations/ID-ACC-OWN', payload: { acronym: 'OWN' } });
        expect((await audit('entity=organisation&entityId=ID-ACC-OWN')).items[0]?.changes).toEqual({
          acronym: { before: null, after: 'OWN' },
        });

        const report = await importExchangeRates(
          { ...app.deps },
          csv('currency,date,units_per_usd\nEUR,2018-01-01,0.83\nEUR,2018-06-01,0.86'),
        );
        const imported = await audit(`entity=import&entityId=${report.batchId}`);
        expect(imported.items[0]).toMatchObject({
          action: 'import',
          actorLabel: 'system:cli',
          changes: { rows: { after: 2 }, inserted: { after: 2 }, updated: { after: 0 } },
        });

        const user = (
          await asSession(server, admin).inject({
            method: 'POST',
            url: '/api/v1/users',
            payload: { email: 'audited@example.org', name: 'Audited', role: 'viewer', password: 'a long enough passphrase' },
          })
        ).json();
        await asSession(server, admin).inject({
          headers: { 'if-match': '*' },
          method: 'PATCH',
          url: `/api/v1/users/${user.id}`,
          payload: { role: 'coordinator', password: 'another long passphrase' },
        });
        const account = await audit(`entity=user&entityId=${user.id}`);
        expect(account.items.map((e) => e.action)).toEqual(['update', 'create']);
        expect(account.items[0]?.changes).toEqual({
          role: { before: 'viewer', after: 'coordinator' },
          password: { before: '[redacted]', after: '[redacted]' },
        });
        expect(account.items[1]?.changes).toMatchObject({ email: { after: 'audited@example.org' }, role: { after: 'viewer' } });
        expect(JSON.stringify((await audit('pageSize=500')).items)).not.toMatch(/argon2|a long enough passphrase|another long passphrase/);

        await login('audited@example.org', 'wrong password here', '10.0.0.9');
        const signedIn = await loginAs(server, 'audited@example.org', user.id, 'another long passphrase');
        await asSession(server, signedIn).inject({ method: 'POST', url: '/api/v1/auth/logout' });
        const sessions = await audit('entity=session&q=audited%40example.org');
        expect(sessions.items.map((e) => e.action)).toEqual(['logout', 'login', 'login_failed']);
        expect(sessions.items[2]).toMatchObject({ actorLabel: 'anonymous', entityLabel: 'audited@example.org', comment: 'from 10.0.0.9' });
      });

      it('searches by text and pages, for administrators only, and cannot be changed', async () => {
        const page1 = await audit('pageSize=2&page=1');
        const page2 = await audit('pageSize=2&page=2');
        expect(page1.items).toHaveLength(2);
        expect(page1.total).toBe(page2.total);
        expect(page1.items).not.toEqual(page2.items);
        expect((await audit('q=Fisheries%20officer')).items.map((e) => e.action)).toContain('update');
        expect((await asSession(server, coordinator).inject({ url: '/api/v1/audit' })).statusCode).toBe(403);
        for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
          const response = await asSession(server, admin).inject({ method, url: '/api/v1/audit', payload: {} });
          expect([404, 405]).toContain(response.statusCode);
        }
        const db = app.database.db;
        await expect(sql`update audit_log set actor_label = 'someone else'`.execute(db)).rejects.toThrow(/audit log cannot be changed/);
        await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/audit log cannot be changed/);
        expect((await audit('pageSize=1')).total).toBe(page1.total);
      });
    });

    describe('lifecycle through the API', () => {
      it('walks a program from request to evaluation, with a timeline of who did what', async () => {
        const asAgency = asSession(server, agency);
        const asCoord = asSession(server, coordinator);
        const program = (await asAgency.inject({ method: 'POST', url: '/api/v1/activities', payload: aProgram() })).json();
        const move = async (as: FastifyInstance, action: string, comment?: string, version?: number) => {
          await signOffFor(app.deps, program.id, action);
          return as.inject({
            method: 'POST',
            url: `/api/v1/activities/${program.id}/transitions`,
            payload: { action, ...(comment ? { comment } : {}) },
            headers: { 'if-match': version ? `"${version}"` : '*' },
          });
        };
        expect((await move(asAgency, 'approve')).statusCode).toBe(409); // still a request
        expect((await move(asAgency, 'submit')).json().lifecycleStage).toBe('assessment');
        expect((await move(asAgency, 'approve')).statusCode).toBe(403);
        expect((await move(asCoord, 'return')).statusCode).toBe(422); // a comment is required
        expect((await move(asCoord, 'return', 'Add the budget')).json().lifecycleStage).toBe('request');
        expect((await move(asAgency, 'submit')).statusCode).toBe(200);
        expect((await move(asCoord, 'approve', undefined, 1)).statusCode).toBe(409); // stale version
        for (const [as, action] of [
          [asCoord, 'approve'],
          [asCoord, 'fund'],
          [asAgency, 'start'],
          [asAgency, 'complete'],
          [asCoord, 'evaluate'],
        ] as const) {
          // Completing and evaluating need their records (issue 25).
          if (action === 'complete') await recordCompletion(app, program.id);
          if (action === 'evaluate') await recordEvaluation(app, program.id, program.implementingOrg);
          expect((await move(as, action)).statusCode).toBe(200);
        }
        expect((await move(asCoord, 'cancel', 'too late')).statusCode).toBe(409);
        const timeline = (await asAgency.inject({ url: `/api/v1/activities/${program.id}/timeline` })).json();
        expect(timeline.stage).toBe('evaluated');
        expect(timeline.available).toEqual([]);
        expect(
          timeline.transitions.map(
            (t: { action: string; actorLabel: string }) => `${t.action}:${t.actorLabel === agency.email ? 'agency' : 'coordinator'}`,
          ),
        ).toEqual([
          'submit:agency',
          'return:coordinator',
          'submit:agency',
          'approve:coordinator',
          'fund:coordinator',
          'start:agency',
          'complete:agency',
          'evaluate:coordinator',
        ]);
        expect(timeline.transitions[1]).toMatchObject({ fromStage: 'assessment', toStage: 'request', comment: 'Add the budget' });
        const publicTimeline = (await server.inject({ url: `/api/v1/activities/${program.id}/timeline` })).json();
        expect(publicTimeline).toEqual({ stage: 'evaluated', transitions: [], available: [] });
      });

      it('lists the annual plan per ministry with planned budgets converted at dated rates', async () => {
        await importExchangeRates(app.deps, csv('currency,date,units_per_usd\nIDR,2030-01-01,14000\nJPY,2030-01-01,110'));
        const b = (amount: number, currency: string, type: 1 | 2 = 1) => ({
          type,
          periodStart: '2030-01-01',
          periodEnd: '2030-12-31',
          amount,
          currency,
          valueDate: '2030-02-01',
        });
        const mk = (stage: string, org: string, budgets: ReturnType<typeof b>[]) =>
          createProgram(
            app.deps,
            programInputSchema.parse(
              aProgram({ implementingOrg: org, lifecycleStage: stage, plannedStart: '2030-03-01', plannedEnd: '2030-03-10', budgets }),
            ),
          );
        await mk('approved', 'ID-ACC-OWN', [b(140_000_000, 'IDR')]); // 10,000 USD
        await mk('funded', 'ID-ACC-OWN', [b(5_000, 'USD'), b(9_999, 'USD', 2)]); // the revised budget counts: 9,999 USD
        await mk('approved', 'ID-ACC-OTHER', [b(1_100_000, 'JPY'), b(300, 'GBP')]); // 10,000 USD + GBP without any rate
        await mk('request', 'ID-ACC-OWN', [b(1_000_000, 'USD')]); // not in the plan
        const plan = (await asSession(server, coordinator).inject({ url: '/api/v1/reports/annual-plan?year=2030' })).json();
        expect(plan.programs).toBe(3);
        const own = plan.agencies.find((a: { org: string }) => a.org === 'ID-ACC-OWN');
        expect(own.budget).toMatchObject({ usd: '19999.00', idr: '279986000.00' });
        expect(own.programs).toHaveLength(2);
        const other = plan.agencies.find((a: { org: string }) => a.org === 'ID-ACC-OTHER');
        expect(other.budget.usd).toBe('10000.00');
        expect(other.budget.missingRates).toEqual([
          expect.objectContaining({ currency: 'GBP', amount: '300.00', missing: ['idr', 'usd'] }),
        ]);
        expect(plan.budget).toMatchObject({ usd: '29999.00', idr: '419986000.00' });
        expect((await server.inject({ url: '/api/v1/reports/annual-plan?year=2030' })).statusCode).toBe(401);
      });
    });
  });
}
