/**
 * Determinism of the analysis: its ranked results depend on what the territory holds, never on the
 * order of its records nor on the identifiers a database gave them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { analyse, type AnalysisInput, type AnalysisOptions, type AnalysisResult } from './analysis.js';
import { loadSolver, type LpSolver } from './allocation.js';
import type { ImpactModel } from './impacts.js';
import type { MutualisationParameters } from './mutualisation.js';
import type { CompatibilityRule } from './rules.js';
import { seededRandom, syntheticTerritory } from './synthetic.js';

const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../reference-data/data/${name}`, import.meta.url), 'utf8'));
const RULES = data('compatibility-rules.json') as { version: string; rules: CompatibilityRule[] };
const IMPACTS = data('impact-factors.json') as ImpactModel;
const MUTUALISATION = data('mutualisation-parameters.json') as MutualisationParameters & { version: string };

let solver: LpSolver;
before(async () => {
  solver = await loadSolver();
});

const options = (objective: 'co2' | 'cost'): AnalysisOptions => ({
  rules: RULES.rules,
  rulesVersion: RULES.version,
  impacts: IMPACTS,
  mutualisation: MUTUALISATION,
  objective,
  solver,
});

/** A small region (about 25 × 30 km), so that most rules find candidates. */
const BOX = { minLat: 50.7, maxLat: 50.93, minLon: 2.3, maxLon: 2.72 };

function territory(seed: number): AnalysisInput {
  return syntheticTerritory(40, seededRandom(seed), { box: BOX, perTown: 20, tieGroups: 2 });
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The same territory as a database would give it after loading it again: every list in another
 * order, every record under a new identifier (references renamed alike). Returns the new input and
 * what each new identifier stands for.
 */
function reloaded(input: AnalysisInput, random: () => number): { input: AnalysisInput; original: Map<string, string> } {
  const original = new Map<string, string>();
  const renamed = new Map<string, string>();
  const rename = (id: string): string => {
    let to = renamed.get(id);
    if (to === undefined) {
      // Like a UUID: random, and telling nothing of the record.
      do
        to = `id-${Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(8, '0')}${Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(8, '0')}`;
      while (original.has(to));
      renamed.set(id, to);
      original.set(to, id);
    }
    return to;
  };
  // Identifiers are drawn in a shuffled order, so that their order tells nothing either.
  for (const id of shuffle(
    [...input.actors, ...input.sites, ...input.flows, ...input.needs].map((r) => r.id),
    random,
  ))
    rename(id);
  return {
    original,
    input: {
      actors: shuffle(input.actors, random).map((a) => ({ ...a, id: rename(a.id) })),
      sites: shuffle(input.sites, random).map((s) => ({ ...s, id: rename(s.id), actorId: rename(s.actorId) })),
      flows: shuffle(input.flows, random).map((f) => ({ ...f, id: rename(f.id), siteId: rename(f.siteId), actorId: rename(f.actorId) })),
      needs: shuffle(input.needs, random).map((n) => ({ ...n, id: rename(n.id), actorId: rename(n.actorId) })),
    },
  };
}

/** The result as text, every identifier of `original` replaced by the one it stands for. */
function restored(result: AnalysisResult, original: ReadonlyMap<string, string>): string {
  return JSON.stringify(result).replace(/id-[0-9a-f]{16}/g, (id) => original.get(id) ?? id);
}

test('a territory analysed again after its records were shuffled and given new identifiers gives byte-identical ranked results', async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const input = territory(seed);
    const objective = seed % 2 === 1 ? 'co2' : 'cost';
    const first = await analyse(input, options(objective));
    assert.ok(
      first.synergies.length > 20 && first.mutualisations.length > 0 && first.allocation.components.solvedByLp > 0,
      `seed ${seed}: a territory worth the test`,
    );
    const { input: other, original } = reloaded(input, seededRandom(1000 + seed));
    const text = restored(await analyse(other, options(objective)), original);
    const expected = JSON.stringify(first);
    assert.ok(text === expected, `seed ${seed}, objective ${objective}: ${firstDifference(text, expected)}`);
  }
});

test('candidates alike in everything ranked are allocated and ordered by their content: names and labels decide, not identifiers', async () => {
  const input = territory(7);
  const names = new Map(input.actors.map((a) => [a.id, a.name]));
  const ofGroup = (r: AnalysisResult) =>
    r.synergies.filter((s) => s.supplierActorId.startsWith('tie0-') && s.receiverActorId.startsWith('tie0-'));
  const allocated = (r: AnalysisResult): Record<string, number> => {
    const by: Record<string, number> = {};
    for (const s of ofGroup(r)) {
      const pair = `${names.get(s.supplierActorId) ?? ''} → ${names.get(s.receiverActorId) ?? ''}`;
      by[pair] = (by[pair] ?? 0) + (s.allocation.quantity ?? 0);
    }
    return by;
  };
  const first = await analyse(input, options('co2'));
  // Two supplies of 100 t of wood for three boilers wanting 100 t each, alike: the solver has to
  // choose, and chooses the same way whatever the identifiers.
  const wood = Object.entries(allocated(first)).filter(([pair]) => pair.startsWith('Menuiserie'));
  assert.equal(wood.length, 6);
  assert.equal(
    wood.reduce((sum, [, q]) => sum + q, 0),
    200,
  );
  for (const seed of [71, 72, 73]) {
    const { input: other, original } = reloaded(input, seededRandom(seed));
    const again = JSON.parse(restored(await analyse(other, options('co2')), original)) as AnalysisResult;
    assert.deepEqual(allocated(again), allocated(first), `reload ${seed}`);
  }
  // Equal scores are listed by the content of their flows: here by the supplier's name, then the receiver's.
  const group = ofGroup(first);
  let ties = 0;
  for (let i = 1; i < group.length; i++) {
    const [a, b] = [group[i - 1], group[i]] as [AnalysisResult['synergies'][number], AnalysisResult['synergies'][number]];
    if (a.score.value !== b.score.value) continue;
    ties++;
    const key = (s: typeof a): string =>
      `${names.get(s.supplierActorId) ?? ''}\u0000${names.get(s.receiverActorId) ?? ''}\u0000${s.ruleId}`;
    assert.ok(key(a) < key(b), `${key(a)} before ${key(b)}`);
  }
  assert.ok(ties >= 3, `ties in score: ${ties}`);
});

test('records identical in every content are interchangeable: with identifiers replaced by content, the results are byte-identical', async () => {
  // Twins: a second copy of every actor of the first tie group: same names, same places, same flows.
  const base = territory(11);
  const twins = base.actors.filter((a) => a.id.startsWith('tie0-'));
  const twinId = (id: string): string => `${id}-twin`;
  const input: AnalysisInput = {
    actors: [...base.actors, ...twins.map((a) => ({ ...a, id: twinId(a.id) }))],
    sites: [
      ...base.sites,
      ...base.sites.filter((s) => s.actorId.startsWith('tie0-')).map((s) => ({ ...s, id: twinId(s.id), actorId: twinId(s.actorId) })),
    ],
    flows: [
      ...base.flows,
      ...base.flows
        .filter((f) => f.actorId.startsWith('tie0-'))
        .map((f) => ({ ...f, id: twinId(f.id), siteId: twinId(f.siteId), actorId: twinId(f.actorId) })),
    ],
    needs: base.needs,
  };
  const content = new Map<string, string>();
  const names = new Map(input.actors.map((a) => [a.id, a.name]));
  for (const a of input.actors) content.set(a.id, `actor ${a.name}`);
  for (const s of input.sites) content.set(s.id, `site of ${names.get(s.actorId) ?? ''}`);
  for (const f of input.flows) content.set(f.id, `flow ${f.label}`);
  for (const n of input.needs) content.set(n.id, `need ${n.category} of ${names.get(n.actorId) ?? ''}`);
  const byContent = (result: AnalysisResult, original: ReadonlyMap<string, string> = new Map()): string =>
    JSON.stringify(result).replace(/id-[0-9a-f]{16}|[A-Za-z0-9-]+/g, (token) => content.get(original.get(token) ?? token) ?? token);
  const first = byContent(await analyse(input, options('co2')));
  for (const seed of [21, 22, 23]) {
    const { input: other, original } = reloaded(input, seededRandom(seed));
    assert.equal(byContent(await analyse(other, options('co2')), original), first, `reload ${seed}`);
  }
});

/** Where two texts first differ, with some of each around it: what a failure shows. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}:\n…${a.slice(Math.max(0, i - 300), i + 200)}\n…${b.slice(Math.max(0, i - 300), i + 200)}`;
}

test('a reference to an actor the input does not give keeps its identifier, in the result and in the explanation', async () => {
  const input = territory(3);
  const flow = input.flows.find((f) => f.actorId.startsWith('tie0-') && f.direction === 'input') as AnalysisInput['flows'][number];
  const unknown = 'not-among-the-actors';
  const given: AnalysisInput = { ...input, flows: input.flows.map((f) => (f === flow ? { ...f, actorId: unknown } : f)) };
  const result = await analyse(given, options('co2'));
  const s = result.synergies.find((x) => x.inputFlowId === flow.id);
  assert.ok(s);
  assert.equal(s.receiverActorId, unknown);
  assert.match(s.explanation.en, new RegExp(`at ${unknown},`));
});
