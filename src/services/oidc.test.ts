import { describe, expect, it } from 'vitest';
import { userInputSchema } from '../domain/account/user.js';
import { FakeAudit } from '../testing/fakes/audit.js';
import { FakeOrganisations } from '../testing/fakes/organisations.js';
import { FakeSessions, FakeUsers } from '../testing/fakes/accounts.js';
import { actors, fakeDeps } from '../testing/fakes/store.js';
import { checkPasswordSignIn, safeReturnPath } from './oidc.js';
import { createUser } from './users.js';

describe('safeReturnPath', () => {
  it('keeps paths of this site only, and never the sign-in page', () => {
    expect(safeReturnPath('/programs?year=2026#top')).toBe('/programs?year=2026#top');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login?x=1', 'programs', '/a b']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});

describe('checkPasswordSignIn', () => {
  it('lets everyone use a password by default; with passwords off, only the break-glass administrator', async () => {
    const repos = { users: new FakeUsers(), organisations: new FakeOrganisations(), sessions: new FakeSessions(), audit: new FakeAudit() };
    const deps = fakeDeps(repos, actors.admin);
    await createUser(
      deps,
      userInputSchema.parse({ email: 'glass@kemlu.test', name: 'G', role: 'admin', password: 'correct horse battery staple' }),
    );
    await createUser(
      deps,
      userInputSchema.parse({ email: 'view@kemlu.test', name: 'V', role: 'viewer', password: 'correct horse battery staple' }),
    );
    const off = { localPasswords: false, breakGlassEmail: 'glass@kemlu.test' };
    await expect(checkPasswordSignIn(deps, 'view@kemlu.test', { localPasswords: true, breakGlassEmail: null })).resolves.toBeUndefined();
    await expect(checkPasswordSignIn(deps, ' Glass@Kemlu.test ', off)).resolves.toBeUndefined();
    await expect(checkPasswordSignIn(deps, 'view@kemlu.test', off)).rejects.toMatchObject({
      code: 'auth.password_sign_in_off',
      kind: 'forbidden',
    });
    await expect(checkPasswordSignIn(deps, 'view@kemlu.test', { ...off, breakGlassEmail: 'view@kemlu.test' })).rejects.toMatchObject({
      code: 'auth.password_sign_in_off',
    });
  });
});
