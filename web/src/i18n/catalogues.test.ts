import { describe, expect, it } from 'vitest';
import { en } from './en/index.js';
import { id } from './id/index.js';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('catalogues', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
  });

  it('leave no Indonesian string empty', () => {
    const leaves = (value: unknown): string[] =>
      value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [String(value)];
    expect(leaves(id).filter((v) => v.trim() === '')).toEqual([]);
  });
});
