import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FATE_MODES, type FateMode } from '@boucles/engine';
import { loadCompatibilityRules, loadResourceTaxonomy, loadUnits } from './catalog.js';
import { loadImpactFactors } from './files.js';
import type { ImpactParameter } from './types.js';

const factors = loadImpactFactors();
const sourceKeys = new Set(factors.sources.map((s) => s.key));
const modes = new Set<string>(FATE_MODES);

/** Every figure of the file that names a source, with where it sits. */
function citedSources(): { where: string; source: string | null }[] {
  const out: { where: string; source: string | null }[] = [];
  const param = (where: string, p: ImpactParameter): void => {
    out.push({ where, source: p.source });
    for (const [k, c] of Object.entries(p.components ?? {})) param(`${where}.${k}`, c);
  };
  for (const f of factors.co2) out.push({ where: `co2 ${f.resource} ${f.mode}`, source: f.source });
  for (const l of factors.endOfLife) out.push({ where: `endOfLife ${l.resource} ${l.mode}`, source: l.source });
  for (const [k, p] of Object.entries(factors.transport)) param(`transport.${k}`, p);
  for (const [k, p] of Object.entries(factors.heat)) param(`heat.${k}`, p);
  for (const j of factors.jobs) {
    out.push({ where: `jobs ${j.mode}`, source: j.source });
    for (const a of j.alternatives ?? []) out.push({ where: `jobs ${j.mode} alternative`, source: a.source });
  }
  return out;
}

/** Every figure of the file with its value, status, estimate flag and rationale. */
function figures(): { where: string; value: number | null; status: string; estimate: boolean; explained: boolean }[] {
  const out: { where: string; value: number | null; status: string; estimate: boolean; explained: boolean }[] = [];
  const param = (where: string, p: ImpactParameter): void => {
    out.push({ where, value: p.value, status: p.status, estimate: p.estimate, explained: Boolean(p.rationale?.fr && p.rationale.en) });
    for (const [k, c] of Object.entries(p.components ?? {})) param(`${where}.${k}`, c);
  };
  for (const f of factors.co2) {
    out.push({
      where: `co2 ${f.resource} ${f.mode}`,
      value: f.kgCo2ePerUnit,
      status: f.status,
      estimate: f.estimate,
      explained: Boolean(f.rationale?.fr && f.rationale.en),
    });
  }
  for (const [k, p] of Object.entries(factors.transport)) param(`transport.${k}`, p);
  for (const [k, p] of Object.entries(factors.heat)) param(`heat.${k}`, p);
  for (const j of factors.jobs) {
    out.push({
      where: `jobs ${j.mode}`,
      value: j.perKiloTonne,
      status: j.status,
      estimate: j.estimate,
      explained: Boolean(j.note.fr && j.note.en),
    });
  }
  return out;
}

test('every source key cited by a figure is one of the file’s sources, each with an http(s) URL', () => {
  assert.equal(sourceKeys.size, factors.sources.length, 'source keys are unique');
  for (const s of factors.sources) assert.match(s.url, /^https?:\/\//, s.key);
  for (const { where, source } of citedSources()) {
    if (source !== null) assert.ok(sourceKeys.has(source), `${where}: source ${source}`);
  }
});

test('every CO2e factor names a real taxonomy class and is expressed per the base unit of its dimension', () => {
  const classes = new Map(loadResourceTaxonomy().entries.map((e) => [e.code, e]));
  const baseUnits = new Map<string, string>(
    loadUnits()
      .units.filter((u) => u.toBase === 1)
      .map((u) => [u.dimension, u.code]),
  );
  for (const f of factors.co2) {
    const c = classes.get(f.resource);
    assert.ok(c, `co2: ${f.resource} is a taxonomy class`);
    assert.equal(f.unit, baseUnits.get(c.dimension), `${f.resource}: unit of a ${c.dimension} class`);
    assert.ok(modes.has(f.mode), `${f.resource}: mode ${f.mode}`);
    assert.ok(f.method.fr && f.method.en, `${f.resource}: method`);
  }
  for (const l of factors.endOfLife) assert.ok(classes.has(l.resource) && modes.has(l.mode), `endOfLife ${l.resource} ${l.mode}`);
  const pairs = factors.co2.map((f) => `${f.resource} ${f.mode}`);
  assert.equal(new Set(pairs).size, pairs.length, 'one factor per resource and mode');
});

test('every compatibility-rule family has a mode, and every mode is a fate mode', () => {
  const { rules } = loadCompatibilityRules();
  for (const family of new Set(rules.map((r) => r.family))) {
    const mode = factors.familyModes[family];
    assert.ok(mode !== undefined, `family ${family} has a mode`);
  }
  for (const [family, mode] of Object.entries(factors.familyModes)) assert.ok(modes.has(mode), `${family}: ${mode}`);
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const [id, { mode, rationale }] of Object.entries(factors.ruleModes)) {
    assert.ok(ruleIds.has(id), `ruleModes: rule ${id} exists`);
    assert.ok(modes.has(mode) && rationale.fr && rationale.en, `ruleModes ${id}`);
  }
});

test('a figure is null only when it is still to be sourced, and estimates and conventions say why', () => {
  for (const f of figures()) {
    assert.equal(f.value === null, f.status === 'to_be_sourced', `${f.where}: value ${f.value}, status ${f.status}`);
    assert.ok(['sourced', 'derived', 'convention', 'to_be_sourced'].includes(f.status), `${f.where}: status ${f.status}`);
    if (f.status === 'convention') assert.ok(f.estimate, `${f.where}: a convention is an estimate`);
    if (f.estimate) assert.ok(f.explained, `${f.where}: an estimate has a rationale`);
  }
  for (const { where, source } of citedSources()) {
    const figure = figures().find((x) => x.where === where);
    if (source === null && figure) assert.ok(figure.status === 'to_be_sourced' || figure.status === 'convention', `${where} has no source`);
  }
});

test('each fate mode has exactly one job ratio, per 1,000 t', () => {
  const jobModes = factors.jobs.map((j) => j.mode);
  assert.deepEqual([...jobModes].sort(), [...FATE_MODES].sort());
  const byMode = new Map<FateMode, number | null>(factors.jobs.map((j) => [j.mode, j.perKiloTonne]));
  assert.equal(byMode.get('landfill'), 0.1);
  assert.equal(byMode.get('composting'), 0.7);
});

test('the heat factor equals (1000 / boiler efficiency) × gas factor − pumping × electricity factor', () => {
  const { boilerEfficiency, gasKgCo2ePerKWh, electricityKgCo2ePerKWh, pumpingKWhPerMWh } = factors.heat;
  const expected = (1000 / boilerEfficiency.value!) * gasKgCo2ePerKWh.value! - pumpingKWhPerMWh.value! * electricityKgCo2ePerKWh.value!;
  const heat = factors.co2.filter((f) => f.formula === 'heat');
  assert.ok(heat.some((f) => f.resource === 'energy.heat'));
  for (const f of heat) {
    assert.ok(f.kgCo2ePerUnit !== null && Math.abs(f.kgCo2ePerUnit - expected) < 0.01, `${f.resource}: ${f.kgCo2ePerUnit} vs ${expected}`);
    assert.equal(f.unit, 'MWh');
  }
});

test('factors derived from end-of-life lines equal the baseline balance minus the scenario balance', () => {
  const balance = (resource: string, mode: FateMode): number => {
    const line = factors.endOfLife.find((l) => l.resource === resource && l.mode === mode);
    assert.ok(line, `end-of-life line ${resource} ${mode}`);
    return line.impacts + (line.avoided ?? 0);
  };
  const derived = factors.co2.filter((f) => f.derivedFrom);
  assert.ok(derived.length >= 2);
  for (const f of derived) {
    const { baseline, scenario } = f.derivedFrom!;
    assert.equal(f.kgCo2ePerUnit, balance(baseline.resource, baseline.mode) - balance(scenario.resource, scenario.mode), f.resource);
  }
});

test('material factors read as new minus recycled match their Base Carbone components', () => {
  for (const resource of [
    'material.metals.ferrous',
    'material.metals.copper',
    'material.glass.cullet',
    'material.plastics',
    'material.plastics.pet',
  ]) {
    const f = factors.co2.find((x) => x.resource === resource && x.mode === 'recycling');
    assert.ok(f && f.factors.length === 2, resource);
    assert.equal(f.kgCo2ePerUnit, f.factors[0]!.value - f.factors[1]!.value, resource);
    for (const c of f.factors) assert.match(c.baseCarboneId ?? '', /^\d+$/, `${resource}: ${c.label}`);
  }
});

test('transport: road freight CO2e per t·km, cost per t·km from its components, and a detour factor above 1', () => {
  const { kgCo2ePerTonneKm, eurPerTonneKm, detourFactor } = factors.transport;
  assert.equal(kgCo2ePerTonneKm.baseCarboneId, '43647');
  const { eurPerVehicleKm, payloadTonnes } = eurPerTonneKm.components ?? {};
  assert.ok(eurPerVehicleKm?.value && payloadTonnes?.value && eurPerTonneKm.value);
  assert.ok(Math.abs(eurPerTonneKm.value - eurPerVehicleKm.value / payloadTonnes.value) < 0.0001);
  assert.ok(detourFactor.value !== null && detourFactor.value > 1 && detourFactor.value < 2);
});
