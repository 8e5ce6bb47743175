import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { ANONYMOUS, systemActor, type Role, type UserActor } from './actor.js';
import {
  authorizeCreateActivity,
  authorizeDeleteActivity,
  authorizeEditActivity,
  authorizeImport,
  authorizeParticipantWrite,
  authorizeUserAdmin,
  canReadInternal,
  canSeePersonalData,
  isPublished,
} from './policy.js';

const user = (role: Role, orgCode: string | null = null): UserActor => ({ kind: 'user', userId: 1, role, orgCode, label: role });
const own = { implementingOrg: 'ID-KKP', lifecycleStage: 'request' as const };
const ok = (f: () => void) => expect(f).not.toThrow();
const forbidden = (f: () => void) => expect(f).toThrow(ForbiddenError);

describe('who may do what', () => {
  it('publishes approved and later programs only', () => {
    expect(['request', 'assessment', 'approved', 'funded', 'implementation', 'completed', 'evaluated', 'rejected', 'cancelled'].filter((s) => isPublished(s as never))).toEqual([
      'approved',
      'funded',
      'implementation',
      'completed',
      'evaluated',
    ]);
    expect(canReadInternal(ANONYMOUS)).toBe(false);
    expect(canReadInternal(user('viewer'))).toBe(true);
  });

  it('lets an agency register and change its own programs, as requests, and never hand them over', () => {
    const agency = user('agency', 'ID-KKP');
    ok(() => authorizeCreateActivity(agency, own));
    forbidden(() => authorizeCreateActivity(agency, { ...own, implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeCreateActivity(agency, { ...own, lifecycleStage: 'approved' }));
    ok(() => authorizeEditActivity(agency, own, own));
    forbidden(() => authorizeEditActivity(agency, own, { implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeEditActivity(agency, { ...own, implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeEditActivity(agency, { ...own, lifecycleStage: 'evaluated' }));
    ok(() => authorizeDeleteActivity(agency, own));
    forbidden(() => authorizeDeleteActivity(agency, { ...own, lifecycleStage: 'approved' }));
  });

  it('gives the coordination team every program, the viewer none to change, and asks the public to sign in', () => {
    for (const actor of [user('admin'), user('coordinator'), systemActor('cli')]) {
      ok(() => authorizeCreateActivity(actor, { ...own, lifecycleStage: 'completed' }));
      ok(() => authorizeEditActivity(actor, { ...own, lifecycleStage: 'evaluated' }));
      ok(() => authorizeDeleteActivity(actor, { ...own, lifecycleStage: 'funded' }));
      ok(() => authorizeImport(actor));
    }
    forbidden(() => authorizeCreateActivity(user('viewer'), own));
    forbidden(() => authorizeEditActivity(user('embassy', 'ID-KBRI'), own));
    expect(() => authorizeCreateActivity(ANONYMOUS, own)).toThrow(UnauthenticatedError);
    forbidden(() => authorizeImport(user('agency', 'ID-KKP')));
    forbidden(() => authorizeUserAdmin(user('coordinator')));
    ok(() => authorizeUserAdmin(user('admin')));
  });

  it('shows personal data to the coordination team, the program’s agency and the nominating embassy only', () => {
    expect(canSeePersonalData(user('coordinator'), own)).toBe(true);
    expect(canSeePersonalData(user('agency', 'id-kkp'), own)).toBe(true);
    expect(canSeePersonalData(user('agency', 'ID-BNPB'), own)).toBe(false);
    expect(canSeePersonalData(user('embassy', 'ID-KBRI'), own, 'ID-KBRI')).toBe(true);
    expect(canSeePersonalData(user('embassy', 'ID-KBRI'), own, null)).toBe(false);
    expect(canSeePersonalData(user('viewer'), own)).toBe(false);
    expect(canSeePersonalData(ANONYMOUS, own)).toBe(false);
  });

  it('lets an embassy nominate to open programs and change its own nominees only', () => {
    const embassy = user('embassy', 'ID-KBRI');
    ok(() => authorizeParticipantWrite(embassy, { ...own, lifecycleStage: 'funded' }));
    forbidden(() => authorizeParticipantWrite(embassy, own));
    forbidden(() => authorizeParticipantWrite(embassy, { ...own, lifecycleStage: 'funded' }, { nominatedBy: null }));
    ok(() => authorizeParticipantWrite(embassy, { ...own, lifecycleStage: 'funded' }, { nominatedBy: 'ID-KBRI' }));
    forbidden(() => authorizeParticipantWrite(user('viewer'), own));
  });
});
