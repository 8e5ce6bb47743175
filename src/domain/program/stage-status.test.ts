import { describe, expect, it } from 'vitest';
import { ACTIVITY_STATUS_IATI, lifecycleStages } from '../codes.js';
import { InvalidTransitionError } from '../errors.js';
import { TRANSITIONS } from './lifecycle.js';
import {
  factsAfterTransition,
  requireStage,
  settleStatus,
  stageAllows,
  STATUS_OF_STAGE,
  statusesOfStage,
  statusFitsStage,
  statusIssue,
} from './stage-status.js';

describe('the status of each stage', () => {
  it('reports pipeline until the program starts, then implementation, finalisation (3), closed (4); stopped ones cancelled', () => {
    expect(Object.fromEntries(lifecycleStages.codes.map((s) => [s, ACTIVITY_STATUS_IATI[STATUS_OF_STAGE[s]]]))).toEqual({
      request: 1,
      assessment: 1,
      approved: 1,
      funded: 1,
      implementation: 2,
      completed: 3,
      evaluated: 4,
      rejected: 5,
      cancelled: 5,
    });
  });

  it('admits suspended only while in implementation', () => {
    expect(statusesOfStage('implementation')).toEqual(['implementation', 'suspended']);
    for (const stage of lifecycleStages.codes.filter((s) => s !== 'implementation')) {
      expect(statusFitsStage('suspended', stage)).toBe(false);
      expect(statusesOfStage(stage)).toEqual([STATUS_OF_STAGE[stage]]);
    }
    expect(statusFitsStage('pipeline', 'evaluated')).toBe(false);
  });

  it('names activityStatus when a status contradicts the stage', () => {
    expect(statusIssue('closed', 'approved')).toEqual({
      path: 'activityStatus',
      code: 'status_contradicts_stage',
      params: { stage: 'approved', status: 'closed', expected: 'pipeline' },
      message: expect.stringContaining('stage "approved" has status "pipeline", not "closed"'),
    });
    expect(statusIssue('pipeline', 'approved')).toBeNull();
  });

  it('lets a status not given follow the stage, keeps one that fits, and checks one given', () => {
    expect(settleStatus({ activityStatus: 'pipeline', lifecycleStage: 'evaluated' }, false)).toEqual({
      data: { activityStatus: 'closed', lifecycleStage: 'evaluated' },
      issue: null,
    });
    expect(settleStatus({ activityStatus: 'suspended', lifecycleStage: 'implementation' }, false).data.activityStatus).toBe('suspended');
    expect(settleStatus({ activityStatus: 'pipeline', lifecycleStage: 'completed' }, true).issue?.path).toBe('activityStatus');
    expect(settleStatus({ activityStatus: 'finalisation', lifecycleStage: 'completed' }, true).issue).toBeNull();
  });
});

describe('the facts a transition sets', () => {
  const planned = { activityStatus: 'pipeline', actualStart: null, actualEnd: null } as const;

  it('sets the status of the stage moved to, whichever transition leads there', () => {
    for (const rule of Object.values(TRANSITIONS)) {
      expect(factsAfterTransition(planned, rule.to, '2026-11-28').activityStatus).toBe(STATUS_OF_STAGE[rule.to]);
    }
  });

  it('records the actual start on starting and the actual end on completing, today unless already recorded', () => {
    const started = factsAfterTransition(planned, 'implementation', '2026-11-28');
    expect(started).toEqual({ activityStatus: 'implementation', actualStart: '2026-11-28', actualEnd: null });
    expect(factsAfterTransition(started, 'completed', '2026-12-05')).toEqual({
      activityStatus: 'finalisation',
      actualStart: '2026-11-28',
      actualEnd: '2026-12-05',
    });
    expect(factsAfterTransition({ ...planned, actualStart: '2026-11-01' }, 'implementation', '2026-11-28').actualStart).toBe('2026-11-01');
    const ended = { activityStatus: 'implementation', actualStart: '2026-11-01', actualEnd: '2026-11-20' } as const;
    expect(factsAfterTransition(ended, 'completed', '2026-11-28').actualEnd).toBe('2026-11-20');
    // An end is never before the start recorded.
    expect(factsAfterTransition({ ...ended, actualStart: '2026-12-01', actualEnd: null }, 'completed', '2026-11-28').actualEnd).toBe(
      '2026-12-01',
    );
    // Other moves keep the dates.
    expect(factsAfterTransition(ended, 'evaluated', '2027-01-10')).toEqual({ ...ended, activityStatus: 'closed' });
    expect(factsAfterTransition(planned, 'approved', '2026-11-28')).toEqual(planned);
  });
});

describe('work that waits for its stage', () => {
  it('takes nominations once approved until implementation, attendance once started, surveys once completed', () => {
    const table = Object.fromEntries(
      lifecycleStages.codes.map((s) => [s, (['nominations', 'attendance', 'surveys'] as const).filter((w) => stageAllows(w, s)).join(' ')]),
    );
    expect(table).toEqual({
      request: '',
      assessment: '',
      approved: 'nominations',
      funded: 'nominations',
      implementation: 'nominations attendance',
      completed: 'attendance surveys',
      evaluated: 'attendance surveys',
      rejected: '',
      cancelled: '',
    });
  });

  it('refuses work at another stage with activity.wrong_stage naming the stages needed', () => {
    expect(() => requireStage('attendance', { lifecycleStage: 'implementation' })).not.toThrow();
    try {
      requireStage('nominations', { lifecycleStage: 'request' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect(error).toMatchObject({
        code: 'activity.wrong_stage',
        message: expect.stringContaining('"approved", "funded", "implementation"'),
        details: { work: 'nominations', stage: 'request', needed: ['approved', 'funded', 'implementation'] },
      });
    }
  });
});
