import { describe, expect, it } from 'vitest';
import type { User } from '../../api/client.js';
import { canActOnFollowUp, canEditFollowUp, isFollowUpOwner } from './follow-ups.js';

const user = (role: User['role'], orgCode: string | null, email = `${role}@example.org`): User => ({
  id: 1,
  email,
  name: role,
  role,
  orgCode,
  disabled: false,
  createdAt: '',
  updatedAt: '',
  lastLoginAt: null,
  version: 1,
});

describe('who acts on a follow-up', () => {
  it('knows the owner by email or by organisation code, in any case', () => {
    expect(isFollowUpOwner(user('agency', 'ID-BNPB'), 'id-bnpb')).toBe(true);
    expect(isFollowUpOwner(user('viewer', null, 'Ana@Example.org'), 'ana@example.org')).toBe(true);
    expect(isFollowUpOwner(user('agency', 'ID-BNPB'), 'ID-KEMENKES')).toBe(false);
    expect(isFollowUpOwner(null, 'ID-BNPB')).toBe(false);
  });

  it('lets the engagement’s editors and the owner act, and nobody else', () => {
    const agency = user('agency', 'ID-BNPB');
    expect(canActOnFollowUp(agency, { owner: 'ID-BNPB' }, { canEdit: false, ownerOrg: 'ID-KEMLU' })).toBe(true);
    expect(canActOnFollowUp(agency, { owner: 'ID-KEMENKES' }, { canEdit: false, ownerOrg: 'ID-KEMLU' })).toBe(false);
    // Without the server's answer (a list row), the rule of the owning agency decides.
    expect(canActOnFollowUp(agency, { owner: 'ID-KEMENKES' }, { ownerOrg: 'ID-BNPB' })).toBe(true);
    expect(canActOnFollowUp(user('coordinator', null), { owner: 'ID-KEMENKES' }, { ownerOrg: null })).toBe(true);
    expect(canActOnFollowUp(user('viewer', null), { owner: 'ID-KEMENKES' }, { ownerOrg: 'ID-KEMLU' })).toBe(false);
  });

  it('lets the owner alone close or reopen, not move the due day (the server refuses it: issue 24, finding 2)', () => {
    const owner = user('agency', 'ID-BNPB');
    expect(canActOnFollowUp(owner, { owner: 'ID-BNPB' }, { canEdit: false, ownerOrg: 'ID-KEMLU' })).toBe(true);
    expect(canEditFollowUp(owner, { canEdit: false, ownerOrg: 'ID-KEMLU' })).toBe(false);
    expect(canEditFollowUp(owner, { ownerOrg: 'ID-BNPB' })).toBe(true);
    expect(canEditFollowUp(user('coordinator', null), { ownerOrg: null })).toBe(true);
  });
});
