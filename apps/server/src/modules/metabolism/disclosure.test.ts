import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  annualBaseQuantity,
  applySynergies,
  buildAccounts,
  compareScenario,
  indicators,
  interdependencies,
  LAYERS,
  massBalance,
  sankey,
  type Family,
  type FateMode,
  type InterdependencyResult,
  type MetabolismInput,
  type Quantity,
} from '@boucles/engine';
import { loadMetabolismFamilies, ReferenceCatalog } from '@boucles/reference-data';
import { readDemoDocument, readNeighbourDemoDocument } from '../demo/index.js';
import { publicMetabolismFlowIds, suppressInterdependencies, suppressMetabolism, type MetabolismView } from './disclosure.js';
import type { MetabolismService } from './service.js';

// The service's answers must be what these functions take: checked when compiling.
type ServiceMetabolism = Awaited<ReturnType<MetabolismService['fullMetabolism']>>;
type ServiceInterdependencies = Awaited<ReturnType<MetabolismService['fullInterdependencies']>>;
export const serviceAnswersFit: [(v: ServiceMetabolism) => MetabolismView, (r: ServiceInterdependencies) => InterdependencyResult] = [
  (v) => v,
  (r) => r,
];

const catalog = new ReferenceCatalog();

interface DemoDocument {
  territory: { code: string; name: string };
  sites: { externalId: string; actorExternalId: string }[];
  flows: {
    externalId: string;
    siteExternalId: string;
    direction: 'input' | 'output';
    resourceCode: string;
    wasteCode?: string;
    quantity?: Quantity;
    currentFate?: { mode: FateMode; local?: boolean; partner?: string };
    currentOrigin?: { recycled: boolean; local: boolean; partner?: string };
  }[];
  aggregates: {
    externalId: string;
    label: string;
    kind: 'extraction' | 'input' | 'output' | 'stock_change';
    family: Family;
    resourceCode?: string;
    quantity: Quantity;
    origin?: 'local' | 'external';
    destination?: 'recovery_inside' | 'recovery_outside' | 'incineration' | 'landfill' | 'other';
    partner?: string;
    year: number;
    source: { title: string; url?: string };
    estimate: boolean;
  }[];
}

/** The engine's input for a demo document, as the service reads a stored territory. */
function demoInput(raw: unknown): { code: string; name: string; input: MetabolismInput } {
  const doc = raw as DemoDocument;
  const actorOfSite = new Map(doc.sites.map((s) => [s.externalId, s.actorExternalId]));
  const annual = (q: Quantity | undefined) => {
    const a = q ? annualBaseQuantity(q, catalog) : null;
    return a ? { value: a.value, unit: a.unit } : null;
  };
  return {
    code: doc.territory.code,
    name: doc.territory.name,
    input: {
      flows: doc.flows.map((f) => ({
        id: f.externalId,
        actorId: actorOfSite.get(f.siteExternalId) ?? f.siteExternalId,
        direction: f.direction,
        resourceCode: f.resourceCode,
        wasteCode: f.wasteCode ?? null,
        annualQuantity: annual(f.quantity),
        currentFate: f.currentFate ?? null,
        currentOrigin: f.currentOrigin ?? null,
      })),
      aggregates: doc.aggregates.map((a) => ({
        id: a.externalId,
        label: a.label,
        kind: a.kind,
        family: a.family,
        resourceCode: a.resourceCode ?? null,
        annualQuantity: annual(a.quantity) ?? { value: 0, unit: 't' },
        origin: a.origin ?? null,
        destination: a.destination ?? null,
        partner: a.partner ?? null,
        year: a.year,
        source: a.source,
        estimate: a.estimate,
      })),
    },
  };
}

/** What `MetabolismService.metabolism()` answers, built the same way. */
function serviceView(code: string, name: string, input: MetabolismInput, scenario: boolean): MetabolismView {
  const families = loadMetabolismFamilies();
  const figures = (i: MetabolismInput) => {
    const accounts = buildAccounts(i, families);
    return {
      accounts,
      indicators: indicators(accounts),
      massBalance: massBalance(accounts),
      sankey: Object.fromEntries(LAYERS.map((l) => [l, sankey(accounts, l)])),
    };
  };
  const current = figures(input);
  if (!scenario) return { territory: { code, name }, ...current, scenario: null };
  // A synergy: the first output recovered nowhere goes to the first input of the same unit.
  const out = input.flows.find((f) => f.direction === 'output' && f.annualQuantity?.unit === 't' && f.currentFate?.mode === 'landfill');
  const inp = input.flows.find((f) => f.direction === 'input' && f.annualQuantity?.unit === 't' && f.actorId !== out?.actorId);
  assert.ok(out && inp);
  const applied = applySynergies(input, [{ outputFlowId: out.id, inputFlowId: inp.id, quantity: 5, unit: 't' }]);
  const after = figures(applied.input);
  return {
    territory: { code, name },
    ...current,
    scenario: {
      analysisId: 'run-1',
      analysisCreatedAt: '2026-01-01T00:00:00Z',
      applied: applied.applied,
      skipped: applied.skipped,
      ...after,
      comparison: compareScenario(current.indicators, after.indicators),
    },
  };
}

test('the reader’s view of the demo territory withholds what rests on fewer than three actors and shows the rest', () => {
  const { code, name, input } = demoInput(readDemoDocument());
  const view = serviceView(code, name, input, false);
  const reader = suppressMetabolism(view, input);
  assert.deepEqual(reader.territory, { code, name });
  assert.equal(reader.disclosure.minActors, 3);
  assert.equal(reader.disclosure.dominanceShare, 0.85);
  assert.equal(reader.disclosure.complete, true);
  assert.ok(reader.disclosure.suppressed.too_few_actors > 0, JSON.stringify(reader.disclosure.suppressed));
  // The layer totals of materials rest on dozens of actors: shown, and unchanged.
  const m = reader.accounts.layers.material;
  assert.equal(m.totals.inputs.value, view.accounts.layers.material.totals.inputs.value);
  // Every figure shown is the service's figure; every one withheld says why.
  view.accounts.layers.material.byResource.forEach((r, i) => {
    const shown = m.byResource[i];
    assert.equal(shown?.resourceCode, r.resourceCode);
    if (shown?.outputs.value === null) assert.ok(shown.outputs.suppressed);
    else assert.equal(shown?.outputs.value, r.outputs.value);
  });
  assert.equal(reader.scenario, null);
});

test('the scenario of an analysis is disclosed with its analysis, counts instead of the synergies’ flows', () => {
  const { code, name, input } = demoInput(readDemoDocument());
  const view = serviceView(code, name, input, true);
  const reader = suppressMetabolism(view, input);
  assert.ok(reader.scenario);
  assert.equal(reader.scenario.analysisId, 'run-1');
  assert.equal(reader.scenario.appliedCount, 1);
  assert.equal('applied' in reader.scenario, false, 'which flows a synergy joins is not the readers’');
  assert.equal(reader.scenario.comparison.length, view.scenario?.comparison.length);
});

test('figures built from another input are refused', () => {
  const { code, name, input } = demoInput(readDemoDocument());
  const view = serviceView(code, name, input, false);
  assert.throws(() => suppressMetabolism(view, { flows: input.flows.slice(1), aggregates: input.aggregates }), /not built from this input/);
});

test('the interdependencies of the two demo territories are disclosed with each territory’s input', () => {
  const a = demoInput(readDemoDocument());
  const b = demoInput(readNeighbourDemoDocument());
  const result = interdependencies([a, b], loadMetabolismFamilies());
  const reader = suppressInterdependencies(result, { [a.code]: a.input, [b.code]: b.input });
  assert.equal(reader.rows.length, result.rows.length);
  assert.equal(reader.disclosure.complete, true);
  // The exchanges of the demo are aggregates entered by the facilitators: territory figures, shown.
  const shown = reader.rows.filter((r) => r.declaredBySource !== null && r.declaredByDestination !== null);
  assert.ok(shown.length > 0);
  const byMap = suppressInterdependencies(
    result,
    new Map([
      [a.code, a.input],
      [b.code, b.input],
    ]),
  );
  assert.deepEqual(byMap.rows, reader.rows);
  assert.throws(() => suppressInterdependencies(result, { [a.code]: a.input }), /no metabolism input/);
});

test('flows whose actor made the quantity and what places it public are the ones given as public', () => {
  const ids = publicMetabolismFlowIds([
    { id: 'f1', direction: 'output', confidentiality: { quantity: 'public', currentFate: 'public' } },
    { id: 'f2', direction: 'output', confidentiality: { quantity: 'public' } },
    { id: 'f3', direction: 'output', confidentiality: { quantity: 'public', currentFate: 'public', wasteCode: 'private' } },
    { id: 'f4', direction: 'input', confidentiality: { quantity: 'public', currentOrigin: 'public' } },
    { id: 'f5', direction: 'input', confidentiality: { quantity: 'public' } },
    { id: 'f6', direction: 'output', confidentiality: {} },
    { id: 'f7', direction: 'input', confidentiality: { quantity: 'private', currentOrigin: 'public' } },
  ]);
  assert.deepEqual([...ids], ['f1', 'f4']);
});
