import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FATE_MODES } from '../model.js';
import { FAMILIES_DATA, buildAccounts, interdependencies } from './families-data.test.js';
import { massBalance } from './balance.js';
import {
  discloseInterdependencies,
  discloseMetabolism,
  type DisclosedMetabolismFigures,
  type DisclosureControl,
  type MetabolismFigures,
  type ScenarioFigures,
} from './disclosure.js';
import { indicators } from './indicators.js';
import { sankey } from './sankey.js';
import { applySynergies, compareScenario } from './scenario.js';
import { aggregate, input, output } from './testing.js';
import { DESTINATIONS, FAMILIES, LAYERS, ORIGINS, type Layer, type MetabolismFlow, type MetabolismInput } from './types.js';

const INSEE: DisclosureControl = { minActors: 3, dominance: { share: 0.85 } };

/** The figures the server shows, built from the input. */
function figures(i: MetabolismInput): MetabolismFigures {
  const accounts = buildAccounts(i);
  return {
    accounts,
    indicators: indicators(accounts),
    massBalance: massBalance(accounts),
    sankey: Object.fromEntries(LAYERS.map((l) => [l, sankey(accounts, l)])),
  };
}

const disclose = (i: MetabolismInput, control: DisclosureControl = INSEE, publicFlowIds?: ReadonlySet<string>) =>
  discloseMetabolism(i, figures(i), FAMILIES_DATA, control, null, { publicFlowIds });

/** A flow of a given actor. */
const of = (actorId: string, flow: MetabolismFlow): MetabolismFlow => ({ ...flow, actorId });
const landfill = (id: string, actor: string, t: number) =>
  of(actor, output(id, 'material.construction.mixed', t, 't', { mode: 'landfill' }, '170904'));
const incinerated = (id: string, actor: string, t: number) =>
  of(actor, output(id, 'material.plastics.mixed', t, 't', { mode: 'incineration' }));
const recoveredInside = (id: string, actor: string, t: number) =>
  of(actor, output(id, 'material.paper_cardboard', t, 't', { mode: 'recycling', local: true }));

// ——— An attacker: every additive relation a reader knows between the figures shown ———

type Term = { key: string; value: number | null; sign: 1 | -1 };
type Relation = { name: string; terms: Term[] };

/** Relations of one world's figures: each sums to zero. Terms name their figure, to combine relations. */
function relations(d: DisclosedMetabolismFigures, world = 'now'): Relation[] {
  const out: Relation[] = [];
  type Named = readonly [key: string, figure: { value: number | null }];
  const rel = (name: string, total: Named, parts: readonly Named[]): void => {
    out.push({
      name,
      terms: [{ key: total[0], value: total[1].value, sign: -1 }, ...parts.map(([key, p]) => ({ key, value: p.value, sign: 1 as const }))],
    });
  };
  for (const l of LAYERS) {
    const a = d.accounts.layers[l];
    const t = a.totals;
    const n = (path: string, figure: { value: number | null }): Named => [`${world}/${l}/${path}`, figure];
    for (const f of FAMILIES) {
      rel(
        `${l} inputs of ${f}`,
        n(`inputsByFamily/${f}`, t.inputsByFamily[f]),
        ORIGINS.map((o) => n(`inputs/${f}/${o}`, a.inputs[f][o])),
      );
      rel(
        `${l} outputs of ${f}`,
        n(`outputsByFamily/${f}`, t.outputsByFamily[f]),
        DESTINATIONS.map((x) => n(`outputs/${f}/${x}`, a.outputs[f][x])),
      );
      rel(`${l} external inputs of ${f}`, n(`inputs/${f}/external`, a.inputs[f].external), [
        ...a.externalByPartner[f].map((p) => n(`partner/${f}/${p.partner}`, p.amount)),
        n(`noPartner/${f}`, a.externalWithoutPartner[f]),
      ]);
    }
    for (const o of ORIGINS)
      rel(
        `${l} inputs ${o}`,
        n(`inputsByOrigin/${o}`, t.inputsByOrigin[o]),
        FAMILIES.map((f) => n(`inputs/${f}/${o}`, a.inputs[f][o])),
      );
    for (const x of DESTINATIONS)
      rel(
        `${l} outputs ${x}`,
        n(`outputsByDestination/${x}`, t.outputsByDestination[x]),
        FAMILIES.map((f) => n(`outputs/${f}/${x}`, a.outputs[f][x])),
      );
    rel(
      `${l} inputs by origin`,
      n('inputs', t.inputs),
      ORIGINS.map((o) => n(`inputsByOrigin/${o}`, t.inputsByOrigin[o])),
    );
    rel(
      `${l} inputs by family`,
      n('inputs', t.inputs),
      FAMILIES.map((f) => n(`inputsByFamily/${f}`, t.inputsByFamily[f])),
    );
    rel(
      `${l} outputs by destination`,
      n('outputs', t.outputs),
      DESTINATIONS.map((x) => n(`outputsByDestination/${x}`, t.outputsByDestination[x])),
    );
    rel(
      `${l} outputs by family`,
      n('outputs', t.outputs),
      FAMILIES.map((f) => n(`outputsByFamily/${f}`, t.outputsByFamily[f])),
    );
    rel(
      `${l} local recycled`,
      n('localRecycled', t.localRecycledInputs),
      FAMILIES.map((f) => n(`localRecycled/${f}`, a.localRecycledInputs[f])),
    );
    rel(
      `${l} exports`,
      n('exports', t.exports),
      FAMILIES.map((f) => n(`exports/${f}`, a.exports[f])),
    );
    rel(
      `${l} inputs by resource`,
      n('inputs', t.inputs),
      a.byResource.map((r) => n(`resource/${String(r.resourceCode)}/inputs`, r.inputs)),
    );
    rel(
      `${l} outputs by resource`,
      n('outputs', t.outputs),
      a.byResource.map((r) => n(`resource/${String(r.resourceCode)}/outputs`, r.outputs)),
    );
    const b = d.massBalance[l];
    rel(`${l} balance inputs`, n('inputs', t.inputs), [n('balance/inputs', b.inputs)]);
    rel(`${l} balance outputs`, n('outputs', t.outputs), [n('balance/outputs', b.outputs)]);
    rel(`${l} entering`, n('balance/entering', b.entering), [n('balance/inputs', b.inputs), n('balance/extraction', b.extraction)]);
    rel(`${l} leaving`, n('balance/leaving', b.leaving), [n('balance/outputs', b.outputs), n('balance/stock', b.stockChange)]);
    out.push({
      name: `${l} imbalance`,
      terms: [
        { key: `${world}/${l}/balance/imbalance`, value: b.imbalance.value, sign: -1 },
        { key: `${world}/${l}/balance/entering`, value: b.entering.value, sign: 1 },
        { key: `${world}/${l}/balance/leaving`, value: b.leaving.value, sign: -1 },
      ],
    });
    // The Sankey graph: links repeat account figures, and every inner node balances.
    const g = d.sankey[l];
    const link = (k: (typeof g.links)[number]): Named => n(`link/${k.source}/${k.target}`, k);
    for (const node of g.nodes) {
      const inLinks = g.links.filter((k) => k.target === node.id);
      const outLinks = g.links.filter((k) => k.source === node.id);
      if (inLinks.length > 0) rel(`${l} node ${node.id} in`, n(`node/${node.id}`, node), inLinks.map(link));
      if (outLinks.length > 0) rel(`${l} node ${node.id} out`, n(`node/${node.id}`, node), outLinks.map(link));
    }
    for (const k of g.links) {
      const [kind, family] = k.source.split(':') as [string, (typeof FAMILIES)[number]];
      if (k.source === 'activities' && k.target.startsWith('output:')) {
        const f = k.target.slice(7) as (typeof FAMILIES)[number];
        rel(`${l} link ${k.target}`, link(k), [n(`outputsByFamily/${f}`, t.outputsByFamily[f])]);
      }
      if (kind === 'external_supply') rel(`${l} link ${k.source}`, link(k), [n(`inputs/${family}/external`, a.inputs[family].external)]);
      if (kind === 'unknown_supply') rel(`${l} link ${k.source}`, link(k), [n(`inputs/${family}/unknown`, a.inputs[family].unknown)]);
      if (kind === 'local_loop') rel(`${l} link ${k.source}`, link(k), [n(`localRecycled/${family}`, a.localRecycledInputs[family])]);
      if (kind === 'output' && k.target.startsWith('destination:')) {
        const x = k.target.slice(12) as (typeof DESTINATIONS)[number];
        rel(`${l} link ${k.source}→${k.target}`, link(k), [n(`outputs/${family}/${x}`, a.outputs[family][x])]);
      }
    }
  }
  return out;
}

/** Today's and the scenario's relations, and what a reader knows joins them: a scenario moves quantities, totals stay. */
function scenarioRelations(now: DisclosedMetabolismFigures, scenario: DisclosedMetabolismFigures): Relation[] {
  const out = [...relations(now, 'now'), ...relations(scenario, 'scenario')];
  for (const l of LAYERS) {
    for (const k of ['inputs', 'outputs'] as const) {
      out.push({
        name: `${l} ${k} unchanged by the scenario`,
        terms: [
          { key: `now/${l}/${k}`, value: now.accounts.layers[l].totals[k].value, sign: 1 },
          { key: `scenario/${l}/${k}`, value: scenario.accounts.layers[l].totals[k].value, sign: -1 },
        ],
      });
    }
  }
  return out;
}

/** What the attacker recovers from one relation: a withheld term whose relation's other terms are all shown. */
function recovered(rs: Relation[]): { relation: string; value: number }[] {
  const found: { relation: string; value: number }[] = [];
  for (const r of rs) {
    const hidden = r.terms.filter((t) => t.value === null);
    if (hidden.length !== 1) continue;
    const h = hidden[0] as Term;
    const rest = r.terms.filter((t) => t !== h).reduce((s, t) => s + t.sign * (t.value as number), 0);
    found.push({ relation: r.name, value: -rest * h.sign });
  }
  return found;
}

/**
 * What the attacker recovers by combining all relations at once (Gaussian elimination in floating
 * point, written apart from the audit's): the withheld figures the relations determine.
 */
function determinedByAll(rs: Relation[]): string[] {
  const unknowns = [...new Set(rs.flatMap((r) => r.terms.filter((t) => t.value === null).map((t) => t.key)))];
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const r of rs) {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const t of r.terms) {
      if (t.value === null) {
        const i = index.get(t.key) as number;
        row[i] = (row[i] as number) + t.sign;
      }
    }
    if (row.some((x) => x !== 0)) rows.push(row);
  }
  // Reduced row echelon form.
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++)
      if (Math.abs((rows[r] as number[])[c] as number) > Math.abs((rows[best] as number[])[c] as number)) best = r;
    if (Math.abs((rows[best] as number[])[c] as number) < 1e-9) continue;
    [rows[rank], rows[best]] = [rows[best] as number[], rows[rank] as number[]];
    const p = rows[rank] as number[];
    const pv = p[c] as number;
    for (let k = 0; k < p.length; k++) p[k] = (p[k] as number) / pv;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const row = rows[r] as number[];
      const f = row[c] as number;
      if (f !== 0) for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    }
    pivots.push(c);
    rank++;
  }
  // An unknown is determined when its unit vector lies in the row space: a pivot row equal to it.
  return pivots.filter((c, r) => (rows[r] as number[]).every((x, k) => k === c || Math.abs(x) < 1e-9)).map((c) => unknowns[c] as string);
}

/** A's, B's… share of every account figure: the accounts of each actor's flows alone. */
function amountsOf(value: unknown, path = '', out = new Map<string, number | null>()): Map<string, number | null> {
  if (Array.isArray(value)) {
    for (const x of value) {
      const k =
        x && typeof x === 'object'
          ? 'resourceCode' in x
            ? `r:${String(x.resourceCode)}`
            : 'partner' in x
              ? `p:${String(x.partner)}`
              : ''
          : '';
      amountsOf(x, `${path}/${k}`, out);
    }
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('unit' in o && 'value' in o && 'layer' in o) out.set(path, o.value as number | null);
    else for (const [k, v] of Object.entries(o)) if (k !== 'counted') amountsOf(v, `${path}/${k}`, out);
  }
  return out;
}

function perActor(i: MetabolismInput): Map<string, Map<string, number | null>> {
  const actors = [...new Set(i.flows.map((f) => f.actorId))];
  return new Map(
    actors.map((a) => [a, amountsOf(buildAccounts({ flows: i.flows.filter((f) => f.actorId === a), aggregates: [] }).layers)]),
  );
}

// ——— Examples ———

test('a cell of two actors is withheld, and says why', () => {
  const d = disclose({ flows: [landfill('o1', 'A', 10), landfill('o2', 'B', 20)], aggregates: [] });
  const cell = d.accounts.layers.material.outputs.wastes.landfill;
  assert.equal(cell.value, null);
  assert.equal(cell.suppressed, 'too_few_actors');
  assert.equal(d.accounts.layers.material.totals.outputs.value, null, 'the total rests on the same two actors');
  assert.equal(d.massBalance.material.imbalance.value, null);
  assert.equal(d.massBalance.material.relativeImbalance, null);
  assert.match(d.massBalance.material.message.fr, /secret statistique/);
  const link = d.sankey.material.links.find((k) => k.target === 'destination:landfill');
  assert.equal(link?.value, null);
  assert.equal(d.indicators.find((x) => x.id === 'landfill_share' && x.layer === 'material' && !x.family)?.value, null);
  assert.ok(d.disclosure.suppressed.too_few_actors > 0);
  assert.equal(d.disclosure.complete, true);
});

test('a cell of three actors is shown, and so are the indicators computed from shown figures', () => {
  const d = disclose({ flows: [landfill('o1', 'A', 10), landfill('o2', 'B', 20), landfill('o3', 'C', 30)], aggregates: [] });
  const cell = d.accounts.layers.material.outputs.wastes.landfill;
  assert.deepEqual(cell, { layer: 'material', unit: 't', value: 60, suppressed: null });
  assert.equal(d.accounts.layers.material.totals.outputs.value, 60);
  assert.equal(d.sankey.material.links.find((k) => k.target === 'destination:landfill')?.value, 60);
  const share = d.indicators.find((x) => x.id === 'landfill_share' && x.layer === 'material' && !x.family);
  assert.equal(share?.value, 100);
  assert.deepEqual(share?.suppressed, {});
  assert.deepEqual(d.disclosure.suppressed, { too_few_actors: 0, dominance: 0, complementary: 0 });
});

test('the same three actors, one of whom gives more than 85 %, are withheld by the dominance rule', () => {
  const d = disclose({ flows: [landfill('o1', 'A', 90), landfill('o2', 'B', 5), landfill('o3', 'C', 5)], aggregates: [] });
  assert.equal(d.accounts.layers.material.outputs.wastes.landfill.suppressed, 'dominance');
  const without = disclose(
    { flows: [landfill('o1', 'A', 90), landfill('o2', 'B', 5), landfill('o3', 'C', 5)], aggregates: [] },
    { minActors: 3, dominance: null },
  );
  assert.equal(without.accounts.layers.material.outputs.wastes.landfill.value, 100);
});

test('complementary suppression: a withheld part cannot be recovered by subtracting the shown parts from a shown total', () => {
  // Wastes: 60 t landfilled by three actors, 45 t incinerated by three others, 5 t recycled inside by one.
  const flows = [
    landfill('l1', 'L1', 10),
    landfill('l2', 'L2', 20),
    landfill('l3', 'L3', 30),
    incinerated('i1', 'I1', 12),
    incinerated('i2', 'I2', 15),
    incinerated('i3', 'I3', 18),
    recoveredInside('r1', 'R', 5),
  ];
  const d = disclose({ flows, aggregates: [] });
  const a = d.accounts.layers.material;
  assert.equal(a.outputs.wastes.recovery_inside.value, null);
  assert.equal(a.outputs.wastes.recovery_inside.suppressed, 'too_few_actors');

  // The attack: the wastes total minus every other destination.
  const total = a.totals.outputsByFamily.wastes.value;
  const others = DESTINATIONS.filter((x) => x !== 'recovery_inside').map((x) => a.outputs.wastes[x].value);
  const attempt = total === null || others.some((v) => v === null) ? null : total - others.reduce<number>((s, v) => s + (v as number), 0);
  assert.equal(attempt, null, `R's 5 t would be recovered as ${String(attempt)}`);
  // The total alone rests on seven actors: what is withheld besides is a complementary suppression.
  assert.ok(
    [a.totals.outputsByFamily.wastes, ...DESTINATIONS.map((x) => a.outputs.wastes[x])].some((x) => x.suppressed === 'complementary'),
    'a second figure of the row is withheld to protect the first',
  );
  // And no other relation a reader knows gives it (nor anything else) back.
  assert.deepEqual(recovered(relations(d)), []);
  assert.deepEqual(determinedByAll(relations(d)), []);
  // Without complementary suppression the subtraction would have worked: the figures are there.
  const f = figures({ flows, aggregates: [] }).accounts.layers.material;
  assert.equal(f.totals.outputsByFamily.wastes.value - f.outputs.wastes.landfill.value - f.outputs.wastes.incineration.value, 5);
});

test('two withheld parts that only their two actors make up are not given away by their sum', () => {
  // A (recycled inside) and B (landfill) alone in their cells; three actors incinerate. The wastes
  // total minus incineration would give A + B: A would learn B's figure.
  const flows = [
    recoveredInside('a', 'A', 7),
    landfill('b', 'B', 11),
    incinerated('i1', 'I1', 12),
    incinerated('i2', 'I2', 15),
    incinerated('i3', 'I3', 18),
  ];
  const d = disclose({ flows, aggregates: [] });
  const a = d.accounts.layers.material;
  const total = a.totals.outputsByFamily.wastes.value;
  const incineration = a.outputs.wastes.incineration.value;
  assert.ok(total === null || incineration === null, `A + B = ${String(total)} − ${String(incineration)} would be shown`);
  assert.deepEqual(recovered(relations(d)), []);
  assert.deepEqual(determinedByAll(relations(d)), []);
});

test('aggregates entered by the facilitator are territory figures: never withheld, but no cover for a single actor', () => {
  const aggregates = [
    aggregate('ext', 'extraction', 'construction_minerals', 500, 't', { resourceCode: 'material.minerals_aggregates' }),
    aggregate('omr', 'output', 'wastes', 300, 't', { destination: 'incineration' }),
    aggregate('imp', 'input', 'agrifood', 120, 't', { origin: 'external', partner: 'EPCI-B' }),
  ];
  const d = disclose({ flows: [], aggregates });
  const a = d.accounts.layers.material;
  assert.equal(a.extraction.construction_minerals.value, 500);
  assert.equal(a.outputs.wastes.incineration.value, 300);
  assert.equal(a.inputs.agrifood.external.value, 120);
  assert.equal(d.indicators.find((x) => x.id === 'dmi' && x.layer === 'material' && !x.family)?.value, 620);
  assert.deepEqual(d.disclosure.suppressed, { too_few_actors: 0, dominance: 0, complementary: 0 });

  // One actor's 40 t incinerated next to the 300 t aggregate: the aggregate is known, so 340 would give the 40 away.
  const withActor = disclose({ flows: [incinerated('x', 'X', 40)], aggregates });
  assert.equal(withActor.accounts.layers.material.outputs.wastes.incineration.value, null);
  assert.equal(withActor.accounts.layers.material.extraction.construction_minerals.value, 500, 'the aggregate alone is still shown');
});

test('a flow whose quantity its actor made public counts as known, not as one of the three actors', () => {
  const flows = [landfill('o1', 'A', 10), landfill('o2', 'B', 20), landfill('o3', 'C', 30)];
  assert.equal(disclose({ flows, aggregates: [] }).accounts.layers.material.outputs.wastes.landfill.value, 60);
  const d = disclose({ flows, aggregates: [] }, INSEE, new Set(['o3']));
  assert.equal(d.accounts.layers.material.outputs.wastes.landfill.value, null, 'A and B are left: each would learn the other');
});

test('flows left out are counted, not listed: their IDs are the actors’ records', () => {
  const d = disclose({
    flows: [of('A', input('i', 'packaging.pallets', 500, 'unit', null))],
    aggregates: [aggregate('g', 'output', 'wastes', 3, 'unit')],
  });
  assert.equal(d.accounts.notCountedFlows, 1);
  assert.deepEqual(
    d.accounts.notCounted.map((n) => n.id),
    ['g'],
  );
});

test('figures that were not built from the input given are refused', () => {
  const flows = [landfill('o1', 'A', 10), landfill('o2', 'B', 20), landfill('o3', 'C', 30)];
  assert.throws(
    () => discloseMetabolism({ flows: flows.slice(1), aggregates: [] }, figures({ flows, aggregates: [] }), FAMILIES_DATA, INSEE),
    /not built from this input/,
  );
  assert.throws(() => disclose({ flows, aggregates: [] }, { minActors: 0, dominance: null }), /minActors/);
  assert.throws(() => disclose({ flows, aggregates: [] }, { minActors: 3, dominance: { share: 1.5 } }), /dominance/);
});

test('the scenario is audited with the current figures: what a synergy moved between two actors is not given by the difference', () => {
  // Three landfill and three incineration actors; S gives R 4 t of its landfilled waste in the scenario.
  const flows = [
    landfill('l1', 'L1', 10),
    landfill('l2', 'L2', 20),
    landfill('s', 'S', 30),
    incinerated('i1', 'I1', 12),
    incinerated('i2', 'I2', 15),
    incinerated('i3', 'I3', 18),
    of('R', input('r', 'material.construction.mixed', 50, 't', { recycled: false, local: false })),
  ];
  const before: MetabolismInput = { flows, aggregates: [] };
  const result = applySynergies(before, [{ outputFlowId: 's', inputFlowId: 'r', quantity: 4, unit: 't' }]);
  const now = figures(before);
  const after = figures(result.input);
  const scenario: ScenarioFigures = {
    ...after,
    applied: result.applied,
    skipped: result.skipped,
    comparison: compareScenario(now.indicators, after.indicators),
  };
  const d = discloseMetabolism(before, now, FAMILIES_DATA, INSEE, scenario);
  const s = d.scenario;
  assert.ok(s);
  assert.equal(s.appliedCount, 1);
  const landfillBefore = d.accounts.layers.material.outputs.wastes.landfill.value;
  const landfillAfter = s.accounts.layers.material.outputs.wastes.landfill.value;
  assert.ok(
    landfillBefore === null || landfillAfter === null,
    `the difference ${String(landfillBefore)} − ${String(landfillAfter)} would be S's 4 t`,
  );
  assert.deepEqual(recovered(scenarioRelations(d, s)), []);
  assert.deepEqual(determinedByAll(scenarioRelations(d, s)), []);
  for (const c of s.comparison) if (c.delta !== null) assert.ok(c.before !== null && c.after !== null);
});

test('interdependencies: a flow between two territories declared by two actors is withheld, by three it is shown', () => {
  // A's actors send B treated wood (wastes, as outputs with a fate); B declares 5 t of it received
  // (one actor) and enters 45 t of waste from A as an aggregate.
  const A = (n: number): MetabolismInput => ({
    flows: Array.from({ length: n }, (_, i) =>
      of(`A${i}`, output(`a${i}`, 'material.wood.treated', 10 * (i + 1), 't', { mode: 'recycling', local: false, partner: 'B' })),
    ),
    aggregates: [],
  });
  const B: MetabolismInput = {
    flows: [of('B0', input('b0', 'material.wood.treated', 5, 't', { recycled: true, local: false, partner: 'A' }))],
    aggregates: [aggregate('b-agg', 'input', 'wastes', 45, 't', { origin: 'external', partner: 'A' })],
  };
  for (const n of [2, 3]) {
    const territories = [
      { code: 'A', name: 'A', input: A(n) },
      { code: 'B', name: 'B', input: B },
    ];
    const d = discloseInterdependencies(interdependencies(territories), territories, FAMILIES_DATA, INSEE);
    const wastes = d.rows.find((r) => r.from === 'A' && r.to === 'B' && r.layer === 'material' && r.family === 'wastes');
    const all = d.rows.find((r) => r.from === 'A' && r.to === 'B' && r.layer === 'material' && r.family === null);
    assert.ok(wastes && all);
    assert.equal(wastes.declaredByDestination, 45, 'the aggregate alone is shown');
    // B's side of all families: one actor's 5 t next to the 45 t aggregate, withheld either way.
    assert.equal(all.declaredByDestination, null);
    if (n === 2) {
      assert.equal(wastes.declaredBySource, null);
      assert.equal(wastes.suppressed.declaredBySource, 'too_few_actors');
      assert.equal(wastes.gap, null, 'the gap would give it back');
      assert.equal(d.matrices.material.values[0]?.[1], null);
    } else {
      assert.equal(wastes.declaredBySource, 60);
      assert.equal(wastes.gap, 15);
      assert.equal(all.retained, 60, 'the larger declaration, A’s');
      assert.equal(d.matrices.material.values[0]?.[1], 60);
    }
    if (n === 2) {
      // A0 + A1 − B0 − 45: three actors, none of whom can take its own share out and get another's.
      assert.equal(all.gap, -20);
    } else {
      assert.equal(all.gap, null, 'with A’s 60 t shown, the gap would give B0’s 5 t away');
    }
    assert.equal(d.matrices.material.values[1]?.[0], 0, 'nothing flows from B to A');
  }
});

// ——— Properties ———

const actor = fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5');
const flowArb = fc.record({
  actorId: actor,
  direction: fc.constantFrom('output' as const, 'input' as const),
  resourceCode: fc.constantFrom('material.wood.clean', 'material.biowaste', 'material.metals.ferrous', 'energy.heat.low', 'water.process'),
  wasteCode: fc.option(fc.constantFrom('150101'), { nil: null, freq: 4 }),
  value: fc.integer({ min: 0, max: 100 }),
  unit: fc.constantFrom('t', 't', 'MWh', 'm3'),
  currentFate: fc.option(
    fc.record({
      mode: fc.constantFrom(...FATE_MODES),
      local: fc.option(fc.boolean(), { nil: undefined }),
      partner: fc.option(fc.constantFrom('P1', 'P2'), { nil: undefined }),
    }),
    { nil: null },
  ),
  currentOrigin: fc.option(
    fc.record({ recycled: fc.boolean(), local: fc.boolean(), partner: fc.option(fc.constantFrom('P1', 'P2'), { nil: undefined }) }),
    { nil: null },
  ),
});
const territoryArb: fc.Arbitrary<MetabolismInput> = fc
  .record({
    flows: fc.array(flowArb, { maxLength: 24 }),
    aggregates: fc.array(
      fc.record({
        kind: fc.constantFrom('extraction' as const, 'input' as const, 'output' as const),
        family: fc.constantFrom(...FAMILIES),
        value: fc.integer({ min: 1, max: 50 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ flows, aggregates }) => ({
    flows: flows.map(({ value, unit, ...f }, i): MetabolismFlow => ({ ...f, id: `f${i}`, annualQuantity: { value, unit } })),
    aggregates: aggregates.map((g, i) =>
      aggregate(`g${i}`, g.kind, g.family, g.value, 't', g.kind === 'input' ? { origin: 'external' } : {}),
    ),
  }));

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Checks that every account figure shown rests on no actor or on three with none above 85 %. */
function assertNoSingleActorFigure(
  shown: Map<string, number | null>,
  byActor: Map<string, Map<string, number | null>>,
  what: string,
): void {
  for (const [path, v] of shown) {
    if (v === null) continue;
    const shares = [...byActor.values()].map((m) => m.get(path) ?? 0).filter((x) => x !== null && x > 0) as number[];
    if (shares.length === 0) continue;
    assert.ok(shares.length >= 3, `${what} ${path} = ${v} rests on ${shares.length} actor(s)`);
    const total = shares.reduce((s, x) => s + x, 0);
    assert.ok(Math.max(...shares) <= 0.85 * total * (1 + 1e-12), `${what} ${path}: one actor gives more than 85 %`);
  }
}

test('for random territories, no figure shown is one or two actors’ and no withheld one can be recovered by subtraction', () => {
  fc.assert(
    fc.property(territoryArb, (i) => {
      const d = disclose(i);
      assert.equal(d.disclosure.complete, true);
      assertNoSingleActorFigure(amountsOf(d.accounts.layers), perActor(i), 'figure');
      assert.deepEqual(recovered(relations(d)), []);
      assert.deepEqual(determinedByAll(relations(d)), []);
      // A share is shown only when what it is a share of is: nothing withheld can be determined, so
      // its numerator is shown.
      for (const x of d.indicators) {
        if (x.value === null) continue;
        const a = d.accounts.layers[x.layer];
        const numerator = {
          local_loop_closure: () => (x.family ? a.outputs[x.family].recovery_inside : a.totals.outputsByDestination.recovery_inside),
          landfill_share: () => (x.family ? a.outputs[x.family].landfill : a.totals.outputsByDestination.landfill),
          incineration_share: () => (x.family ? a.outputs[x.family].incineration : a.totals.outputsByDestination.incineration),
          external_dependency: () => (x.family ? a.inputs[x.family].external : a.totals.inputsByOrigin.external),
          local_secondary_input_share: () => (x.family ? a.localRecycledInputs[x.family] : a.totals.localRecycledInputs),
        }[x.id as string];
        if (numerator) assert.notEqual(numerator().value, null, `${x.id} ${x.layer} ${x.family ?? ''} shown, its numerator withheld`);
      }
    }),
    { numRuns: 150 },
  );
});

test('for random territories and synergies, the scenario shows no one or two actors’ figure, nor their difference with today’s', () => {
  fc.assert(
    fc.property(
      territoryArb,
      fc.array(fc.record({ o: fc.nat(30), i: fc.nat(30), q: fc.integer({ min: 1, max: 60 }) }), { maxLength: 4 }),
      (i, picks) => {
        const outs = i.flows.filter((f) => f.direction === 'output');
        const ins = i.flows.filter((f) => f.direction === 'input');
        const synergies =
          outs.length && ins.length
            ? picks.map((p) => {
                const o = outs[p.o % outs.length] as MetabolismFlow;
                return {
                  outputFlowId: o.id,
                  inputFlowId: (ins[p.i % ins.length] as MetabolismFlow).id,
                  quantity: p.q,
                  unit: o.annualQuantity?.unit ?? 't',
                };
              })
            : [];
        const result = applySynergies(i, synergies);
        const now = figures(i);
        const after = figures(result.input);
        const scenario: ScenarioFigures = {
          ...after,
          applied: result.applied,
          skipped: result.skipped,
          comparison: compareScenario(now.indicators, after.indicators),
        };
        const d = discloseMetabolism(i, now, FAMILIES_DATA, INSEE, scenario);
        const s = d.scenario;
        assert.ok(s);
        const shownBefore = amountsOf(d.accounts.layers);
        const shownAfter = amountsOf(s.accounts.layers);
        const byActorBefore = perActor(i);
        const byActorAfter = perActor(result.input);
        assertNoSingleActorFigure(shownAfter, byActorAfter, 'scenario figure');
        assert.deepEqual(recovered(scenarioRelations(d, s)), []);
        assert.deepEqual(determinedByAll(scenarioRelations(d, s)), []);
        // The difference between a figure shown today and in the scenario is what synergies moved.
        for (const [path, v] of shownAfter) {
          const b = shownBefore.get(path);
          if (v === null || b === null || b === undefined) continue;
          const movers = [...byActorAfter.keys()].filter(
            (a) => !near(byActorAfter.get(a)?.get(path) ?? 0, byActorBefore.get(a)?.get(path) ?? 0),
          );
          assert.ok(
            movers.length === 0 || movers.length >= 3,
            `${path}: ${b} today, ${v} in the scenario: the change is ${movers.join(', ')}'s`,
          );
        }
      },
    ),
    { numRuns: 100 },
  );
});

test('every layer of the disclosed figures keeps the shape of the figures', () => {
  const d = disclose({ flows: [landfill('o1', 'A', 10)], aggregates: [] });
  for (const l of LAYERS as readonly Layer[]) {
    assert.equal(d.accounts.layers[l].layer, l);
    assert.equal(d.sankey[l].layer, l);
    assert.equal(d.massBalance[l].layer, l);
  }
  assert.equal(d.indicators.length, figures({ flows: [landfill('o1', 'A', 10)], aggregates: [] }).indicators.length);
});
