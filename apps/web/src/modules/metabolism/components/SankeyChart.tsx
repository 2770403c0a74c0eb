/**
 * The Sankey diagram of one layer, drawn by ECharts on a canvas. Only what is needed is imported
 * (core, the sankey series, the tooltip, the canvas renderer) so the bundle stays small. The chart
 * is an image for assistive technologies (role="img" with a summary); the table that follows it
 * on the page (SankeyTable) carries the same links and is the accessible equivalent.
 *
 * With figures withheld (disclosure control), withheld links are left out, and nodes are drawn from
 * the values the API gives them (ECharts would otherwise size them by the links that are left);
 * a withheld node is drawn only if a link that is shown reaches it, and its tooltip says « s ».
 * Columns are fixed by the kind of node, so that a node whose links are all withheld stays in its
 * column instead of falling to the left.
 */
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SankeyChart as EChartsSankey, type SankeySeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { language, pick } from '../../../app/i18n/index.js';
import { withUnit } from './format.js';
import { RulesContext, secretText, type Rules } from './secret.js';
import type { SankeyGraph, SankeyLink, SankeyNode } from './types.js';

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

/** The column of each kind of node: sources, the territory's activities, outputs by family, where they go. */
const COLUMN_OF_KIND: Record<string, number> = {
  local_loop: 0,
  local_supply: 0,
  external_supply: 0,
  unknown_supply: 0,
  extraction: 0,
  stock_release: 0,
  activities: 1,
  output_family: 2,
  destination: 3,
  stock_addition: 3,
  balancing_item: 3,
};

type ShownLink = SankeyLink & { value: number };

/** What can be drawn: the links shown, the nodes with a value or a link shown, each in its column (columns without nodes closed up). */
export function drawable(graph: SankeyGraph): { nodes: (SankeyNode & { depth: number })[]; links: ShownLink[] } {
  const links = graph.links.filter((l): l is ShownLink => typeof l.value === 'number' && l.value > 0);
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  const kept = graph.nodes.filter((n) => linked.has(n.id) || (typeof n.value === 'number' && n.value > 0));
  const keptIds = new Set(kept.map((n) => n.id));
  const drawnLinks = links.filter((l) => keptIds.has(l.source) && keptIds.has(l.target));
  const columns = [...new Set(kept.map((n) => COLUMN_OF_KIND[n.kind] ?? 1))].sort((a, b) => a - b);
  return { nodes: kept.map((n) => ({ ...n, depth: columns.indexOf(COLUMN_OF_KIND[n.kind] ?? 1) })), links: drawnLinks };
}

function option(graph: SankeyGraph, reducedMotion: boolean, chartWidth: number, rules: Rules): Option {
  const names = new Map(graph.nodes.map((n) => [n.id, pick(n.name)]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const { nodes, links } = drawable(graph);
  const lastColumn = Math.max(0, ...nodes.map((n) => n.depth));
  /** A node's quantity: the one given, « s » when withheld, else what ECharts summed from the links. */
  const nodeQuantity = (id: string | undefined, computed: unknown): string => {
    const node = id !== undefined ? byId.get(id) : undefined;
    if (node?.suppressed) return secretText(node.suppressed, rules);
    if (typeof node?.value === 'number') return withUnit(node.value, graph.unit);
    return withUnit(typeof computed === 'number' ? computed : null, graph.unit);
  };
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
        if (p.dataType === 'edge' && data.source !== undefined && data.target !== undefined) {
          const quantity = escape(withUnit(typeof p.value === 'number' ? p.value : null, graph.unit));
          return `${escape(names.get(data.source) ?? data.source)} → ${escape(names.get(data.target) ?? data.target)}<br>${quantity}`;
        }
        const id = (p.data as { id?: string }).id;
        return `${escape((id !== undefined ? names.get(id) : undefined) ?? p.name)}<br>${escape(nodeQuantity(id, p.value))}`;
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
        // The last column's labels have the right margin only. A value given by the API sizes its node.
        data: nodes.map((n) => ({
          id: n.id,
          name: pick(n.name),
          depth: n.depth,
          ...(typeof n.value === 'number' ? { value: n.value } : {}),
          itemStyle: { color: colour(n), borderColor: '#ffffff' },
          ...(n.depth < lastColumn ? {} : { label: { width: rightMargin(chartWidth) - 24 } }),
        })),
        links: links.map((l) => ({ source: l.source, target: l.target, value: l.value })),
      },
    ],
  };
}

/** The chart, or, when every figure of the layer is withheld or zero, a sentence that says so. */
export function SankeyChart({ graph, label, empty }: { graph: SankeyGraph; label: string; empty: string }) {
  return drawable(graph).nodes.length === 0 ? (
    <p class="alert alert-info metabolism-sankey-empty">{empty}</p>
  ) : (
    <SankeyCanvas graph={graph} label={label} />
  );
}

/** The chart's container: role="img" and the summary given; the canvas is ECharts'. */
function SankeyCanvas({ graph, label }: { graph: SankeyGraph; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const draw = useRef<(() => void) | null>(null);
  const rules = useContext(RulesContext);
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
      instance.setOption(option(graph, reducedMotion, instance.getWidth(), rules), { notMerge: true });
    };
    draw.current();
  }, [graph, lang, height, rules]);

  return <div ref={ref} class="metabolism-sankey-chart" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
