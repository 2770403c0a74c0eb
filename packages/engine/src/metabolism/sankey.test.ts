import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Accounts } from './accounts.js';
import { buildAccounts } from './families-data.test.js';
import { sankey, type SankeyGraph } from './sankey.js';
import { seededRandom } from '../synergy/synthetic.js';
import { syntheticMetabolismInput } from './synthetic.js';
import { EXAMPLE } from './testing.js';
import { DESTINATIONS, FAMILIES, LAYERS, type Layer } from './types.js';

/** Kahn's algorithm: the nodes in an order where every link goes forward, or null if there is a cycle. */
function topologicalOrder(graph: SankeyGraph<Layer>): string[] | null {
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const l of graph.links) indegree.set(l.target, (indegree.get(l.target) ?? 0) + 1);
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift() as string;
    order.push(id);
    for (const l of graph.links) {
      if (l.source !== id) continue;
      const d = (indegree.get(l.target) as number) - 1;
      indegree.set(l.target, d);
      if (d === 0) queue.push(l.target);
    }
  }
  return order.length === graph.nodes.length ? order : null;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

function checkGraph(accounts: Accounts, layer: Layer): void {
  const g = sankey(accounts, layer);
  const a = accounts.layers[layer];
  const ids = new Set(g.nodes.map((n) => n.id));
  assert.equal(ids.size, g.nodes.length, 'node IDs are unique');
  for (const l of g.links) {
    assert.ok(l.value > 0, `no zero link: ${l.source} → ${l.target}`);
    assert.ok(ids.has(l.source) && ids.has(l.target), 'links join known nodes');
  }
  assert.equal(new Set(g.links.map((l) => `${l.source}→${l.target}`)).size, g.links.length, 'one link per pair of nodes');
  assert.ok(topologicalOrder(g), 'no cycle');
  for (const n of g.nodes)
    assert.ok(
      g.links.some((l) => l.source === n.id || l.target === n.id),
      `node ${n.id} has a link`,
    );

  const into = (id: string): number => sum(g.links.filter((l) => l.target === id).map((l) => l.value));
  const from = (id: string): number => sum(g.links.filter((l) => l.source === id).map((l) => l.value));
  const kinds = (k: string[]): string[] => g.nodes.filter((n) => k.includes(n.kind)).map((n) => n.id);
  // Sources: inputs + extraction, by family.
  for (const f of FAMILIES) {
    const family = g.links.filter((l) => l.family === f && l.target === 'activities');
    assert.ok(near(sum(family.map((l) => l.value)), a.totals.inputsByFamily[f].value + a.extraction[f].value), `sources of ${f}`);
  }
  assert.ok(
    near(
      sum(kinds(['local_loop', 'local_supply', 'external_supply', 'unknown_supply', 'extraction']).map(from)),
      a.totals.inputs.value + a.totals.extraction.value,
    ),
  );
  assert.ok(near(sum(kinds(['local_loop']).map(from)), a.totals.localRecycledInputs.value));
  assert.ok(near(sum(kinds(['external_supply']).map(from)), a.totals.inputsByOrigin.external.value));
  // Destinations: outputs by destination and by family.
  for (const d of DESTINATIONS)
    assert.ok(near(ids.has(`destination:${d}`) ? into(`destination:${d}`) : 0, a.totals.outputsByDestination[d].value), `destination ${d}`);
  for (const f of FAMILIES)
    assert.ok(near(ids.has(`output:${f}`) ? into(`output:${f}`) : 0, a.totals.outputsByFamily[f].value), `outputs of ${f}`);
  for (const f of FAMILIES)
    if (ids.has(`output:${f}`)) assert.ok(near(into(`output:${f}`), from(`output:${f}`)), `output node ${f} balanced`);
  // The activities node is balanced by the balancing item, which equals the mass-balance gap.
  if (ids.has('activities')) assert.ok(near(into('activities'), from('activities')), 'activities balanced');
  const stock = sum(FAMILIES.map((f) => a.stockChange[f].value));
  const gap = a.totals.inputs.value + a.totals.extraction.value - a.totals.outputs.value - stock;
  const balancing = ids.has('balancing_item')
    ? (g.links.find((l) => l.target === 'balancing_item')?.value ?? -(g.links.find((l) => l.source === 'balancing_item')?.value as number))
    : 0;
  assert.ok(near(balancing, gap), `balancing item ${balancing} = gap ${gap}`);
}

test('the example’s Sankey totals equal the accounts, with no cycle and no zero link', () => {
  const accounts = buildAccounts(EXAMPLE);
  for (const layer of LAYERS) checkGraph(accounts, layer);
  const g = sankey(accounts, 'material');
  const link = (s: string, t: string): number | undefined => g.links.find((l) => l.source === s && l.target === t)?.value;
  assert.equal(link('local_loop:manufactured', 'activities'), 10, 'the recycled local wood enters by the local loop node');
  assert.equal(link('local_supply:construction_minerals', 'activities'), 30);
  assert.equal(link('external_supply:construction_minerals', 'activities'), 90);
  assert.equal(link('extraction:construction_minerals', 'activities'), 50);
  assert.equal(link('output:wastes', 'destination:recovery_inside'), 40);
  assert.equal(link('activities', 'stock_addition'), 5);
  assert.equal(link('activities', 'balancing_item'), 35, 'the 35 t imbalance is drawn');
  assert.equal(g.nodes.find((n) => n.id === 'destination:recovery_inside')?.name.fr, 'Valorisé sur le territoire (→ boucle locale)');
  assert.equal(g.nodes.find((n) => n.id === 'local_loop:manufactured')?.name.fr, 'Boucle locale — Autres biens manufacturés');
  assert.equal(g.unit, 't');
  assert.equal(sankey(accounts, 'water').links.length, 0, 'an empty layer has no link');
});

test('the Sankey of a synthetic territory has no cycle, no zero link, and totals equal to the accounts', () => {
  const accounts = buildAccounts(syntheticMetabolismInput(300, seededRandom(5)));
  for (const layer of LAYERS) checkGraph(accounts, layer);
});
