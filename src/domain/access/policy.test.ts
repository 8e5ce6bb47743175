import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { ANONYMOUS, systemActor, type Actor, type Role, type UserActor } from './actor.js';
import { lifecycleStages, type LifecycleStage } from '../codes.js';
import {
  authorizeAuditSearch,
  authorizeCreateProgram,
  authorizeDeleteProgram,
  authorizeEditProgram,
  authorizeImport,
  canWriteParticipantsOf,
  authorizeParticipantWrite,
  authorizeReferenceWrite,
  authorizeUserAdmin,
  canReadInternal,
  canSeePersonalData,
  isOwnProgram,
  isPublished,
  PUBLISHED_STAGES,
  requireSignedIn,
} from './policy.js';

const user = (role: Role, orgCode: string | null = null): UserActor => ({ kind: 'user', userId: 1, role, orgCode, label: role });
const own = { implementingOrg: 'ID-KKP', lifecycleStage: 'request' as const };
const ok = (f: () => void) => expect(f).not.toThrow();
const forbidden = (f: () => void) => expect(f).toThrow(ForbiddenError);

describe('who may do what', () => {
  it('publishes approved and later programs only', () => {
    expect(
      ['request', 'assessment', 'approved', 'funded', 'implementation', 'completed', 'evaluated', 'rejected', 'cancelled'].filter((s) =>
        isPublished(s as never),
      ),
    ).toEqual(['approved', 'funded', 'implementation', 'completed', 'evaluated']);
    expect(canReadInternal(ANONYMOUS)).toBe(false);
    expect(canReadInternal(user('viewer'))).toBe(true);
  });

  it('lets an agency register and change its own programs, as requests, and never hand them over', () => {
    const agency = user('agency', 'ID-KKP');
    ok(() => authorizeCreateProgram(agency, own));
    forbidden(() => authorizeCreateProgram(agency, { ...own, implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeCreateProgram(agency, { ...own, lifecycleStage: 'approved' }));
    ok(() => authorizeEditProgram(agency, own, own));
    forbidden(() => authorizeEditProgram(agency, own, { implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeEditProgram(agency, { ...own, implementingOrg: 'ID-BNPB' }));
    forbidden(() => authorizeEditProgram(agency, { ...own, lifecycleStage: 'evaluated' }));
    ok(() => authorizeDeleteProgram(agency, own));
    forbidden(() => authorizeDeleteProgram(agency, { ...own, lifecycleStage: 'approved' }));
  });

  it('gives the coordination team every program, the viewer none to change, and asks the public to sign in', () => {
    for (const actor of [user('admin'), user('coordinator'), systemActor('cli')]) {
      ok(() => authorizeCreateProgram(actor, { ...own, lifecycleStage: 'completed' }));
      ok(() => authorizeEditProgram(actor, { ...own, lifecycleStage: 'evaluated' }));
      ok(() => authorizeDeleteProgram(actor, { ...own, lifecycleStage: 'funded' }));
      for (const kind of ['activities', 'participants', 'rates', 'iati'] as const) ok(() => authorizeImport(actor, kind));
    }
    forbidden(() => authorizeCreateProgram(user('viewer'), own));
    forbidden(() => authorizeEditProgram(user('embassy', 'ID-KBRI'), own));
    expect(() => authorizeCreateProgram(ANONYMOUS, own)).toThrow(UnauthenticatedError);
    forbidden(() => authorizeImport(user('agency', 'ID-KKP'), 'activities'));
    forbidden(() => authorizeImport(user('agency', 'ID-KKP'), 'iati'));
    // An agency imports participants (of its own programs: the importer checks each row).
    ok(() => authorizeImport(user('agency', 'ID-KKP'), 'participants'));
    forbidden(() => authorizeImport(user('agency', null), 'participants'));
    expect(canWriteParticipantsOf(user('agency', 'id-kkp'), own)).toBe(true);
    expect(canWriteParticipantsOf(user('agency', 'ID-BNPB'), own)).toBe(false);
    expect(canWriteParticipantsOf(user('embassy', 'ID-KKP'), own)).toBe(false);
    expect(canWriteParticipantsOf(user('coordinator'), own)).toBe(true);
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

  it('lets a recipient government’s focal point file requests, nominate to open programs and see and change its own nominees only', () => {
    const focal = user('focal_point', 'FJ-MFA');
    const open = { ...own, lifecycleStage: 'approved' as const };
    ok(() => authorizeCreateProgram(focal, { ...own, implementingOrg: null }));
    forbidden(() => authorizeCreateProgram(focal, open));
    forbidden(() => authorizeEditProgram(focal, own));
    forbidden(() => authorizeDeleteProgram(focal, own));
    ok(() => authorizeParticipantWrite(focal, open));
    forbidden(() => authorizeParticipantWrite(focal, own));
    forbidden(() => authorizeParticipantWrite(focal, { ...own, lifecycleStage: 'completed' }));
    ok(() => authorizeParticipantWrite(focal, open, { nominatedBy: 'fj-mfa' }));
    forbidden(() => authorizeParticipantWrite(focal, open, { nominatedBy: 'ID-KBRI' }));
    forbidden(() => authorizeParticipantWrite(focal, open, { nominatedBy: null }));
    // Another ministry of the same country is another organisation: it does not see these nominees.
    forbidden(() => authorizeParticipantWrite(user('focal_point', 'FJ-MOE'), open, { nominatedBy: 'FJ-MFA' }));
    expect(canSeePersonalData(focal, own, 'FJ-MFA')).toBe(true);
    expect(canSeePersonalData(focal, own, 'ID-KBRI')).toBe(false);
    expect(canSeePersonalData(focal, own, null)).toBe(false);
    expect(canSeePersonalData(user('focal_point', null), own, null)).toBe(false);
    for (const f of [authorizeReferenceWrite, authorizeUserAdmin, authorizeAuditSearch]) forbidden(() => f(focal));
    forbidden(() => authorizeImport(focal, 'participants'));
  });
});

/**
 * The role table as data: each rule against every actor and stage, with the expected outcome
 * written out independently of the implementation.
 */
describe('the role table, actor by actor and stage by stage', () => {
  const OWN = 'ID-KKP';
  const ACTORS = {
    admin: user('admin'),
    coordinator: user('coordinator'),
    'own agency': user('agency', OWN),
    'other agency': user('agency', 'ID-BNPB'),
    embassy: user('embassy', 'ID-KBRI'),
    'focal point': user('focal_point', 'FJ-MFA'),
    viewer: user('viewer'),
    system: systemActor('cli'),
    public: ANONYMOUS,
  } as const;
  type Who = keyof typeof ACTORS;
  const WHO = Object.keys(ACTORS) as Who[];
  const STAGES = lifecycleStages.codes;
  const outcome = (f: () => void): 'ok' | 'forbidden' | 'sign in' => {
    try {
      f();
      return 'ok';
    } catch (error) {
      if (error instanceof UnauthenticatedError) return 'sign in';
      if (error instanceof ForbiddenError) return 'forbidden';
      throw error;
    }
  };
  const program = (stage: LifecycleStage, org: string | null = OWN) => ({ implementingOrg: org, lifecycleStage: stage });
  const table = (f: (who: Who, stage: LifecycleStage) => void) =>
    Object.fromEntries(WHO.map((who) => [who, STAGES.filter((stage) => outcome(() => f(who, stage)) === 'ok').join(' ')]));
  const everyStage = STAGES.join(' ');

  it('creates programs: the coordination team at any stage, an agency, an embassy and a focal point as requests', () => {
    expect(table((who, stage) => authorizeCreateProgram(ACTORS[who], program(stage)))).toEqual({
      admin: everyStage,
      coordinator: everyStage,
      'own agency': 'request',
      'other agency': '',
      embassy: 'request',
      'focal point': 'request',
      viewer: '',
      system: everyStage,
      public: '',
    });
    expect(outcome(() => authorizeCreateProgram(ANONYMOUS, program('request')))).toBe('sign in');
    expect(outcome(() => authorizeCreateProgram(ACTORS['own agency'], program('request', null)))).toBe('forbidden');
    // An embassy may file a request for any implementing organisation (or none yet).
    expect(outcome(() => authorizeCreateProgram(ACTORS.embassy, program('request', 'ID-BNPB')))).toBe('ok');
    expect(outcome(() => authorizeCreateProgram(ACTORS.embassy, program('request', null)))).toBe('ok');
    expect(outcome(() => authorizeCreateProgram(ACTORS['focal point'], program('request', 'ID-BNPB')))).toBe('ok');
    expect(outcome(() => authorizeCreateProgram(ACTORS['focal point'], program('request', null)))).toBe('ok');
  });

  it('edits programs: the coordination team always, an agency its own until completed', () => {
    expect(table((who, stage) => authorizeEditProgram(ACTORS[who], program(stage), program(stage)))).toEqual({
      admin: everyStage,
      coordinator: everyStage,
      'own agency': 'request assessment approved funded implementation completed',
      'other agency': '',
      embassy: '',
      'focal point': '',
      viewer: '',
      system: everyStage,
      public: '',
    });
    // Handing a program to another organisation, or to none, is the coordination team's.
    expect(outcome(() => authorizeEditProgram(ACTORS['own agency'], program('request'), { implementingOrg: null }))).toBe('forbidden');
    expect(outcome(() => authorizeEditProgram(ACTORS.coordinator, program('request'), { implementingOrg: 'ID-BNPB' }))).toBe('ok');
    expect(outcome(() => authorizeEditProgram(ACTORS.viewer, program('request')))).toBe('forbidden');
    expect(outcome(() => authorizeEditProgram(ANONYMOUS, program('approved')))).toBe('sign in');
  });

  it('deletes programs: the coordination team always, an agency its own request only', () => {
    expect(table((who, stage) => authorizeDeleteProgram(ACTORS[who], program(stage)))).toEqual({
      admin: everyStage,
      coordinator: everyStage,
      'own agency': 'request',
      'other agency': '',
      embassy: '',
      'focal point': '',
      viewer: '',
      system: everyStage,
      public: '',
    });
  });

  it('writes participants: the coordination team and the own agency always, an embassy and a focal point while nominations are open', () => {
    expect(table((who, stage) => authorizeParticipantWrite(ACTORS[who], program(stage)))).toEqual({
      admin: everyStage,
      coordinator: everyStage,
      'own agency': everyStage,
      'other agency': '',
      embassy: 'approved funded implementation',
      'focal point': 'approved funded implementation',
      viewer: '',
      system: everyStage,
      public: '',
    });
    // An embassy changes its own nominees only (matched case-insensitively), another's never.
    const open = program('funded');
    expect(outcome(() => authorizeParticipantWrite(ACTORS.embassy, open, { nominatedBy: 'id-kbri' }))).toBe('ok');
    expect(outcome(() => authorizeParticipantWrite(ACTORS.embassy, open, { nominatedBy: 'ID-KBRI-OTHER' }))).toBe('forbidden');
    expect(outcome(() => authorizeParticipantWrite(user('embassy', null), open, { nominatedBy: null }))).toBe('forbidden');
    expect(outcome(() => authorizeParticipantWrite(ACTORS['own agency'], open, { nominatedBy: 'ID-KBRI' }))).toBe('ok');
    expect(outcome(() => authorizeParticipantWrite(ACTORS['other agency'], open, { nominatedBy: null }))).toBe('forbidden');
    // A focal point likewise, and an embassy's nominee is not its own.
    expect(outcome(() => authorizeParticipantWrite(ACTORS['focal point'], open, { nominatedBy: 'FJ-MFA' }))).toBe('ok');
    expect(outcome(() => authorizeParticipantWrite(ACTORS['focal point'], open, { nominatedBy: 'ID-KBRI' }))).toBe('forbidden');
    expect(outcome(() => authorizeParticipantWrite(ACTORS.embassy, open, { nominatedBy: 'FJ-MFA' }))).toBe('forbidden');
  });

  it('keeps reference data, imports, accounts and the audit log to their roles', () => {
    const rows = {
      reference: authorizeReferenceWrite,
      import: (a: Actor) => authorizeImport(a, 'activities'),
      participantImport: (a: Actor) => authorizeImport(a, 'participants'),
      accounts: authorizeUserAdmin,
      audit: authorizeAuditSearch,
    };
    const got = Object.fromEntries(
      Object.entries(rows).map(([name, f]) => [name, Object.fromEntries(WHO.map((who) => [who, outcome(() => f(ACTORS[who]))]))]),
    );
    const coordination = {
      admin: 'ok',
      coordinator: 'ok',
      'own agency': 'forbidden',
      'other agency': 'forbidden',
      embassy: 'forbidden',
      'focal point': 'forbidden',
      viewer: 'forbidden',
      system: 'ok',
      public: 'sign in',
    };
    const adminOnly = { ...coordination, coordinator: 'forbidden' };
    const agencies = { ...coordination, 'own agency': 'ok', 'other agency': 'ok' };
    expect(got).toEqual({
      reference: coordination,
      import: coordination,
      participantImport: agencies,
      accounts: adminOnly,
      audit: adminOnly,
    });
  });

  it('shows personal data by role, organisation and nomination', () => {
    const sees = (who: Who, nominatedBy: string | null, org: string | null = OWN) =>
      canSeePersonalData(ACTORS[who], { implementingOrg: org }, nominatedBy);
    expect(
      Object.fromEntries(
        WHO.map((who) => [who, [sees(who, null), sees(who, 'ID-KBRI'), sees(who, 'ID-KBRI', 'ID-BNPB'), sees(who, 'FJ-MFA')]]),
      ),
    ).toEqual({
      admin: [true, true, true, true],
      coordinator: [true, true, true, true],
      'own agency': [true, true, false, true],
      'other agency': [false, false, true, false],
      embassy: [false, true, true, false],
      'focal point': [false, false, false, true],
      viewer: [false, false, false, false],
      system: [true, true, true, true],
      public: [false, false, false, false],
    });
    expect(canSeePersonalData(ACTORS['own agency'], { implementingOrg: null })).toBe(false);
    expect(canSeePersonalData(user('embassy', null), { implementingOrg: OWN }, null)).toBe(false);
  });

  it('publishes the approved plan and after, matches organisations case-insensitively, and asks the public to sign in', () => {
    expect(PUBLISHED_STAGES).toEqual(['approved', 'funded', 'implementation', 'completed', 'evaluated']);
    expect(isOwnProgram(user('agency', 'id-kkp'), OWN)).toBe(true);
    expect(isOwnProgram(user('agency', OWN), null)).toBe(false);
    expect(isOwnProgram(user('agency', null), null)).toBe(false);
    expect(isOwnProgram(systemActor('cli'), OWN)).toBe(false);
    expect(isOwnProgram(ANONYMOUS, OWN)).toBe(false);
    expect(() => requireSignedIn(ANONYMOUS)).toThrow(expect.objectContaining({ code: 'auth.required' }));
    expect(() => requireSignedIn(systemActor('cli'))).not.toThrow();
    expect(() => requireSignedIn(user('viewer'))).not.toThrow();
    expect(canReadInternal(systemActor('cli'))).toBe(true);
  });
});
