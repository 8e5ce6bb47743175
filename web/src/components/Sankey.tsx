/** A sankey diagram (ECharts, SVG renderer), loaded on demand like the other charts. */
import { SankeyChart as ESankey } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([ESankey, TooltipComponent, AriaComponent, SVGRenderer]);

export interface SankeyNode {
  readonly id: string;
  readonly label: string;
  readonly depth: number;
}

const DEPTH_COLORS = ['#1f6f8b', '#e07a2e', '#4c9f38'];

export function Sankey({
  label,
  nodes,
  links,
  height = 420,
}: {
  label: string;
  nodes: readonly SankeyNode[];
  links: readonly { source: string; target: string; value: number }[];
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, label: { description: label } },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 140,
          nodeAlign: 'justify',
          emphasis: { focus: 'adjacency' },
          data: nodes.map((n) => ({
            name: n.id,
            depth: n.depth,
            itemStyle: { color: DEPTH_COLORS[n.depth] ?? '#888' },
            label: { formatter: () => n.label },
          })),
          links: links.map((l) => ({ ...l })),
          lineStyle: { color: 'gradient', opacity: 0.35 },
          tooltip: {
            formatter: (p: {
              dataType: string;
              name: string;
              data: { source?: string; target?: string; value?: number };
              value: number;
            }) => {
              const name = (id: string | undefined) => nodes.find((n) => n.id === id)?.label ?? id ?? '';
              return p.dataType === 'edge' ? `${name(p.data.source)} → ${name(p.data.target)}: ${p.value}` : `${name(p.name)}: ${p.value}`;
            },
          },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [label, nodes, links]);
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}
