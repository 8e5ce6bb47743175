import { expect, it } from 'vitest';
import { roles } from '../../domain/access/actor.js';
import { describeEachEngine } from '../../testing/engines.js';
import { loadDemoAccounts } from './demo-accounts.js';
import { loadDemoData } from './load-demo.js';

describeEachEngine('demo accounts', (app) => {
  it('creates one account per role once, the focal point for Fiji’s foreign ministry as a recipient institution', async () => {
    const deps = app().deps;
    await loadDemoData(deps);
    const created = await loadDemoAccounts(deps);
    expect(created.map((a) => [a.role, a.email])).toEqual([
      ['admin', 'admin@mitra.demo'],
      ['coordinator', 'koordinator@mitra.demo'],
      ['coordinator', 'kemlu@mitra.demo'],
      ['coordinator', 'kemenkeu@mitra.demo'],
      ['agency', 'kemenkes@mitra.demo'],
      ['embassy', 'kbri.suva@mitra.demo'],
      ['focal_point', 'focal.fiji@mitra.demo'],
      ['viewer', 'viewer@mitra.demo'],
    ]);
    expect(new Set(created.map((a) => a.role))).toEqual(new Set(roles.codes));
    expect(new Set(created.map((a) => a.password)).size).toBe(created.length);
    const focal = await deps.store.repos.users.findByEmail('focal.fiji@mitra.demo');
    expect(focal).toMatchObject({ role: 'focal_point', orgCode: 'FJ-MFA' });
    expect(await deps.store.repos.organisations.findByCode('FJ-MFA')).toMatchObject({ kind: 'recipient_institution', countryCode: 'FJ' });
    expect(await deps.store.repos.organisations.findByCode('ID-KBRI-SUVA')).toMatchObject({ kind: 'embassy', countryCode: 'ID' });
    // A database that already has accounts gets none.
    expect(await loadDemoAccounts(deps)).toEqual([]);
  });
});
