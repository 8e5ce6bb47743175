/**
 * The world choropleth of recipient countries: offline (world-atlas 1:110m shapes served by
 * Mitra itself, no tile server; shapes, projection and colours shared with the PDF report in
 * src/domain/report/world-map.ts), with dots for the small states that are absent at that
 * scale (Samoa, Tonga, Kiribati, Tuvalu, Singapore, …), so every recipient is visible and
 * clickable. 1:110m rather than 1:50m: 33 kB over the wire instead of 205 kB (Brotli), for a
 * 960 × 500 map on which the finer coastlines are under a pixel (docs/architecture.md).
 * Loaded on demand; the shapes are fetched once and cached by the browser.
 */
import { useEffect, useMemo, useState } from 'react';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import {
  colourOf,
  MAP_EMPTY,
  MAP_HEIGHT as HEIGHT,
  MAP_POINTS,
  MAP_SCALE as SCALE,
  MAP_WIDTH as WIDTH,
  projectCountries,
  projectPoint,
  SPHERE_PATH as spherePath,
  type MapShape as Shape,
  type WorldTopology,
} from '../../../src/domain/report/world-map.js';

let shapesPromise: Promise<Shape[]> | undefined;
function loadShapes(): Promise<Shape[]> {
  shapesPromise ??= fetch(atlasUrl)
    .then((r) => r.json() as Promise<WorldTopology>) // world-atlas's countries-110m.json, bundled with the app
    .then(projectCountries);
  return shapesPromise;
}

/** Starts fetching and projecting the shapes before the map is shown. */
export function preloadShapes(): void {
  void loadShapes();
}

export interface MapValue {
  readonly value: number;
  readonly label: string;
}

export function WorldMap({
  values,
  label,
  onSelect,
  highlight,
  compact = false,
}: {
  values: ReadonlyMap<string, MapValue>;
  label: string;
  onSelect?: (iso2: string) => void;
  /** Countries to mark (a program's recipients) when no values are given. */
  highlight?: ReadonlySet<string>;
  compact?: boolean;
}) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [hover, setHover] = useState<{ iso2: string; x: number; y: number } | null>(null);
  useEffect(() => {
    let live = true;
    void loadShapes().then((s) => live && setShapes(s));
    return () => {
      live = false;
    };
  }, []);
  const max = useMemo(() => Math.max(0, ...[...values.values()].map((v) => v.value)), [values]);
  const fill = (iso2: string): string =>
    highlight ? (highlight.has(iso2) ? (SCALE[3] ?? MAP_EMPTY) : MAP_EMPTY) : colourOf(values.get(iso2)?.value ?? 0, max);
  const interactive = (iso2: string) => Boolean(onSelect && (values.has(iso2) || highlight?.has(iso2)));
  // Dots for the small states; on a program's map, a dot for every recipient so none is missed.
  const points = useMemo(() => {
    const small = MAP_POINTS.filter(([iso2]) => values.has(iso2) || highlight?.has(iso2));
    if (!highlight || !shapes) return small;
    const dotted = new Set(small.map(([iso2]) => iso2));
    const seen = new Set<string>();
    const more = shapes
      .filter((s) => highlight.has(s.iso2) && !dotted.has(s.iso2) && !seen.has(s.iso2) && seen.add(s.iso2))
      .map((s) => [s.iso2, s.centroid[0], s.centroid[1]] as const);
    return [...small, ...more];
  }, [values, highlight, shapes]);
  const handlers = (iso2: string) =>
    interactive(iso2)
      ? {
          tabIndex: 0,
          role: 'link',
          'aria-label': values.get(iso2)?.label ?? iso2,
          onClick: () => onSelect?.(iso2),
          onKeyDown: (e: React.KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect?.(iso2);
            }
          },
          onMouseMove: (e: React.MouseEvent) => setHover({ iso2, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY }),
          onFocus: () => setHover({ iso2, x: 16, y: 16 }),
          onMouseLeave: () => setHover(null),
          onBlur: () => setHover(null),
        }
      : {};
  return (
    <figure className={`map${compact ? ' compact' : ''}`}>
      <div className="map-frame">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label}>
          <path d={spherePath} className="sphere" />
          {shapes?.map((s, i) => (
            <path
              key={`${s.iso2}-${i}`}
              d={s.d}
              fill={fill(s.iso2)}
              className={interactive(s.iso2) ? 'country active' : 'country'}
              {...handlers(s.iso2)}
            >
              {values.get(s.iso2) && <title>{values.get(s.iso2)?.label}</title>}
            </path>
          ))}
          {shapes &&
            points.map(([iso2, lon, lat]) => {
              const [x, y] = projectPoint(lon, lat);
              return (
                <circle key={`dot-${iso2}`} cx={x} cy={y} r={compact ? 5 : 4.5} fill={fill(iso2)} className="dot" {...handlers(iso2)}>
                  {values.get(iso2) && <title>{values.get(iso2)?.label}</title>}
                </circle>
              );
            })}
        </svg>
        {hover && values.get(hover.iso2) && (
          <div className="map-tip" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
            {values.get(hover.iso2)?.label}
          </div>
        )}
      </div>
      {!highlight && max > 0 && (
        <figcaption className="legend" aria-hidden="true">
          {SCALE.map((c) => (
            <span key={c} style={{ background: c }} />
          ))}
          <span className="legend-max">{max}</span>
        </figcaption>
      )}
    </figure>
  );
}
