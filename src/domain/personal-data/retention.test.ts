import { describe, expect, it } from 'vitest';
import { addMonths, retentionCutoff } from './retention.js';

describe('retention dates', () => {
  it('adds months, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-03-10', 12)).toBe('2026-03-10');
    expect(addMonths('2026-12-15', 60)).toBe('2031-12-15');
  });

  it('puts the cutoff the rule’s months before today', () => {
    expect(retentionCutoff('2026-11-28', 12)).toBe('2025-11-28');
    expect(retentionCutoff('2026-03-31', 1)).toBe('2026-02-28');
  });
});
