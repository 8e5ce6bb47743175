/**
 * Bar charts as SVG strings for the PDF report: ECharts rendered on the server (`ssr: true`, no
 * DOM), the library the web app draws its charts with. Colours are hex (PDF renderers draw
 * hsl() black), text is Roboto (the PDF's font), and there is no animation.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

/**
 * ECharts' one-file CommonJS build: Node loads it in about 0.1 s, where the ES modules of
 * `echarts/core` + `echarts/charts` + … (hundreds of files, every chart, no bundler to shake
 * them) take 0.7 s, and a CLI run pays that on each report (docs/benchmarks.md).
 */
const echarts: typeof Echarts = createRequire(import.meta.url)('echarts');

/** The web app's first two chart colours (web/src/components/Charts.tsx). */
export const CHART_COLOURS = { programs: '#1f6f8b', participants: '#e07a2e' } as const;
const INK = '#333333';
const RULE = '#dbdee4';

export interface BarChartSpec {
  readonly categories: readonly string[];
  readonly values: readonly number[];
  /** Bars from the left, categories down the side (long labels). */
  readonly horizontal?: boolean;
  readonly colour: string;
  /** Size in PDF points (the SVG is drawn 1:1). */
  readonly width: number;
  readonly height?: number;
  readonly formatValue: (value: number) => string;
}

/** Height that gives each bar of a horizontal chart room for a two-line label. */
export function horizontalChartHeight(bars: number): number {
  return 24 + Math.max(1, bars) * 26;
}

export function barChartSvg(spec: BarChartSpec): string {
  const horizontal = spec.horizontal ?? false;
  const height = spec.height ?? (horizontal ? horizontalChartHeight(spec.categories.length) : 200);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height });
  try {
    const category = {
      type: 'category' as const,
      data: [...spec.categories],
      inverse: horizontal,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: RULE } },
      axisLabel: horizontal
        ? { width: Math.round(spec.width * 0.42), overflow: 'break' as const, color: INK, fontSize: 8, lineHeight: 10 }
        : {
            interval: 0,
            width: Math.round((spec.width - 40) / Math.max(1, spec.categories.length)),
            overflow: 'break' as const,
            color: INK,
            fontSize: 8,
            lineHeight: 10,
          },
    };
    const value = { type: 'value' as const, minInterval: 1, axisLabel: { show: false }, splitLine: { lineStyle: { color: RULE } } };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Roboto' },
      // The grid shrinks until the axis labels fit the chart (ECharts 6's replacement of containLabel).
      grid: {
        left: 4,
        right: horizontal ? 40 : 4,
        top: horizontal ? 4 : 16,
        bottom: 4,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [
        {
          type: 'bar',
          data: [...spec.values],
          itemStyle: { color: spec.colour },
          barMaxWidth: 28,
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            color: INK,
            fontSize: 8,
            formatter: (p: { value: unknown }) => spec.formatValue(Number(p.value)),
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
