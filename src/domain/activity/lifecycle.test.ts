import { describe, expect, it } from 'vitest';
import { ANONYMOUS, systemActor, type Role, type UserActor } from '../access/actor.js';
import { lifecycleStages, type LifecycleStage } from '../codes.js';
import { ForbiddenError, InvalidError, InvalidTransitionError, UnauthenticatedError } from '../errors.js';
import { availableTransitions, planTransition, stageOfStatus, TRANSITIONS, transitionActions } from './lifecycle.js';

const user = (role: Role, orgCode: string | null = null): UserActor => ({ kind: 'user', userId: 1, role, orgCode, label: `${role}@example.org` });
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
    for (const [action, stage] of [['reject', 'assessment'], ['return', 'assessment'], ['cancel', 'funded']] as const) {
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

  it('offers each role the steps it may take now', () => {
    expect(availableTransitions(user('coordinator'), at('assessment'))).toEqual(['return', 'approve', 'reject', 'cancel']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('assessment'))).toEqual(['cancel']);
    expect(availableTransitions(user('agency', 'ID-KKP'), at('funded'))).toEqual(['start', 'cancel']);
    expect(availableTransitions(user('agency', 'ID-BNPB'), at('funded'))).toEqual([]);
    expect(availableTransitions(user('viewer'), at('request'))).toEqual([]);
    expect(availableTransitions(ANONYMOUS, at('request'))).toEqual([]);
    for (const stage of lifecycleStages.codes) expect(availableTransitions(user('admin'), at(stage)).every((a) => TRANSITIONS[a].from.includes(stage))).toBe(true);
  });

  it('reads the stage of an imported program from its status', () => {
    expect(['pipeline', 'implementation', 'finalisation', 'closed', 'cancelled', 'suspended'].map((s) => stageOfStatus(s as never))).toEqual([
      'request',
      'implementation',
      'completed',
      'completed',
      'cancelled',
      'request',
    ]);
  });
});
