/**
 * Bar and line charts drawn as plain SVG by React, without a chart library: the dashboard, the
 * annual report, the country profile and the analytics trends show simple bars and lines, and
 * ECharts for them was 160 kB of the dashboard's first load over the wire (Brotli), these
 * components a few kB (docs/architecture.md). ECharts stays for the network's Sankey diagram
 * (Sankey.tsx) and draws the PDF report's charts on the server. Layout arithmetic lives in
 * chart-layout.ts.
 *
 * Each chart: a legend (click to hide a series), value gridlines, a tooltip per category on
 * hover or focus, and, with `onSelect`, categories that are links (click, Enter or Space).
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useFormat } from '../format.js';
import { bands, estimateWidth, fitLabel, LABEL_PX, niceTicks, wrapLabel, type Measure } from './chart-layout.js';

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

const COLORS = ['#1f6f8b', '#e07a2e', '#4c9f38', '#8e44ad', '#c0392b', '#2c3e50', '#b7950b', '#16a085'] as const;
const colourOf = (series: number): string => COLORS[series % COLORS.length] ?? COLORS[0];
/** Height of the legend row above the plot. */
const LEGEND_PX = 26;
const LINE_PX = 14;

interface ChartProps {
  label: string;
  categories: readonly string[];
  series: readonly Series[];
  height?: number;
}

export function BarChart({
  horizontal = false,
  onSelect,
  ...props
}: ChartProps & { horizontal?: boolean; onSelect?: (index: number) => void }) {
  return <CategoryChart {...props} mark={horizontal ? 'hbar' : 'bar'} legend={props.series.length > 1} onSelect={onSelect} />;
}

export function LineChart(props: ChartProps) {
  return <CategoryChart {...props} mark="line" legend />;
}

let canvas: CanvasRenderingContext2D | null | undefined;
/** A label's width in the page's font, measured on a canvas (estimated where there is none, as in jsdom). */
const measureLabel: Measure = (text) => {
  if (canvas === undefined) {
    canvas =
      typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `${LABEL_PX}px ${getComputedStyle(document.body).fontFamily}`;
  }
  return canvas ? canvas.measureText(text).width : estimateWidth(text);
};

/** The width of the chart's box, followed as it changes (0 until measured). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function CategoryChart({
  label,
  categories,
  series,
  height = 260,
  mark,
  legend,
  onSelect,
}: ChartProps & { mark: 'bar' | 'hbar' | 'line'; legend: boolean; onSelect?: ((index: number) => void) | undefined }) {
  const f = useFormat();
  const descId = useId();
  const [ref, width] = useWidth();
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [tip, setTip] = useState<{ index: number; x: number; y: number } | null>(null);
  const shown = series.map((s, i) => ({ ...s, colour: colourOf(i), index: i })).filter((s) => !hidden.has(s.index));
  const ticks = niceTicks(Math.max(0, ...shown.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1] ?? 1;
  const svgHeight = height - (legend ? LEGEND_PX : 0);
  const horizontal = mark === 'hbar';
  const tickText = ticks.map((t) => f.number(t));

  // Margins: value labels left (or below), category labels below (or left), wrapped or cut.
  const valueLabelPx = Math.max(...tickText.map(measureLabel));
  const categoryPx = Math.min(140, Math.max(0, ...categories.map(measureLabel)));
  const plot: Plot = horizontal
    ? { left: categoryPx + 12, right: width - 8 - valueLabelPx / 2, top: 4, bottom: svgHeight - 24 }
    : { left: valueLabelPx + 14, right: width - 12, top: 10, bottom: svgHeight };
  const band = bands(categories.length, horizontal ? plot.bottom - plot.top : plot.right - plot.left);
  const wrapped = categories.map((c) =>
    horizontal ? [fitLabel(c, categoryPx, measureLabel)] : wrapLabel(c, band.width - 6, 2, measureLabel),
  );
  if (!horizontal) plot.bottom = svgHeight - 10 - Math.max(1, ...wrapped.map((w) => w.length)) * LINE_PX;
  const value = (v: number) =>
    horizontal ? plot.left + (v / top) * (plot.right - plot.left) : plot.bottom - (v / top) * (plot.bottom - plot.top);
  const bandStart = (i: number) => (horizontal ? plot.top : plot.left) + band.start(i);
  const bandCentre = (i: number) => (horizontal ? plot.top : plot.left) + band.centre(i);
  const describe = (i: number) => `${categories[i]}: ${shown.map((s) => `${s.name} ${f.number(s.values[i] ?? 0)}`).join(', ')}`;

  const toggle = (index: number) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  const bandProps = (i: number) => ({
    onMouseMove: (e: React.MouseEvent) => setTip({ index: i, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY }),
    onMouseLeave: () => setTip(null),
    ...(onSelect
      ? {
          tabIndex: 0,
          role: 'link',
          'aria-label': describe(i),
          className: 'hit active',
          onClick: () => onSelect(i),
          onKeyDown: (e: React.KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect(i);
            }
          },
          onFocus: () => setTip({ index: i, x: horizontal ? plot.left : bandCentre(i), y: horizontal ? bandCentre(i) : plot.top }),
          onBlur: () => setTip(null),
        }
      : { className: 'hit' }),
  });

  return (
    <div ref={ref} className="chart" style={{ height }}>
      {legend && (
        <div className="chart-legend">
          {series.map((s, i) => (
            <button key={s.name} type="button" aria-pressed={!hidden.has(i)} onClick={() => toggle(i)}>
              <span className="swatch" style={{ background: colourOf(i) }} aria-hidden="true" />
              {s.name}
            </button>
          ))}
        </div>
      )}
      {width > 0 && (
        <svg
          width={width}
          height={svgHeight}
          {...(onSelect ? { role: 'group', 'aria-label': label } : { role: 'img', 'aria-label': label, 'aria-describedby': descId })}
        >
          {!onSelect && <desc id={descId}>{categories.map((_, i) => describe(i)).join('; ')}</desc>}
          {ticks.map((t, i) => {
            const at = value(t);
            return horizontal ? (
              <g key={t}>
                <line className={t === 0 ? 'axis' : 'grid'} x1={at} x2={at} y1={plot.top} y2={plot.bottom} />
                <text x={at} y={plot.bottom + 16} textAnchor="middle">
                  {tickText[i]}
                </text>
              </g>
            ) : (
              <g key={t}>
                <line className={t === 0 ? 'axis' : 'grid'} x1={plot.left} x2={plot.right} y1={at} y2={at} />
                <text x={plot.left - 6} y={at + 4} textAnchor="end">
                  {tickText[i]}
                </text>
              </g>
            );
          })}
          {tip &&
            (mark === 'line' ? (
              <line className="pointer" x1={bandCentre(tip.index)} x2={bandCentre(tip.index)} y1={plot.top} y2={plot.bottom} />
            ) : (
              <Shadow horizontal={horizontal} plot={plot} start={bandStart(tip.index)} size={band.width} />
            ))}
          {categories.map((c, i) => (
            <g key={`${c}-${i}`}>
              {(wrapped[i] ?? []).map((line, l) =>
                horizontal ? (
                  <text key={l} x={plot.left - 6} y={bandCentre(i) + 4} textAnchor="end">
                    {line}
                  </text>
                ) : (
                  <text key={l} x={bandCentre(i)} y={plot.bottom + 6 + (l + 1) * LINE_PX - 2} textAnchor="middle">
                    {line}
                  </text>
                ),
              )}
            </g>
          ))}
          {mark === 'line' ? (
            <Lines shown={shown} x={bandCentre} y={value} />
          ) : (
            shown.map((s, k) => {
              const barPx = Math.min(48, (band.width * 0.7) / shown.length);
              const offset = (band.width - barPx * shown.length) / 2 + k * barPx;
              return s.values.map((v, i) => {
                const a = value(0);
                const b = value(v);
                const start = bandStart(i) + offset + barPx * 0.08;
                const size = barPx * 0.84;
                return horizontal ? (
                  <rect key={`${s.index}-${i}`} x={a} y={start} width={Math.max(0, b - a)} height={size} fill={s.colour} />
                ) : (
                  <rect key={`${s.index}-${i}`} x={start} y={b} width={size} height={Math.max(0, a - b)} fill={s.colour} />
                );
              });
            })
          )}
          {categories.map((c, i) =>
            horizontal ? (
              <rect
                key={`hit-${c}-${i}`}
                x={plot.left}
                y={bandStart(i)}
                width={Math.max(0, plot.right - plot.left)}
                height={band.width}
                {...bandProps(i)}
              />
            ) : (
              <rect
                key={`hit-${c}-${i}`}
                x={bandStart(i)}
                y={plot.top}
                width={band.width}
                height={Math.max(0, plot.bottom - plot.top)}
                {...bandProps(i)}
              />
            ),
          )}
        </svg>
      )}
      {tip && shown.length > 0 && (
        <div
          className="chart-tip"
          style={{ left: Math.min(tip.x + 12, Math.max(0, width - 220)), top: tip.y + 12 + (legend ? LEGEND_PX : 0) }}
          aria-hidden="true"
        >
          <strong>{categories[tip.index]}</strong>
          {shown.map((s) => (
            <span key={s.index}>
              <span className="swatch" style={{ background: s.colour }} /> {s.name}: {f.number(s.values[tip.index] ?? 0)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The band under the pointer, shaded as ECharts' "shadow" axis pointer did. */
function Shadow({ horizontal, plot, start, size }: { horizontal: boolean; plot: Plot; start: number; size: number }) {
  return horizontal ? (
    <rect className="shadow" x={plot.left} y={start} width={Math.max(0, plot.right - plot.left)} height={size} />
  ) : (
    <rect className="shadow" x={start} y={plot.top} width={size} height={Math.max(0, plot.bottom - plot.top)} />
  );
}

function Lines({
  shown,
  x,
  y,
}: {
  shown: readonly (Series & { colour: string; index: number })[];
  x: (i: number) => number;
  y: (v: number) => number;
}) {
  return (
    <>
      {shown.map((s) => (
        <g key={s.index}>
          <polyline fill="none" stroke={s.colour} strokeWidth={2} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
          {s.values.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r={3} fill="#ffffff" stroke={s.colour} strokeWidth={1.5} />
          ))}
        </g>
      ))}
    </>
  );
}
