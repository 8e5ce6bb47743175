import { describe, expect, it } from 'vitest';
import { firstCodeOf, targetsOf, type TargetDraft } from './target-form.js';

describe('targetsOf', () => {
  const draft: TargetDraft = {
    kind: 'group',
    code: 'PIF',
    metric: 'programs',
    comparator: 'at_least',
    target: '12',
    from: 2024,
    to: 2025,
    note: ' ',
  };

  it('sets the same target for each year of the span, without an empty note', () => {
    expect(targetsOf(draft)).toEqual([
      { year: 2024, subjectKind: 'group', subjectCode: 'PIF', metric: 'programs', comparator: 'at_least', target: 12 },
      { year: 2025, subjectKind: 'group', subjectCode: 'PIF', metric: 'programs', comparator: 'at_least', target: 12 },
    ]);
  });

  it('keeps a trimmed note and sets nothing for a reversed span', () => {
    expect(targetsOf({ ...draft, to: 2024, note: ' Pacific ' })[0]?.note).toBe('Pacific');
    expect(targetsOf({ ...draft, from: 2026 })).toEqual([]);
  });
});

describe('firstCodeOf', () => {
  it('chooses a common code for each kind', () => {
    expect(firstCodeOf('group', undefined)).toBe('PIF');
    expect(firstCodeOf('region', 'x')).toBe('africa');
    expect(firstCodeOf('list', 'asean-plus')).toBe('asean-plus');
    expect(firstCodeOf('list', undefined)).toBe('');
    expect(firstCodeOf('country', 'x')).toBe('');
  });
});
