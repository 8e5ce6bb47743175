import { describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor, type Role, type UserActor } from '../access/actor.js';
import { activityStatuses, lifecycleStages, type LifecycleStage } from '../codes.js';
import { statusFitsStage } from './stage-status.js';
import { ForbiddenError, InvalidError, InvalidTransitionError, UnauthenticatedError } from '../errors.js';
import { availableTransitions, planTransition, stageOfStatus, TRANSITIONS, transitionActions } from './lifecycle.js';

const user = (role: Role, orgCode: string | null = null): UserActor => ({
  kind: 'user',
  userId: 1,
  role,
  orgCode,
  label: `${role}@example.org`,
});
const at = (stage: LifecycleStage, implementingOrg: string | null = 'ID-KKP') => ({ lifecycleStage: stage, implementingOrg });

describe('the assistance process', () => {
  it('leads each action from its stages to one stage', () => {
    expect(Object.fromEntries(transitionActions.codes.map((a) => [a, `${TRANSITIONS[a].from.join('|')} → ${TRANSITIONS[a].to}`]))).toEqual({
      submit: 'request → assessment',
      return: 'assessment → request',
      approve: 'assessment → approved',
      reject: 'assessment → rejected',
      fund: 'approved → funded',
      start: 'funded → implementation',
      complete: 'implementation → completed',
      evaluate: 'completed → evaluated',
      cancel: 'request|assessment|approved|funded|implementation → cancelled',
    });
  });

  it('lets the coordination team make every step, and refuses a step from the wrong stage', () => {
    for (const role of ['admin', 'coordinator'] as const) {
      expect(planTransition(user(role), at('assessment'), 'approve', null)).toBe('approved');
      expect(planTransition(user(role), at('completed'), 'evaluate', null)).toBe('evaluated');
    }
    expect(() => planTransition(user('coordinator'), at('request'), 'approve', null)).toThrow(InvalidTransitionError);
    for (const stage of ['completed', 'evaluated', 'rejected', 'cancelled'] as const) {
      expect(() => planTransition(user('admin'), at(stage), 'cancel', 'why')).toThrow(InvalidTransitionError);
    }
  });

  it('requires a comment to reject, return or cancel', () => {
    for (const [action, stage] of [
      ['reject', 'assessment'],
      ['return', 'assessment'],
      ['cancel', 'funded'],
    ] as const) {
      expect(() => planTransition(user('coordinator'), at(stage), action, '  ')).toThrow(InvalidError);
      expect(() => planTransition(user('coordinator'), at(stage), action, null)).toThrow(InvalidError);
      expect(planTransition(user('coordinator'), at(stage), action, 'Outside the priorities')).toBe(TRANSITIONS[action].to);
    }
  });

  it('lets an agency submit, start, complete and cancel its own programs only', () => {
    const agency = user('agency', 'id-kkp');
    expect(planTransition(agency, at('request'), 'submit', null)).toBe('assessment');
    expect(planTransition(agency, at('funded'), 'start', null)).toBe('implementation');
    expect(planTransition(agency, at('implementation'), 'complete', null)).toBe('completed');
    expect(planTransition(agency, at('approved'), 'cancel', 'no venue')).toBe('cancelled');
    expect(() => planTransition(agency, at('assessment'), 'approve', null)).toThrow(ForbiddenError);
    expect(() => planTransition(agency, at('request', 'ID-POLRI'), 'submit', null)).toThrow(ForbiddenError);
    expect(() => planTransition(agency, at('request', null), 'submit', null)).toThrow(ForbiddenError);
  });

  it('lets an embassy submit requests, a viewer nothing, and asks the public to sign in', () => {
    expect(planTransition(user('embassy', 'ID-KBRI-SUVA'), at('request'), 'submit', null)).toBe('assessment');
    expect(() => planTransition(user('embassy', 'ID-KBRI-SUVA'), at('assessment'), 'approve', null)).toThrow(ForbiddenError);
    expect(() => planTransition(user('viewer'), at('request'), 'submit', null)).toThrow(ForbiddenError);
    expect(() => planTransition(ANONYMOUS, at('request'), 'submit', null)).toThrow(UnauthenticatedError);
    expect(planTransition(systemActor('cli'), at('assessment'), 'approve', null)).toBe('approved');
  });

  it('lets a recipient government’s focal point submit requests like an embassy, and nothing else', () => {
    const focal = user('focal_point', 'FJ-MFA');
    expect(planTransition(focal, at('request', 'ID-POLRI'), 'submit', null)).toBe('assessment');
    expect(availableTransitions(focal, at('request'))).toEqual(['submit']);
    for (const stage of lifecycleStages.codes.filter((s) => s !== 'request')) expect(availableTransitions(focal, at(stage))).toEqual([]);
    expect(() => planTransition(focal, at('assessment'), 'approve', null)).toThrow(ForbiddenError);
    expect(() => planTransition(focal, at('approved'), 'cancel', 'no venue')).toThrow(ForbiddenError);
  });

  it('offers each role the steps it may take now', () => {
    expect(availableTransitions(user('coordinator'), at('assessment'))).toEqual(['return', 'approve', 'reject', 'cancel']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('assessment'))).toEqual(['cancel']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('funded'))).toEqual(['start', 'cancel']);
    expect(availableTransitions(user('agency', 'ID-BNPB'), at('funded'))).toEqual([]);
    expect(availableTransitions(user('viewer'), at('request'))).toEqual([]);
    expect(availableTransitions(ANONYMOUS, at('request'))).toEqual([]);
    for (const stage of lifecycleStages.codes)
      expect(availableTransitions(user('admin'), at(stage)).every((a) => TRANSITIONS[a].from.includes(stage))).toBe(true);
  });

  it('reads the stage of an imported program from its status, a stage whose status is that status', () => {
    expect(activityStatuses.codes.map((s) => `${s} → ${stageOfStatus(s)}`)).toEqual([
      'pipeline → request',
      'implementation → implementation',
      'finalisation → completed',
      'closed → evaluated',
      'cancelled → cancelled',
      'suspended → implementation',
    ]);
    for (const status of activityStatuses.codes) expect(statusFitsStage(status, stageOfStatus(status))).toBe(true);
  });
});

/**
 * The whole table, written out independently of TRANSITIONS: every action from every stage by
 * every kind of actor. The expected outcome is read from the process as the coordination team
 * describes it (docs/security.md), so a change of the rules table shows up here.
 */
describe('every transition from every stage by every actor', () => {
  const FROM: Record<string, readonly LifecycleStage[]> = {
    submit: ['request'],
    return: ['assessment'],
    approve: ['assessment'],
    reject: ['assessment'],
    fund: ['approved'],
    start: ['funded'],
    complete: ['implementation'],
    evaluate: ['completed'],
    cancel: ['request', 'assessment', 'approved', 'funded', 'implementation'],
  };
  const TO: Record<string, LifecycleStage> = {
    submit: 'assessment',
    return: 'request',
    approve: 'approved',
    reject: 'rejected',
    fund: 'funded',
    start: 'implementation',
    complete: 'completed',
    evaluate: 'evaluated',
    cancel: 'cancelled',
  };
  const NEEDS_COMMENT = new Set(['return', 'reject', 'cancel']);
  const ACTORS = {
    admin: user('admin'),
    coordinator: user('coordinator'),
    'own agency': user('agency', 'ID-KKP'),
    'other agency': user('agency', 'ID-BNPB'),
    'agency without organisation': user('agency', null),
    embassy: user('embassy', 'ID-KBRI-NAIROBI'),
    viewer: user('viewer'),
    system: systemActor('cli'),
  } as const;
  type Who = keyof typeof ACTORS;
  /** Which actors may make each action (when the program is in a stage it starts from). */
  const MAY: Record<string, readonly Who[]> = {
    submit: ['admin', 'coordinator', 'own agency', 'embassy', 'system'],
    return: ['admin', 'coordinator', 'system'],
    approve: ['admin', 'coordinator', 'system'],
    reject: ['admin', 'coordinator', 'system'],
    fund: ['admin', 'coordinator', 'system'],
    start: ['admin', 'coordinator', 'own agency', 'system'],
    complete: ['admin', 'coordinator', 'own agency', 'system'],
    evaluate: ['admin', 'coordinator', 'system'],
    cancel: ['admin', 'coordinator', 'own agency', 'system'],
  };

  const outcome = (f: () => unknown): string => {
    try {
      return `→ ${String(f())}`;
    } catch (error) {
      return (error as Error).constructor.name;
    }
  };

  for (const action of transitionActions.codes) {
    it(`${action}: allowed stages, roles and comment`, () => {
      expect(Object.keys(FROM).sort()).toEqual([...transitionActions.codes].sort());
      for (const stage of lifecycleStages.codes) {
        for (const [who, actor] of Object.entries(ACTORS) as [Who, (typeof ACTORS)[Who]][]) {
          const comment = NEEDS_COMMENT.has(action) ? 'Reason given' : null;
          const got = outcome(() => planTransition(actor, at(stage), action, comment));
          const expected = !FROM[action]!.includes(stage)
            ? 'InvalidTransitionError'
            : MAY[action]!.includes(who)
              ? `→ ${TO[action]}`
              : 'ForbiddenError';
          expect(got, `${who} ${action}s a program in ${stage}`).toBe(expected);
        }
        expect(
          outcome(() => planTransition(ANONYMOUS, at(stage), action, 'x')),
          `the public ${action}s in ${stage}`,
        ).toBe('UnauthenticatedError');
      }
      // The comment rule, checked by those allowed to make the step.
      const stage = FROM[action]![0]!;
      for (const who of MAY[action]!) {
        for (const comment of [null, '', '   ']) {
          expect(outcome(() => planTransition(ACTORS[who], at(stage), action, comment))).toBe(
            NEEDS_COMMENT.has(action) ? 'InvalidError' : `→ ${TO[action]}`,
          );
        }
      }
    });
  }

  it('names the comment field when it is missing', () => {
    try {
      planTransition(user('coordinator'), at('assessment'), 'reject', null);
      expect.unreachable('a rejection needs a comment');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidError);
      expect(error).toMatchObject({ code: 'activity.comment_required', issues: [{ path: 'comment', code: 'required' }] });
    }
    expect(() => planTransition(user('coordinator'), at('request'), 'approve', null)).toThrow(
      expect.objectContaining({ code: 'activity.invalid_transition' }),
    );
    expect(() => planTransition(user('viewer'), at('request'), 'submit', null)).toThrow(
      expect.objectContaining({ code: 'activity.transition_forbidden' }),
    );
  });

  it('matches an agency to its program case-insensitively, and never a program without an implementing organisation', () => {
    expect(planTransition(user('agency', 'id-kkp'), at('funded', 'ID-KKP'), 'start', null)).toBe('implementation');
    expect(() => planTransition(user('agency', 'ID-KKP'), at('funded', null), 'start', null)).toThrow(ForbiddenError);
    expect(() => planTransition(user('agency', null), at('funded', null), 'start', null)).toThrow(ForbiddenError);
    expect(() => planTransition(user('agency', 'ID-KK'), at('funded', 'ID-KKP'), 'start', null)).toThrow(ForbiddenError);
  });

  it('offers each actor exactly the steps planTransition would accept, in every stage', () => {
    for (const stage of lifecycleStages.codes) {
      for (const [who, actor] of Object.entries(ACTORS) as [Who, (typeof ACTORS)[Who]][]) {
        const expected = transitionActions.codes.filter((a) => FROM[a]!.includes(stage) && MAY[a]!.includes(who));
        expect(availableTransitions(actor, at(stage)), `${who} in ${stage}`).toEqual(expected);
      }
      expect(availableTransitions(ANONYMOUS, at(stage))).toEqual([]);
    }
    // The end stages offer nothing to anybody.
    for (const stage of ['evaluated', 'rejected', 'cancelled'] as const)
      expect(availableTransitions(systemActor('cli'), at(stage))).toEqual([]);
    expect(availableTransitions(user('embassy', 'ID-KBRI'), at('request'))).toEqual(['submit']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('request'))).toEqual(['submit', 'cancel']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('implementation'))).toEqual(['complete', 'cancel']);
    expect(availableTransitions(user('coordinator'), at('completed'))).toEqual(['evaluate']);
  });
});
