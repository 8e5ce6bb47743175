import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra users create --role focal_point',
  (mitra) => {
    it('requires the focal point’s organisation, and creates the account for a recipient government’s ministry', async () => {
      const noOrg = await mitra(['users', 'create', '--email', 'focal@example.org', '--name', 'Focal point', '--role', 'focal_point']);
      expect(noOrg.code).toBe(3);
      expect(noOrg.err).toMatch(/orgCode: a focal point account must name its organisation/);
      const created = await mitra([
        'users',
        'create',
        '--email',
        'Focal@Example.org',
        '--name',
        'Focal point',
        '--role',
        'focal_point',
        '--org',
        'fj-mfa',
      ]);
      expect(created.code).toBe(0);
      expect(created.out).toMatch(/created focal_point account focal@example\.org/);
      const listed = JSON.parse((await mitra(['users', 'list', '--role', 'focal_point', '--json'])).out) as {
        email: string;
        role: string;
        orgCode: string;
      }[];
      expect(listed.map((u) => [u.email, u.role, u.orgCode])).toEqual([['focal@example.org', 'focal_point', 'FJ-MFA']]);
      expect((await mitra(['users', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'focal-point'])).code).toBe(3);
    });
  },
  async (mitra) => {
    await mitra(['orgs', 'create', '--file', 'o.json'], {
      'o.json': JSON.stringify({
        code: 'FJ-MFA',
        nameEn: 'Ministry of Foreign Affairs of Fiji',
        type: '10',
        countryCode: 'FJ',
        kind: 'recipient_institution',
      }),
    });
  },
);
