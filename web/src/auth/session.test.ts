import { describe, expect, it } from 'vitest';
import type { User } from '../api/client.js';
import { can, type Role } from './session.js';

const user = (role: Role, orgCode: string | null): User => ({ id: 1, email: `${role}@example.org`, name: role, role, orgCode }) as User; // only the fields `can` reads

describe('what the interface offers each role (mirrors the policy)', () => {
  it('offers a focal point what it offers an embassy: requests and nominations, nothing to edit or administer', () => {
    const abilities = (u: User | null) => Object.fromEntries(Object.entries(can).map(([name, f]) => [name, f(u, 'ID-KEMENKES')]));
    expect(abilities(user('focal_point', 'FJ-MFA'))).toEqual(abilities(user('embassy', 'ID-KBRI-SUVA')));
    expect(abilities(user('focal_point', 'FJ-MFA'))).toEqual({
      createProgram: true,
      nominate: true,
      registerRequest: true,
      editProgram: false,
      editSomeProgram: false,
      deleteProgram: false,
      import: false,
      editUnitCosts: false,
      setPriorities: false,
      manageUsers: false,
      readAudit: false,
      internal: true,
    });
    // Without an organisation there is no one to nominate for.
    expect(can.nominate(user('focal_point', null))).toBe(false);
    expect(can.nominate(user('viewer', null))).toBe(false);
    expect(can.nominate(user('agency', 'ID-KEMENKES'))).toBe(false);
    expect(can.createProgram(null)).toBe(false);
  });
});
