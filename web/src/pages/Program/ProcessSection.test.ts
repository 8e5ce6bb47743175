import { describe, expect, it } from 'vitest';
import { stepperSteps } from './ProcessSection.js';

const move = (fromStage: string, toStage: string) => ({
  id: 1,
  action: 'submit' as const,
  fromStage,
  toStage,
  comment: null,
  actorLabel: 'a@example.org',
  at: '2026-01-01T00:00:00Z',
});

describe('stepperSteps', () => {
  it('marks the stages before the current one done and the later ones to come', () => {
    const { steps, stop } = stepperSteps({ stage: 'approved', transitions: [] });
    expect(stop).toBeNull();
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('shows where a rejected program left the path, and the rest as not reached', () => {
    const { steps, stop } = stepperSteps({
      stage: 'rejected',
      transitions: [move('request', 'assessment'), move('assessment', 'rejected')] as never,
    });
    expect(stop).toBe('rejected');
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('shows a cancelled program with no recorded steps as stopped without guessing a path', () => {
    const { steps, stop } = stepperSteps({ stage: 'cancelled', transitions: [] });
    expect(stop).toBe('cancelled');
    expect(steps.every((s) => s.state === 'skipped')).toBe(true);
  });
});
