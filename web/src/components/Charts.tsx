/**
 * Bar and line charts (ECharts, SVG renderer). Loaded on demand (React.lazy) so that the first
 * page stays light; the same options render to SVG on the server for PDF reports later.
 */
import { BarChart as EBar, LineChart as ELine } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBar, ELine, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

const COLORS = ['#1f6f8b', '#e07a2e', '#4c9f38', '#8e44ad', '#c0392b'];

function useChart(option: echarts.EChartsCoreOption, onSelect?: (index: number) => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption(option);
    if (onSelect) chart.on('click', (params) => onSelect((params as { dataIndex: number }).dataIndex));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, onSelect]);
  return ref;
}

export function BarChart({
  label,
  categories,
  series,
  horizontal = false,
  height = 260,
  onSelect,
}: {
  label: string;
  categories: readonly string[];
  series: readonly Series[];
  horizontal?: boolean;
  height?: number;
  onSelect?: (index: number) => void;
}) {
  const category = { type: 'category', data: [...categories], axisLabel: horizontal ? { width: 140, overflow: 'truncate' } : { interval: 0, width: 80, overflow: 'break' }, inverse: horizontal };
  const value = { type: 'value', minInterval: 1 };
  const ref = useChart(
    {
      color: COLORS,
      aria: { enabled: true, label: { description: label } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 16, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], cursor: onSelect ? 'pointer' : 'default' })),
    },
    onSelect,
  );
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}

export function LineChart({ label, categories, series, height = 260 }: { label: string; categories: readonly string[]; series: readonly Series[]; height?: number }) {
  const ref = useChart({
    color: COLORS,
    aria: { enabled: true, label: { description: label } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'line', name: s.name, data: [...s.values], symbolSize: 6 })),
  });
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}
