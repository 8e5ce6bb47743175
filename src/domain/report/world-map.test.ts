import { describe, expect, it } from 'vitest';
import { colourOf, MAP_POINTS, projectPoint } from './world-map.js';

describe('world map', () => {
  it('colours by class, the largest value darkest and zero grey', () => {
    expect(colourOf(0, 10)).toBe('#eef0f2');
    expect(colourOf(10, 10)).toBe('#08519c');
    expect(colourOf(1, 100)).toBe('#deebf7');
  });

  it('has a dot for every small Pacific state that vanishes at 1:110m', () => {
    const dots = new Set(MAP_POINTS.map(([iso2]) => iso2));
    for (const iso2 of ['WS', 'TO', 'KI', 'TV', 'NR', 'FM', 'MH', 'PW', 'CK', 'NU', 'TK']) expect(dots.has(iso2), iso2).toBe(true);
  });

  it('projects into the 960 × 500 frame, Jakarta right of centre and south of the equator line', () => {
    const [x, y] = projectPoint(106.8, -6.2);
    expect(x).toBeGreaterThan(480);
    expect(x).toBeLessThan(960);
    expect(y).toBeGreaterThan(250);
  });
});
