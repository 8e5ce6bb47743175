import { describe, expect, it } from 'vitest';
import { statusOf } from '../ProgramForm/program-form.js';
import { CONFIRMED_ACTIONS } from './ProcessSection.js';
import { workAhead } from './StageHints.js';

describe('what waits for a later stage', () => {
  it('names the work still ahead on the main path, none for a stopped program', () => {
    expect(workAhead('request')).toEqual(['nominations', 'attendance', 'surveys']);
    expect(workAhead('assessment')).toEqual(['nominations', 'attendance', 'surveys']);
    expect(workAhead('approved')).toEqual(['attendance', 'surveys']);
    expect(workAhead('funded')).toEqual(['attendance', 'surveys']);
    expect(workAhead('implementation')).toEqual(['surveys']);
    expect(workAhead('completed')).toEqual([]);
    expect(workAhead('evaluated')).toEqual([]);
    expect(workAhead('rejected')).toEqual([]);
    expect(workAhead('cancelled')).toEqual([]);
  });

  it('asks before the forward steps that cannot be undone, not before submitting (which can be returned)', () => {
    expect(CONFIRMED_ACTIONS).toEqual(['approve', 'fund', 'start', 'complete', 'evaluate']);
  });
});

describe('the status in the program form', () => {
  it('shows and sends the status of the stage, or a chosen one the stage admits', () => {
    expect(statusOf({ lifecycleStage: 'approved', activityStatus: 'implementation' })).toBe('pipeline');
    expect(statusOf({ lifecycleStage: 'completed', activityStatus: 'pipeline' })).toBe('finalisation');
    expect(statusOf({ lifecycleStage: 'implementation', activityStatus: 'suspended' })).toBe('suspended');
  });
});
