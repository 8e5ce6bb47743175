import { expect, it } from 'vitest';
import { describeCliOnEachEngine } from '../testing/cli.js';

describeCliOnEachEngine(
  'mitra tokens',
  (mitra) => {
    let prefix = '';

    it('creates a token printed once, with an expiry within a year', async () => {
      const created = await mitra([
        'tokens',
        'create',
        '--name',
        'aims-partner',
        '--org',
        'ID-CLI-AGENCY',
        '--role',
        'agency',
        '--scopes',
        'read, participants:write',
        '--days',
        '90',
      ]);
      expect(created.code, created.err).toBe(0);
      const token = /token \(shown once\): (mitra_([0-9a-f]{8})_\S{43})$/m.exec(created.out);
      expect(token).not.toBeNull();
      prefix = token?.[2] ?? '';
      expect(created.out).toMatch(/created API token aims-partner \(id 1\) for agency of ID-CLI-AGENCY/);
      const tooLong = await mitra([
        'tokens',
        'create',
        '--name',
        'x',
        '--org',
        'ID-CLI-AGENCY',
        '--role',
        'agency',
        '--scopes',
        'read',
        '--days',
        '400',
      ]);
      expect(tooLong.code).toBe(3);
      const noExpiry = await mitra(['tokens', 'create', '--name', 'x', '--org', 'ID-CLI-AGENCY', '--role', 'agency', '--scopes', 'read']);
      expect(noExpiry.err).toMatch(/--expires YYYY-MM-DD or --days N/);
      const badScope = await mitra([
        'tokens',
        'create',
        '--name',
        'x',
        '--org',
        'ID-CLI-AGENCY',
        '--role',
        'agency',
        '--scopes',
        'all',
        '--days',
        '9',
      ]);
      expect(badScope.err).toMatch(/unknown scope "all"/);
    });

    it('lists tokens without the secret, revokes one by its visible start, and lists it only with --all', async () => {
      const listed = await mitra(['tokens', 'list', '--json']);
      const items = JSON.parse(listed.out) as { name: string; prefix: string; state: string; scopes: string[] }[];
      expect(items).toEqual([
        expect.objectContaining({ name: 'aims-partner', prefix, state: 'active', scopes: ['participants:write', 'read'] }),
      ]);
      expect(listed.out).not.toMatch(/hash/);
      const revoked = await mitra(['tokens', 'revoke', `mitra_${prefix}`]);
      expect(revoked.code, revoked.err).toBe(0);
      expect(revoked.out).toMatch(/revoked API token aims-partner/);
      expect(JSON.parse((await mitra(['tokens', 'list', '--json'])).out)).toEqual([]);
      expect((await mitra(['tokens', 'list', '--all'])).out).toMatch(/aims-partner .*revoked/);
      expect((await mitra(['tokens', 'revoke', '999'])).code).toBe(4);
    });
  },
  async (mitra) => {
    await mitra(['db', 'migrate']);
    const org = JSON.stringify({ code: 'ID-CLI-AGENCY', nameEn: 'Agency', type: '10', countryCode: 'ID', kind: 'provider_agency' });
    const created = await mitra(['organisations', 'create', '--file', 'org.json'], { 'org.json': org });
    if (created.code !== 0) throw new Error(created.err);
  },
);
