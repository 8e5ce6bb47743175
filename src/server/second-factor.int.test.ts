/**
 * The second factor through the API, with MITRA_TOTP_REQUIRED_ROLES at its production default
 * (admin, coordinator): a required role that has not enrolled reaches nothing but the enrolment;
 * an enrolled account gives its code after the password; codes are single-use, wrong ones count
 * toward the sign-in limit; recovery codes work once; an administrator resets another's.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../domain/account/second-factor.js';
import { userInputSchema } from '../domain/account/user.js';
import type { AppContext } from '../main.js';
import { serverFor } from '../main.js';
import type { Clock } from '../services/deps.js';
import { totpAt } from '../services/totp.js';
import { createUser } from '../services/users.js';
import { ENGINES, openTestApp } from '../testing/engines.js';
import { asSession, loginAs, TEST_PASSWORD, type TestSession } from '../testing/server.js';

class MovableClock implements Clock {
  constructor(public ms = Date.parse('2026-11-28T09:00:00.000Z')) {}
  nowIso(): string {
    return new Date(this.ms).toISOString();
  }
  advanceSeconds(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

for (const engine of ENGINES) {
  describe(`the second factor through the API [${engine.engine}]`, () => {
    const clock = new MovableClock();
    let app: AppContext;
    let server: FastifyInstance;
    let drop: () => Promise<void> = async () => {};
    const secrets = new Map<string, string>();
    let accounts = 0;

    beforeAll(async () => {
      const db = await engine.create();
      drop = db.drop;
      app = await openTestApp(db.url, clock, { MITRA_TOTP_REQUIRED_ROLES: 'admin,coordinator' });
      server = await serverFor(app, { logLevel: 'silent' });
      await server.ready();
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await app?.close();
      await drop();
    });

    const account = async (role: 'admin' | 'coordinator' | 'viewer') => {
      const email = `${role}.${++accounts}@totp.test`;
      const user = await createUser(app.deps, userInputSchema.parse({ email, name: `TOTP ${role}`, role, password: TEST_PASSWORD }));
      return { email, id: user.id };
    };
    const code = (email: string, offsetSteps = 0) =>
      totpAt(base32Decode(secrets.get(email) ?? '') ?? new Uint8Array(), clock.ms + offsetSteps * 30_000);
    const post = (s: TestSession, url: string, payload: object = {}) => asSession(server, s).inject({ method: 'POST', url, payload });
    const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
      `mitra_session=${response.cookies.find((c) => c.name === 'mitra_session')?.value ?? ''}`;
    /** A pending session becomes the full one the answer set (new cookie, new CSRF token). */
    const renewed = (
      s: TestSession,
      response: { cookies: { name: string; value: string }[]; json(): unknown },
      csrf: string,
    ): TestSession => ({
      ...s,
      cookie: cookieOf(response),
      csrf,
    });

    /** Signs in with the password and enrols: the full session and the recovery codes. */
    const enrolled = async (email: string, id: number) => {
      const pending = await loginAs(server, email, id);
      const start = await post(pending, '/api/v1/auth/second-factor/enrolment');
      expect(start.statusCode).toBe(200);
      secrets.set(email, (start.json() as { secret: string }).secret);
      const confirm = await post(pending, '/api/v1/auth/second-factor/enrolment/confirm', { code: code(email) });
      expect(confirm.statusCode).toBe(200);
      const body = confirm.json() as { recoveryCodes: string[]; session: { csrfToken: string } };
      return { session: renewed(pending, confirm, body.session.csrfToken), recoveryCodes: body.recoveryCodes };
    };

    it('lets a required role that has not enrolled do nothing but enrol, then gives a full session and ten recovery codes', async () => {
      const { email, id } = await account('admin');
      const login = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
      expect(login.json()).toMatchObject({ pendingFactor: 'enrol', user: { email } });
      const pending = await loginAs(server, email, id);
      for (const [method, url] of [
        ['GET', '/api/v1/activities'],
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/auth/second-factor'],
        ['POST', '/api/v1/auth/second-factor/verify'],
        ['POST', '/api/v1/auth/password'],
      ] as const) {
        const response = await asSession(server, pending).inject({ method, url, payload: method === 'POST' ? {} : undefined });
        expect([url, response.statusCode, (response.json() as { code: string }).code]).toEqual([
          url,
          403,
          'auth.second_factor_enrolment_required',
        ]);
      }
      expect((await asSession(server, pending).inject('/api/v1/auth/session')).json()).toMatchObject({ pendingFactor: 'enrol' });

      const start = await post(pending, '/api/v1/auth/second-factor/enrolment');
      const started = start.json() as { secret: string; uri: string; qrSvg: string };
      expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(started.uri).toBe(
        `otpauth://totp/Mitra:${encodeURIComponent(email)}?secret=${started.secret}&issuer=Mitra&algorithm=SHA1&digits=6&period=30`,
      );
      expect(started.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
      secrets.set(email, started.secret);
      const wrong = await post(pending, '/api/v1/auth/second-factor/enrolment/confirm', { code: code(email, 5) });
      expect([wrong.statusCode, (wrong.json() as { code: string }).code]).toEqual([422, 'auth.wrong_code']);

      const confirm = await post(pending, '/api/v1/auth/second-factor/enrolment/confirm', { code: code(email) });
      const body = confirm.json() as { recoveryCodes: string[]; session: { pendingFactor?: string; csrfToken: string } };
      expect(body.recoveryCodes).toHaveLength(10);
      expect(new Set(body.recoveryCodes).size).toBe(10);
      expect(body.recoveryCodes[0]).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
      expect(body.session.pendingFactor).toBeUndefined();
      // The pending session's token no longer works; the new one reaches the API.
      expect((await asSession(server, pending).inject('/api/v1/activities')).statusCode).toBe(401);
      const full = renewed(pending, confirm, body.session.csrfToken);
      expect((await asSession(server, full).inject('/api/v1/activities')).statusCode).toBe(200);
      expect((await asSession(server, full).inject('/api/v1/auth/second-factor')).json()).toEqual({
        enrolled: true,
        enrolledAt: clock.nowIso(),
        required: true,
        recoveryCodesLeft: 10,
      });
    });

    it('asks an enrolled account for its code after the password, and accepts a code once (no replay)', async () => {
      const { email, id } = await account('coordinator');
      await enrolled(email, id);
      const pending = await loginAs(server, email, id);
      expect((await asSession(server, pending).inject('/api/v1/activities')).json()).toMatchObject({
        status: 403,
        code: 'auth.second_factor_required',
      });
      // The enrolment used this step's code: the same code again is refused.
      const replay = await post(pending, '/api/v1/auth/second-factor/verify', { code: code(email) });
      expect([replay.statusCode, (replay.json() as { code: string }).code]).toEqual([422, 'auth.wrong_code']);
      clock.advanceSeconds(30);
      const next = code(email);
      const ok = await post(pending, '/api/v1/auth/second-factor/verify', { code: next.replace(/^(\d{3})/, '$1 ') });
      expect(ok.statusCode).toBe(200);
      const full = renewed(pending, ok, (ok.json() as { csrfToken: string }).csrfToken);
      expect((await asSession(server, full).inject('/api/v1/activities')).statusCode).toBe(200);
      // The same code in another sign-in, still within its step: refused.
      const again = await loginAs(server, email, id);
      expect((await post(again, '/api/v1/auth/second-factor/verify', { code: next })).statusCode).toBe(422);
    });

    it('counts wrong codes toward the sign-in limit: the sixth is refused, and so is the password', async () => {
      clock.advanceSeconds(60);
      const { email, id } = await account('admin');
      await enrolled(email, id);
      const pending = await loginAs(server, email, id);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(pending, '/api/v1/auth/second-factor/verify', { code: '000000' })).statusCode);
      expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
      // Signing in again with the right password neither clears the count nor gets through.
      const relogin = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
      expect(relogin.statusCode).toBe(429);
      const right = await post(pending, '/api/v1/auth/second-factor/verify', { code: code(email, 1) });
      expect(right.statusCode).toBe(429);
      const failed = await app.deps.store.repos.audit.search({ action: 'login_failed', q: email, page: 1, pageSize: 50 });
      expect(failed.items.filter((e) => e.comment?.startsWith('wrong second-factor code'))).toHaveLength(5);
      clock.advanceSeconds(16 * 60);
    });

    it('accepts each recovery code once, and audits its use', async () => {
      const { email, id } = await account('admin');
      const { recoveryCodes } = await enrolled(email, id);
      const recovery = (recoveryCodes[3] ?? '').toLowerCase().replaceAll('-', ' ');
      const first = await loginAs(server, email, id);
      expect((await post(first, '/api/v1/auth/second-factor/verify', { recoveryCode: recovery })).statusCode).toBe(200);
      const second = await loginAs(server, email, id);
      const reused = await post(second, '/api/v1/auth/second-factor/verify', { recoveryCode: recovery });
      expect([reused.statusCode, (reused.json() as { code: string }).code]).toEqual([422, 'auth.wrong_code']);
      const used = await app.deps.store.repos.audit.search({ action: 'recovery_code_use', q: email, page: 1, pageSize: 50 });
      expect(used.items.map((e) => e.comment)).toEqual([expect.stringMatching(/; 9 left$/)]);
    });

    it('regenerates recovery codes with a code (the old ones stop working) and disables the own second factor', async () => {
      const { email, id } = await account('coordinator');
      const { session, recoveryCodes } = await enrolled(email, id);
      clock.advanceSeconds(30);
      expect((await post(session, '/api/v1/auth/second-factor/recovery-codes', { code: '123456' })).statusCode).toBe(422);
      const fresh = await post(session, '/api/v1/auth/second-factor/recovery-codes', { code: code(email) });
      const renewedCodes = (fresh.json() as { recoveryCodes: string[] }).recoveryCodes;
      expect(renewedCodes).toHaveLength(10);
      const pending = await loginAs(server, email, id);
      expect((await post(pending, '/api/v1/auth/second-factor/verify', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(422);
      // Disabling, for a role that requires a second factor, ends this session: the next sign-in enrols again.
      const disabled = await post(session, '/api/v1/auth/second-factor/disable', { recoveryCode: renewedCodes[0] });
      expect(disabled.json()).toEqual({ sessionEnded: true });
      expect((await asSession(server, session).inject('/api/v1/activities')).statusCode).toBe(401);
      expect(
        (await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } })).json(),
      ).toMatchObject({
        pendingFactor: 'enrol',
      });
    });

    it('signs in a role that needs no second factor with its password alone', async () => {
      const { email, id } = await account('viewer');
      const session = await loginAs(server, email, id);
      expect((await asSession(server, session).inject('/api/v1/auth/session')).json()).not.toHaveProperty('pendingFactor');
      expect((await asSession(server, session).inject('/api/v1/activities')).statusCode).toBe(200);
      expect((await asSession(server, session).inject('/api/v1/auth/second-factor')).json()).toMatchObject({
        enrolled: false,
        required: false,
      });
    });

    it("lets an administrator reset another account's second factor (audited; its sessions end), not a viewer, not their own", async () => {
      const admin = await account('admin');
      const adminSession = (await enrolled(admin.email, admin.id)).session;
      const coordinator = await account('coordinator');
      const coordinatorSession = (await enrolled(coordinator.email, coordinator.id)).session;
      const viewer = await account('viewer');
      const viewerSession = await loginAs(server, viewer.email, viewer.id);
      const reset = (s: TestSession, id: number) =>
        asSession(server, s).inject({ method: 'DELETE', url: `/api/v1/users/${id}/second-factor` });
      expect((await reset(viewerSession, coordinator.id)).statusCode).toBe(403);
      expect((await reset(adminSession, admin.id)).statusCode).toBe(409);
      expect((await reset(adminSession, 999_999)).statusCode).toBe(404);
      expect((await server.inject({ method: 'DELETE', url: `/api/v1/users/${coordinator.id}/second-factor` })).statusCode).toBe(401);
      expect((await reset(adminSession, coordinator.id)).statusCode).toBe(204);
      expect((await asSession(server, coordinatorSession).inject('/api/v1/activities')).statusCode).toBe(401);
      const next = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: coordinator.email, password: TEST_PASSWORD },
      });
      expect(next.json()).toMatchObject({ pendingFactor: 'enrol' });
      const entries = await app.deps.store.repos.audit.search({
        action: 'second_factor_reset',
        q: coordinator.email,
        page: 1,
        pageSize: 10,
      });
      expect(entries.items.map((e) => [e.actorLabel, e.entityLabel])).toEqual([[admin.email, coordinator.email]]);
    });
  });
}
