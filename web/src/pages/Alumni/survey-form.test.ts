import { describe, expect, it } from 'vitest';
import { answersOf, moveItem } from './survey-form.js';

describe('moveItem', () => {
  it('moves an item up and down, and ignores moves off the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('answersOf', () => {
  it('turns the form values into typed answers and drops empty ones', () => {
    expect(
      answersOf({ k: 'yes', p: 'no', u: '4', c: '  ', t: ' fine ' }, { k: 'yes_no', p: 'yes_no', u: 'scale_1_5', c: 'text', t: 'text' }),
    ).toEqual({ k: true, p: false, u: 4, t: 'fine' });
  });
});
