import { describe, expect, it } from 'vitest';
import { listSdgGoals, listSdgTargets, parseSdgTag } from './sdgs.js';

describe('parseSdgTag', () => {
  it.each([
    ['8', { goal: 8, target: null }],
    ['SDG 8', { goal: 8, target: null }],
    ['8.3', { goal: 8, target: '8.3' }],
    ['1.a', { goal: 1, target: '1.a' }],
    ['17.19', { goal: 17, target: '17.19' }],
  ])('reads %s', (input, expected) => {
    expect(parseSdgTag(input)).toEqual(expected);
  });

  it.each(['0', '18', '8.99', 'eight', ''])('refuses %s', (input) => {
    expect(parseSdgTag(input)).toBeUndefined();
  });

  it('has 17 goals with Indonesian names and 169 targets', () => {
    expect(listSdgGoals()).toHaveLength(17);
    expect(listSdgGoals()[0]?.shortId).toBe('Tanpa Kemiskinan');
    expect(listSdgTargets()).toHaveLength(169);
  });
});
