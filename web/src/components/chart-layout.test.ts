import { describe, expect, it } from 'vitest';
import { bands, fitLabel, niceTicks, wrapLabel } from './chart-layout.js';

/** Every character 10 px wide: easy to reason about. */
const tenPx = (text: string) => text.length * 10;

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten up to at least the largest value', () => {
    expect(niceTicks(17)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(384)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(53)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('never steps below 1 when counts are small, and gives an axis when there is nothing', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits and cuts a longer one with an ellipsis', () => {
    expect(fitLabel('Training', 80, tenPx)).toBe('Training');
    expect(fitLabel('Livestock and agriculture', 100, tenPx)).toBe('Livestock…');
    expect(tenPx(fitLabel('Disaster risk management', 140, tenPx))).toBeLessThanOrEqual(140);
  });
});

describe('wrapLabel', () => {
  it('breaks at spaces into at most two lines, the last one cut when words remain', () => {
    expect(wrapLabel('America & Caribbean', 100, 2, tenPx)).toEqual(['America &', 'Caribbean']);
    expect(wrapLabel('Asia', 100, 2, tenPx)).toEqual(['Asia']);
    const lines = wrapLabel('Local and regional development of the islands', 100, 2, tenPx);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Local and');
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(Math.max(...lines.map(tenPx))).toBeLessThanOrEqual(100);
  });

  it('cuts a single word longer than the line', () => {
    expect(wrapLabel('Pengembangan', 60, 2, tenPx)).toEqual(['Penge…']);
  });
});

describe('bands', () => {
  it('splits a length into equal bands with their starts and centres', () => {
    const b = bands(4, 400);
    expect(b.width).toBe(100);
    expect([b.start(0), b.start(3), b.centre(1)]).toEqual([0, 300, 150]);
  });
});
