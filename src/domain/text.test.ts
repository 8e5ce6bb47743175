import { describe, expect, it } from 'vitest';
import { editDistance, normalizeName } from './text.js';

describe('normalizeName', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normalizeName("  Côte d'Ivoire ")).toBe('cote divoire');
    expect(normalizeName('Timor-Leste')).toBe(normalizeName('timor  leste'));
    expect(normalizeName('St. Kitts & Nevis')).toBe('saint kitts and nevis');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('kenya', 'kenya')).toBe(0);
    expect(editDistance('kenia', 'kenya')).toBe(1);
    expect(editDistance('knyea', 'kenya')).toBe(2);
    expect(editDistance('abc', '')).toBe(3);
  });
});
