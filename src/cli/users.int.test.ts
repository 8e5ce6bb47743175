import { expect, it } from 'vitest';
import { aProgram } from '../testing/builders.js';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra users, transitions and audit',
  (mitra) => {
    it('creates the first administrator with a password from standard input, never from an argument', async () => {
      const created = await mitra(
        ['users', 'create', '--email', 'Admin@Example.org', '--name', 'Sekretariat', '--role', 'admin', '--password-stdin'],
        {
          '-': 'a long enough passphrase\n',
        },
      );
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/created admin account admin@example\.org/);
      expect(created.out).not.toMatch(/password/);
      const weak = await mitra(['users', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'viewer', '--password-stdin'], {
        '-': 'short\n',
      });
      expect(weak.code).toBe(3);
      expect(weak.err).toMatch(/at least 12 characters/);
      const duplicate = await mitra(['users', 'create', '--email', 'admin@example.org', '--name', 'Again', '--role', 'viewer']);
      expect(duplicate.code).toBe(5);
    });

    it('generates a password shown once, and requires an organisation for agency accounts', async () => {
      const noOrg = await mitra(['users', 'create', '--email', 'agency@example.org', '--name', 'Agency', '--role', 'agency']);
      expect(noOrg.code).toBe(3);
      expect(noOrg.err).toMatch(/orgCode: an agency account must name its organisation/);
      const unknownOrg = await mitra([
        'users',
        'create',
        '--email',
        'agency@example.org',
        '--name',
        'Agency',
        '--role',
        'agency',
        '--org',
        'NOPE',
      ]);
      expect(unknownOrg.code).toBe(3);
      const created = await mitra(['users', 'create', '--email', 'viewer@example.org', '--name', 'Analyst', '--role', 'viewer']);
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/password \(shown once\): [A-Za-z2-9]{18}/);
    });

    it('lists, changes the role of, disables and re-enables accounts', async () => {
      expect((await mitra(['users', 'set-role', 'viewer@example.org', '--role', 'coordinator'])).out).toMatch(
        /viewer@example\.org: coordinator, active/,
      );
      expect((await mitra(['users', 'disable', 'viewer@example.org'])).out).toMatch(/disabled/);
      const active = JSON.parse((await mitra(['users', 'list', '--json'])).out) as { email: string }[];
      expect(active.map((u) => u.email)).toEqual(['admin@example.org']);
      const all = JSON.parse((await mitra(['users', 'list', '--all', '--json'])).out) as { email: string }[];
      expect(all.map((u) => u.email)).toEqual(['admin@example.org', 'viewer@example.org']);
      expect((await mitra(['users', 'enable', 'viewer@example.org'])).out).toMatch(/active/);
      expect((await mitra(['users', 'set-password', 'viewer@example.org'])).out).toMatch(/new password \(shown once\)/);
      expect((await mitra(['users', 'disable', 'nobody@example.org'])).code).toBe(4);
      expect((await mitra(['users', 'reset-2fa', 'viewer@example.org'])).out).toMatch(/viewer@example\.org: had no second factor/);
      expect((await mitra(['users', 'reset-2fa', 'nobody@example.org'])).code).toBe(4);
      const resets = JSON.parse((await mitra(['audit', '--action', 'second_factor_reset', '--json'])).out) as { actorLabel: string }[];
      expect(resets.map((e) => e.actorLabel)).toEqual(['system:cli']);
    });

    it('moves a program through the process and shows its history and the audit log', async () => {
      const input = aProgram();
      expect((await mitra(['activities', 'create', '--file', 'a.json'], { 'a.json': JSON.stringify(input) })).code).toBe(0);
      expect((await mitra(['activities', 'transition', input.identifier, 'submit'])).out).toMatch(/request → assessment/);
      const noComment = await mitra(['activities', 'transition', input.identifier, 'reject']);
      expect(noComment.code).toBe(3);
      expect(noComment.err).toMatch(/comment is required/);
      expect((await mitra(['activities', 'transition', input.identifier, 'fund'])).code).toBe(5);
      expect((await mitra(['activities', 'transition', input.identifier, 'setuju'])).code).toBe(3);
      expect((await mitra(['activities', 'transition', input.identifier, 'approve'])).out).toMatch(/assessment → approved/);
      const history = await mitra(['activities', 'history', input.identifier]);
      expect(history.out).toMatch(/system:cli {2}transition \(version 3\)\n {4}lifecycleStage: "assessment" → "approved"/);
      expect(history.out).toMatch(/system:cli {2}create \(version 1\)/);
      const audit = await mitra(['audit', '--entity', 'user', '--json']);
      const entries = JSON.parse(audit.out) as { action: string; entityLabel: string; changes: Record<string, unknown> }[];
      expect(entries.some((e) => e.action === 'update' && e.entityLabel === 'viewer@example.org' && 'password' in e.changes)).toBe(true);
      expect(audit.out).not.toMatch(/argon2/);
      expect((await mitra(['audit', '--entity', 'nothing'])).code).toBe(3);
    });
  },
  async (mitra) => {
    await mitra(['db', 'migrate']);
    await mitra(['orgs', 'create', '--file', 'o.json'], {
      'o.json': JSON.stringify({
        code: 'ID-KEMLU',
        nameEn: 'Ministry of Foreign Affairs',
        type: '10',
        countryCode: 'ID',
        kind: 'provider_agency',
      }),
    });
  },
);
