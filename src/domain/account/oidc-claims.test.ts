import { describe, expect, it } from 'vitest';
import { claimValues, orgCodeFromClaims, parseRoleMap, personFromClaims, roleFromClaims, type OidcClaimMapping } from './oidc-claims.js';

const mapping: OidcClaimMapping = {
  roleClaim: 'realm_access.roles',
  roleMap: [
    ['mitra-admin', 'admin'],
    ['mitra-coord', 'coordinator'],
    ['/ministries/kemlu', 'viewer'],
  ],
  orgClaim: 'org',
};

describe('parseRoleMap', () => {
  it('reads value=role pairs in their order (a value may hold "=", the role is after the last)', () => {
    expect(parseRoleMap(' mitra-admin=admin, /groups/a=b=viewer ,').pairs).toEqual([
      ['mitra-admin', 'admin'],
      ['/groups/a=b', 'viewer'],
    ]);
  });

  it('names every bad entry', () => {
    expect(parseRoleMap('mitra-admin=root,=viewer,plain,x=viewer,x=admin').problems).toEqual([
      '"mitra-admin=root": root is not a role (admin, coordinator, agency, embassy, focal_point, viewer)',
      '"=viewer" is not value=role',
      '"plain" is not value=role',
      '"x" is mapped twice',
    ]);
    expect(parseRoleMap(' , ').problems).toEqual(['maps no value to a role']);
  });
});

describe('claimValues', () => {
  it('reads a string, the strings of an array, a dotted path, and a claim named with dots', () => {
    expect(claimValues({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(claimValues({ groups: ['a', 1, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ realm_access: { roles: ['x'] } }, 'realm_access.roles')).toEqual(['x']);
    expect(claimValues({ 'https://kemlu.go.id/roles': ['y'] }, 'https://kemlu.go.id/roles')).toEqual(['y']);
    expect(claimValues({ realm_access: ['x'] }, 'realm_access.roles')).toEqual([]);
    expect(claimValues({}, 'roles')).toEqual([]);
  });
});

describe('roleFromClaims', () => {
  it('takes the first role of the map that the user holds, whatever the order of the claim', () => {
    expect(roleFromClaims({ realm_access: { roles: ['/ministries/kemlu', 'mitra-coord'] } }, mapping)).toBe('coordinator');
    expect(roleFromClaims({ realm_access: { roles: ['mitra-coord', 'mitra-admin'] } }, mapping)).toBe('admin');
  });

  it('gives none for unmapped values, and when roles are managed in Mitra', () => {
    expect(roleFromClaims({ realm_access: { roles: ['offline_access'] } }, mapping)).toBeNull();
    expect(roleFromClaims({ realm_access: { roles: ['mitra-admin'] } }, { ...mapping, roleClaim: null })).toBeNull();
  });
});

describe('orgCodeFromClaims and personFromClaims', () => {
  it('read the organisation code and the standard claims; only a boolean true verifies an email', () => {
    expect(orgCodeFromClaims({ org: [' ID-KEMLU ', 'X'] }, mapping)).toBe('ID-KEMLU');
    expect(orgCodeFromClaims({ org: '' }, mapping)).toBeNull();
    expect(
      personFromClaims({ sub: 's1', email: 'Sari@Kemlu.go.id', email_verified: 'true', given_name: 'Sari', family_name: 'W' }),
    ).toEqual({
      subject: 's1',
      email: 'sari@kemlu.go.id',
      emailVerified: false,
      name: 'Sari W',
    });
    expect(personFromClaims({ sub: 's2', email_verified: true, name: 'Budi' })).toMatchObject({
      email: null,
      emailVerified: true,
      name: 'Budi',
    });
  });
});
