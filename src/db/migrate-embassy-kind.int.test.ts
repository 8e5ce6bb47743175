import { expect, it } from 'vitest';
import { userInputSchema } from '../domain/account/user.js';
import { organisationInputSchema } from '../domain/organisation/organisation.schema.js';
import { createOrganisation } from '../services/organisations.js';
import { createUser } from '../services/users.js';
import { describeEachEngine } from '../testing/engines.js';
import { migrationsFor } from './migrations/index.js';

describeEachEngine('migration 20261207150000_embassy_kind', (app) => {
  it('makes the organisations of embassy accounts and the KBRI/KJRI codes missions abroad, and leaves the agencies alone', async () => {
    const { deps, database } = app();
    const org = (code: string) =>
      createOrganisation(
        deps,
        organisationInputSchema.parse({ code, nameEn: `Org ${code}`, type: '10', countryCode: 'ID', kind: 'provider_agency' }),
      );
    for (const code of ['MIG-MISSION-1', 'id-kbri-mig', 'ID-KJRI-MIG', 'MIG-AGENCY-1']) await org(code);
    await createUser(
      deps,
      userInputSchema.parse({
        email: 'mig.embassy@test.invalid',
        name: 'Embassy',
        role: 'embassy',
        orgCode: 'MIG-MISSION-1',
        password: 'Tiga-kata-rahasia-2026',
      }),
    );
    // The migration as the migrator runs it (on a database where it already ran: it finds these new ones).
    await migrationsFor(database.engine)['20261207150000_embassy_kind']?.up(database.db);
    const kinds = await database.db
      .selectFrom('organisations')
      .select(['code', 'kind'])
      .where('code', 'in', ['MIG-MISSION-1', 'id-kbri-mig', 'ID-KJRI-MIG', 'MIG-AGENCY-1'])
      .orderBy('code')
      .execute();
    expect(Object.fromEntries(kinds.map((k) => [k.code, k.kind]))).toEqual({
      'MIG-MISSION-1': 'embassy',
      'id-kbri-mig': 'embassy',
      'ID-KJRI-MIG': 'embassy',
      'MIG-AGENCY-1': 'provider_agency',
    });
  });
});
