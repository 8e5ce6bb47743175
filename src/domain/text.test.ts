import { describe, expect, it } from 'vitest';
import { editDistance, indonesianAfterEdit, normalizeName } from './text.js';

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

describe('indonesianAfterEdit', () => {
  const was = { text: 'Training on disaster risk', indonesian: 'Pelatihan risiko bencana' };
  it('takes the variant the edit gives, null clearing it', () => {
    expect(indonesianAfterEdit('Pelatihan baru', 'New training', was)).toBe('Pelatihan baru');
    expect(indonesianAfterEdit(null, was.text, was)).toBeNull();
  });
  it('keeps the stored variant while the text stays, and drops it when the text changes without one', () => {
    expect(indonesianAfterEdit(undefined, was.text, was)).toBe(was.indonesian);
    expect(indonesianAfterEdit(undefined, 'Training on flood risk', was)).toBeNull();
  });
});
