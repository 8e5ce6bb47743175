/**
 * The world choropleth as an SVG string for the PDF: the web map's projection and colours
 * (domain/report/world-map.ts) over world-atlas 1:110m: 127 KB of path data that pdfmake draws
 * in about 0.2 s, against 1.1 MB and 0.9 s for 1:50m (measured); small states get dots as on the web.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  colourOf,
  MAP_HEIGHT,
  MAP_POINTS,
  MAP_WIDTH,
  projectCountries,
  projectPoint,
  SPHERE_PATH,
  type MapShape,
  type WorldTopology,
} from '../../domain/report/world-map.js';

const require = createRequire(import.meta.url);
let shapes: readonly MapShape[] | undefined;

/** Read and projected once per process (about 0.1 s), then reused by every report. */
function worldShapes(): readonly MapShape[] {
  // world-atlas's own file, in the shape its documentation gives (a `countries` geometry collection).
  shapes ??= projectCountries(JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as WorldTopology);
  return shapes;
}

/** Values per ISO alpha-2 code; countries without a value are grey. */
export function worldMapSvg(values: ReadonlyMap<string, number>): string {
  const max = Math.max(0, ...values.values());
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">`,
    `<path d="${SPHERE_PATH}" fill="#f7fafc" stroke="#c9d3dc" stroke-width="1"/>`,
  ];
  // One path per colour, not per country: pdfmake parses and draws the map in about 60% of the time.
  const byColour = new Map<string, string[]>();
  for (const s of worldShapes()) {
    const colour = colourOf(values.get(s.iso2) ?? 0, max);
    const paths = byColour.get(colour);
    if (paths) paths.push(s.d);
    else byColour.set(colour, [s.d]);
  }
  for (const [colour, paths] of byColour) parts.push(`<path d="${paths.join('')}" fill="${colour}" stroke="#ffffff" stroke-width="0.5"/>`);
  for (const [iso2, lon, lat] of MAP_POINTS) {
    const value = values.get(iso2) ?? 0;
    if (value <= 0) continue;
    const [x, y] = projectPoint(lon, lat);
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5" fill="${colourOf(value, max)}" stroke="#08306b" stroke-width="0.8"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
