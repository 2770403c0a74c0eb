/**
 * The Sankey diagram of one layer, drawn by ECharts on a canvas. Only what is needed is imported
 * (core, the sankey series, the tooltip, the canvas renderer) so the bundle stays small. The chart
 * is an image for assistive technologies (role="img" with a summary); the table that follows it
 * on the page (SankeyTable) carries the same links and is the accessible equivalent.
 */
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SankeyChart as EChartsSankey, type SankeySeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';
import { language, pick } from '../../i18n/index.js';
import { withUnit } from './format.js';
import type { SankeyGraph, SankeyNode } from './types.js';

use([EChartsSankey, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<SankeySeriesOption | TooltipComponentOption>;

/** Node colours by kind (and destination), from the design tokens' palette; the table says the same in words. */
const KIND_COLOURS: Record<string, string> = {
  local_loop: '#1f5c46',
  local_supply: '#4f8f72',
  external_supply: '#8a4b00',
  unknown_supply: '#8d9691',
  extraction: '#7a6a3a',
  stock_release: '#4d5a55',
  activities: '#143f30',
  output_family: '#4f6f8f',
  stock_addition: '#4d5a55',
  balancing_item: '#c9a227',
};
const DESTINATION_COLOURS: Record<string, string> = {
  recovery_inside: '#1d6b34',
  recovery_outside: '#3a7cae',
  recovery_place_unknown: '#6f9fbf',
  incineration: '#a1231b',
  landfill: '#6e3b1e',
  other: '#8d9691',
  unknown: '#b5bbb7',
};

function colour(node: SankeyNode): string {
  if (node.kind === 'destination' && node.destination) return DESTINATION_COLOURS[node.destination] ?? '#8d9691';
  return KIND_COLOURS[node.kind] ?? '#8d9691';
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Room on the right for the last column's labels, in pixels: 250 on a wide screen, less on a phone. */
function rightMargin(chartWidth: number): number {
  return Math.min(250, Math.round(chartWidth * 0.3));
}

/** The width a label may take: the space between two columns (four columns), less a margin. */
function labelWidth(chartWidth: number): number {
  return Math.max(60, Math.floor((chartWidth - rightMargin(chartWidth)) / 3) - 30);
}

function option(graph: SankeyGraph, reducedMotion: boolean, chartWidth: number): Option {
  const names = new Map(graph.nodes.map((n) => [n.id, pick(n.name)]));
  const sources = new Set(graph.links.map((l) => l.source));
  return {
    animation: !reducedMotion,
    textStyle: { fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif" },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        if (!p) return '';
        const data = p.data as { source?: string; target?: string; value?: number; name?: string };
        const quantity = escape(withUnit(typeof p.value === 'number' ? p.value : null, graph.unit));
        if (p.dataType === 'edge' && data.source !== undefined && data.target !== undefined) {
          return `${escape(names.get(data.source) ?? data.source)} → ${escape(names.get(data.target) ?? data.target)}<br>${quantity}`;
        }
        const id = (p.data as { id?: string }).id;
        return `${escape((id !== undefined ? names.get(id) : undefined) ?? p.name)}<br>${quantity}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: rightMargin(chartWidth),
        top: 12,
        bottom: 12,
        nodeWidth: 14,
        nodeGap: 16,
        draggable: false,
        layoutIterations: 32,
        emphasis: { focus: 'adjacency' },
        // ECharts labels a node given an id by its id: the formatter gives its name in the current language.
        label: {
          color: '#1d2522',
          fontSize: chartWidth < 600 ? 10 : 12,
          width: labelWidth(chartWidth),
          overflow: 'truncate',
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
          formatter: (p) => {
            const id = (p.data as { id?: string } | undefined)?.id;
            return (id !== undefined ? names.get(id) : undefined) ?? p.name;
          },
        },
        lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
        // Nodes that start no link are in the last column: their labels have the right margin only.
        data: graph.nodes.map((n) => ({
          id: n.id,
          name: pick(n.name),
          itemStyle: { color: colour(n), borderColor: '#ffffff' },
          ...(sources.has(n.id) ? {} : { label: { width: rightMargin(chartWidth) - 24 } }),
        })),
        links: graph.links.map((l) => ({ source: l.source, target: l.target, value: l.value })),
      },
    ],
  };
}

/** The chart's container: role="img" and the summary given; the canvas is ECharts'. */
export function SankeyChart({ graph, label }: { graph: SankeyGraph; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const draw = useRef<(() => void) | null>(null);
  const height = Math.min(720, Math.max(340, graph.nodes.length * 30));

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      instance.resize();
      if (el.clientWidth !== width && draw.current) {
        width = el.clientWidth;
        draw.current();
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const lang = language.value;
  useEffect(() => {
    const reducedMotion = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    draw.current = () => {
      const instance = chart.current;
      if (!instance) return;
      instance.resize();
      instance.setOption(option(graph, reducedMotion, instance.getWidth()), { notMerge: true });
    };
    draw.current();
  }, [graph, lang, height]);

  return <div ref={ref} class="metabolism-sankey-chart" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
