/**
 * The world choropleth of recipient countries as plain SVG geometry and colours: one module for
 * the web map (fetched by the browser) and the PDF report (read by the server), both over
 * world-atlas 1:110m, so both draw the same shapes, projection, classes and dots.
 *
 * Pure geometry: d3-geo and topojson-client do no I/O; the caller brings the TopoJSON.
 */
import { geoCentroid, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MAP_POINTS } from '../reference/data/map-points.js';
import { listCountries } from '../reference/countries.js';

export { MAP_POINTS };

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
/** Sequential blues (ColorBrewer), lightest for the smallest values. Hex, not hsl(): PDF renderers draw hsl() black. */
export const MAP_SCALE: readonly string[] = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
/** Countries with no value. */
export const MAP_EMPTY = '#eef0f2';

/** world-atlas's `countries-50m.json` / `countries-110m.json`. */
export type WorldTopology = Topology<{ countries: GeometryCollection }>;

export interface MapShape {
  /** ISO alpha-2 code, '' for the few features without one (Kosovo, N. Cyprus, Somaliland). */
  readonly iso2: string;
  /** SVG path data in the MAP_WIDTH × MAP_HEIGHT frame. */
  readonly d: string;
  /** Longitude and latitude of the shape's centroid (for the dots of a program's recipients). */
  readonly centroid: readonly [number, number];
}

const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'Sphere' });
/** One decimal is sub-pixel at this size and keeps the path data small (STACK.md). */
const path = geoPath(projection).digits(1);

/** The outline of the globe, drawn behind the countries. */
export const SPHERE_PATH: string = path({ type: 'Sphere' }) ?? '';

/** Projects every country of the topology; world-atlas ids are ISO numeric strings ("404"). */
export function projectCountries(topology: WorldTopology): MapShape[] {
  const alpha2 = new Map(listCountries().map((c) => [c.numeric, c.iso2]));
  return feature(topology, topology.objects.countries)
    .features.map((f) => {
      const shape: GeoPermissibleObjects = f;
      return { iso2: alpha2.get(String(f.id ?? '')) ?? '', d: path(shape) ?? '', centroid: geoCentroid(shape) };
    })
    .filter((s) => s.d !== '');
}

/** A longitude and latitude in the map's frame. */
export function projectPoint(lon: number, lat: number): readonly [number, number] {
  return projection([lon, lat]) ?? [0, 0];
}

/** Class breaks: the value range split in five on a square-root scale, so one large country does not wash out the rest. */
export function colourOf(value: number, max: number): string {
  if (value <= 0 || max <= 0) return MAP_EMPTY;
  const step = Math.min(MAP_SCALE.length - 1, Math.floor((Math.sqrt(value) / Math.sqrt(max)) * MAP_SCALE.length - 1e-9));
  return MAP_SCALE[Math.max(0, step)] ?? MAP_EMPTY;
}
