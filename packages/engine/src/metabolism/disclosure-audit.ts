/**
 * The audit behind statistical disclosure control (`disclosure.ts`, docs/metabolism.md, "Secret
 * statistique"). Figures are linear forms over elementary cells: a cell holds what one combination
 * of classifications (layer, direction, family, origin or destination, partner, resource…) gathers,
 * and knows how much each actor put in it; aggregates entered by the facilitator go to public cells,
 * which readers may know. A figure's confidential part is what its confidential cells add up to.
 *
 * 1. Primary suppression: a figure whose confidential part rests on fewer than `minActors` distinct
 *    actors (with a positive quantity), or of which one actor gives more than `dominanceShare`, is
 *    withheld.
 * 2. Complementary suppression: the figures shown must not let anyone compute exactly (by any linear
 *    combination: totals minus parts, rows against columns…) a combination of cells that rests on
 *    fewer than `minActors` actors — in particular no withheld figure, no cell of one or two actors,
 *    and nothing one of two contributors could subtract its own share from to get the other's — nor a
 *    figure or cell withheld by the dominance rule. While something can be, the smallest figure the
 *    computation uses is withheld too, and the check starts again.
 *
 * Exact linear algebra: coefficients are small integers (sums and differences of cells), eliminated
 * without fractions and kept exact in safe integers; if they ever outgrow them, or the search grows
 * beyond its budget, the audit fails safe and withholds every figure that rests on any actor.
 */
import { ExactSum } from './exact-sum.js';

export type SuppressionReason = 'too_few_actors' | 'dominance' | 'complementary';

export interface AuditRules {
  /** A figure resting on fewer distinct actors than this is withheld. */
  minActors: number;
  /** A figure one actor gives more than this share (0–1) of is withheld; null: no dominance rule. */
  dominanceShare: number | null;
}

/** A combination of figures: each figure's key and an integer coefficient. */
export type Parts = readonly (readonly [key: string, coefficient: number])[];

export interface Audit {
  /**
   * Why a figure is withheld, or null when it may be shown. For a published figure, its status; for
   * any other figure (the numerator of a share…), null when the published figures determine it, so
   * that showing it tells nothing more.
   */
  reason(key: string): SuppressionReason | null;
  /** False when the audit failed safe (see above): every figure resting on an actor is withheld. */
  readonly complete: boolean;
}

interface Cell {
  total: ExactSum;
  /** null: a public cell (aggregates, or flows whose quantity is public). */
  actors: Map<string, ExactSum> | null;
}

type Vec = Map<number, number>;

/** Thrown when exact integer arithmetic would leave the safe integers, or the search its budget. */
class AuditLimit extends Error {}

/** How many candidate groups of actors the complementary search may examine per round. */
const GROUP_BUDGET = 400_000;

export class Ledger {
  private readonly cellIndex = new Map<string, number>();
  private readonly cells: Cell[] = [];
  /** Figure key → confidential or public cell index → coefficient. */
  private readonly figures = new Map<string, Vec>();

  /**
   * Adds a quantity of one actor (null: public) to the elementary cell `cell`. `figures` lists the
   * figures the cell counts in; it is read when the cell is first met (a cell always counts in the
   * same figures).
   */
  add(cell: string, actor: string | null, value: number, figures: () => readonly string[]): void {
    const key = `${actor === null ? 'p' : 'c'}${cell}`;
    let i = this.cellIndex.get(key);
    if (i === undefined) {
      i = this.cells.length;
      this.cellIndex.set(key, i);
      this.cells.push({ total: new ExactSum(), actors: actor === null ? null : new Map() });
      for (const f of figures()) {
        let terms = this.figures.get(f);
        if (!terms) this.figures.set(f, (terms = new Map()));
        terms.set(i, (terms.get(i) ?? 0) + 1);
      }
    }
    const c = this.cells[i] as Cell;
    c.total.add(value);
    if (actor !== null && c.actors) {
      let s = c.actors.get(actor);
      if (!s) c.actors.set(actor, (s = new ExactSum()));
      s.add(value);
    }
  }

  /** Defines a figure as a combination of figures (unknown ones are empty: zero). Once defined, kept. */
  define(key: string, parts: Parts): void {
    if (this.figures.has(key)) return;
    const terms: Vec = new Map();
    for (const [k, coefficient] of parts) {
      for (const [i, x] of this.figures.get(k) ?? []) addTo(terms, i, coefficient * x);
    }
    this.figures.set(key, terms);
  }

  has(key: string): boolean {
    return this.figures.has(key);
  }

  /** A figure's value from the cells, and the sum of the magnitudes it adds (to judge rounding). */
  value(key: string): { value: number; magnitude: number } {
    const s = new ExactSum();
    const m = new ExactSum();
    for (const [i, c] of this.figures.get(key) ?? []) {
      const v = (this.cells[i] as Cell).total.value();
      s.add(c * v);
      m.add(Math.abs(c * v));
    }
    return { value: s.value(), magnitude: m.value() };
  }

  /**
   * Runs primary and complementary suppression over the figures published (the others can still be
   * asked about: `reason` says whether the published ones determine them).
   */
  audit(published: Iterable<string>, rules: AuditRules): Audit {
    return new Auditor(this.cells, this.figures, published, rules);
  }
}

function addTo(v: Vec, i: number, x: number): void {
  const y = (v.get(i) ?? 0) + x;
  if (y === 0) v.delete(i);
  else v.set(i, y);
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** a·x + b·y, in safe integers. */
function combine(a: number, x: Vec, b: number, y: Vec): Vec {
  const out: Vec = new Map();
  for (const [i, v] of x) out.set(i, a * v);
  for (const [i, v] of y) {
    const z = (out.get(i) ?? 0) + b * v;
    if (z === 0) out.delete(i);
    else out.set(i, z);
  }
  for (const z of out.values()) if (!Number.isSafeInteger(z)) throw new AuditLimit('coefficients outgrew the safe integers');
  return out;
}

/** A row of an echelon form: its entries over cells, and the combination of inserted items it is. */
interface Row {
  cols: Vec;
  combo: Vec;
  pivot: number;
}

/** Divides a row's entries and combination by their common divisor. */
function normalize(r: { cols: Vec; combo: Vec }): void {
  let g = 0;
  for (const v of r.cols.values()) g = gcd(g, v);
  for (const v of r.combo.values()) g = gcd(g, v);
  if (g <= 1) return;
  for (const [i, v] of r.cols) r.cols.set(i, v / g);
  for (const [i, v] of r.combo) r.combo.set(i, v / g);
}

/** t ← a·t − b·s, where a = s[col] and b = t[col]: t loses its entry at col. */
function eliminate(t: { cols: Vec; combo: Vec }, s: Row, col: number): void {
  const a = s.cols.get(col) as number;
  const b = t.cols.get(col) as number;
  const g = gcd(a, b);
  t.cols = combine(a / g, t.cols, -b / g, s.cols);
  t.combo = combine(a / g, t.combo, -b / g, s.combo);
  normalize(t);
}

/**
 * A reduced row echelon form, built one vector at a time: every pivot column is zero in the other
 * rows. Pivots are taken first among the columns `late` says false for, so that the rows whose pivot
 * is a late column have nothing but late columns: they span the vectors of the row space that lie
 * on the late columns only.
 */
class Echelon {
  readonly rows: Row[] = [];
  private readonly byPivot = new Map<number, Row>();

  constructor(private readonly late: (col: number) => boolean = () => false) {}

  /** Inserts a vector tagged `id`; returns null, or the combination of ids it depends on (id included). */
  insert(cols: Vec, id: number): Vec | null {
    const r = { cols: new Map(cols), combo: new Map([[id, 1]]), pivot: -1 };
    this.reduceInPlace(r);
    if (r.cols.size === 0) return r.combo;
    let best = -1;
    let bestLate = true;
    for (const c of r.cols.keys()) {
      const l = this.late(c);
      if (best < 0 || (!l && bestLate) || (l === bestLate && c < best)) {
        best = c;
        bestLate = l;
      }
    }
    r.pivot = best;
    for (const row of this.rows) if (row.cols.has(best)) eliminate(row, r, best);
    this.rows.push(r);
    this.byPivot.set(best, r);
    return null;
  }

  /** What is left of a vector once the rows are taken out, and the combination of ids used. */
  reduce(cols: Vec): { cols: Vec; combo: Vec } {
    const t = { cols: new Map(cols), combo: new Map<number, number>() };
    this.reduceInPlace(t);
    return t;
  }

  private reduceInPlace(t: { cols: Vec; combo: Vec }): void {
    // Rows are zero at the other pivots: taking one out brings in no pivot column.
    for (const c of [...t.cols.keys()]) {
      const p = this.byPivot.get(c);
      if (p !== undefined && t.cols.has(c)) eliminate(t, p, c);
    }
  }
}

interface Form {
  cols: Vec;
  keys: string[];
  /** The confidential quantity at stake (to withhold the smallest figures first). */
  size: number;
  primary: SuppressionReason | null;
}

class Auditor implements Audit {
  complete = true;
  private readonly formOf = new Map<string, number>();
  private readonly forms: Form[] = [];
  private readonly withheld = new Map<number, SuppressionReason>();
  private readonly derived = new Map<string, SuppressionReason | null>();
  private readonly publishedKeys: Set<string>;
  /** Positive contributions per actor, for each confidential cell with a positive total. */
  private readonly contributions: (Map<string, number> | null)[];
  /** For each such cell: how many actors, the largest contribution and the total of contributions. */
  private readonly summaries: ({ actors: number; max: number; total: number } | null)[];
  private echelon: Echelon = new Echelon();

  constructor(
    private readonly cells: readonly Cell[],
    private readonly figures: ReadonlyMap<string, Vec>,
    published: Iterable<string>,
    private readonly rules: AuditRules,
  ) {
    this.contributions = cells.map((c) => {
      if (!c.actors) return null;
      const m = new Map<string, number>();
      for (const [a, s] of c.actors) {
        const v = s.value();
        if (v > 0) m.set(a, v);
      }
      return m.size > 0 ? m : null;
    });
    this.summaries = this.contributions.map((m) => {
      if (!m) return null;
      let max = 0;
      let total = 0;
      for (const v of m.values()) {
        total += v;
        if (v > max) max = v;
      }
      return { actors: m.size, max, total };
    });
    this.publishedKeys = new Set(published);
    const bySignature = new Map<string, number>();
    for (const key of this.publishedKeys) {
      const cols = this.confidential(key);
      if (cols.size === 0) continue;
      const signature = signatureOf(cols);
      let f = bySignature.get(signature);
      if (f === undefined) {
        f = this.forms.length;
        bySignature.set(signature, f);
        this.forms.push({ cols, keys: [], size: Math.abs(this.size(cols)), primary: this.primary(cols) });
      }
      (this.forms[f] as Form).keys.push(key);
      this.formOf.set(key, f);
    }
    this.forms.forEach((f, i) => {
      if (f.primary) this.withheld.set(i, f.primary);
    });
    try {
      this.complementary();
    } catch (e) {
      if (!(e instanceof AuditLimit)) throw e;
      this.complete = false;
      this.forms.forEach((f, i) => {
        if (!this.withheld.has(i)) this.withheld.set(i, 'complementary');
      });
      this.echelon = new Echelon();
    }
  }

  reason(key: string): SuppressionReason | null {
    if (this.publishedKeys.has(key)) {
      const f = this.formOf.get(key);
      return f === undefined ? null : (this.withheld.get(f) ?? null);
    }
    if (this.derived.has(key)) return this.derived.get(key) ?? null;
    const cols = this.confidential(key);
    let reason: SuppressionReason | null = null;
    if (cols.size > 0) {
      const determined = this.complete && this.echelon.reduce(cols).cols.size === 0;
      if (!determined) reason = this.primary(cols) ?? 'complementary';
    }
    this.derived.set(key, reason);
    return reason;
  }

  /** The figure's terms on confidential cells with a positive total. */
  private confidential(key: string): Vec {
    const out: Vec = new Map();
    for (const [i, c] of this.figures.get(key) ?? []) if (this.contributions[i]) out.set(i, c);
    return out;
  }

  private size(cols: Vec): number {
    const s = new ExactSum();
    for (const [i, c] of cols) s.add(c * (this.cells[i] as Cell).total.value());
    return s.value();
  }

  /** Primary suppression: too few actors, or one dominating. */
  private primary(cols: Vec): SuppressionReason | null {
    // Fast path for large figures: enough actors in one cell, and no actor able to dominate even
    // if it held the largest share of every cell.
    const share = this.rules.dominanceShare;
    let enough = false;
    let bound = 0;
    let total = 0;
    for (const [i, c] of cols) {
      const s = this.summaries[i];
      if (!s) continue;
      if (s.actors >= this.rules.minActors) enough = true;
      bound += Math.abs(c) * s.max;
      total += Math.abs(c) * s.total;
    }
    if (enough && (share === null || bound <= share * total * (1 - 1e-12))) return null;
    const weights = new Map<string, number>();
    for (const [i, c] of cols) {
      for (const [a, v] of this.contributions[i] ?? []) weights.set(a, (weights.get(a) ?? 0) + Math.abs(c) * v);
    }
    if (weights.size === 0) return null;
    if (weights.size < this.rules.minActors) return 'too_few_actors';
    if (share !== null) {
      let total = 0;
      let max = 0;
      for (const w of weights.values()) {
        total += w;
        if (w > max) max = w;
      }
      if (max > share * total) return 'dominance';
    }
    return null;
  }

  private complementary(): void {
    const m = this.rules.minActors;
    // Cells of fewer than minActors actors (the only ones a small group's combination can lie on),
    // with their actors; and the cells and withheld figures the dominance rule protects.
    const small = new Map<number, string[]>();
    const dominated: Vec[] = [];
    this.contributions.forEach((c, i) => {
      if (!c) return;
      if (c.size < m) small.set(i, [...c.keys()].sort());
      else if (this.primary(new Map([[i, 1]])) === 'dominance') dominated.push(new Map([[i, 1]]));
    });
    this.forms.forEach((f) => {
      if (f.primary === 'dominance') dominated.push(f.cols);
    });

    for (;;) {
      const echelon = new Echelon((col) => small.has(col));
      this.forms.forEach((f, i) => {
        if (!this.withheld.has(i)) echelon.insert(f.cols, i);
      });
      this.echelon = echelon;
      const leaks: Vec[] = [...this.smallGroupLeaks(echelon, small)];
      for (const t of dominated) {
        const r = echelon.reduce(t);
        if (r.cols.size === 0) leaks.push(r.combo);
      }
      if (leaks.length === 0) break;
      for (const combo of leaks) {
        // Withhold the smallest figure the computation uses (ties: the first key).
        let pick = -1;
        for (const f of combo.keys()) {
          if (this.withheld.has(f)) {
            pick = -1;
            break;
          }
          const a = this.forms[f] as Form;
          const b = this.forms[pick] as Form | undefined;
          if (!b || a.size < b.size || (a.size === b.size && (a.keys[0] as string) < (b.keys[0] as string))) pick = f;
        }
        if (pick >= 0) this.withheld.set(pick, 'complementary');
      }
    }

    // A figure withheld to protect others but that the shown ones determine anyway is shown.
    this.forms.forEach((f, i) => {
      if (this.withheld.get(i) === 'complementary' && this.echelon.reduce(f.cols).cols.size === 0) this.withheld.delete(i);
    });
  }

  /**
   * Combinations of published figures that lie on the cells of a group of fewer than minActors
   * actors (what such a group, or one of its members, could learn of the others): one per group.
   * Such a combination lies on small cells only, so it is spanned by the echelon rows whose pivot is
   * a small cell; its nonzero pivots are cells of the group. Groups are grown from each row's pivot
   * actors by actors of other pivots or of the rows already in reach (see docs/metabolism.md).
   */
  private *smallGroupLeaks(echelon: Echelon, small: ReadonlyMap<number, string[]>): Generator<Vec> {
    const m = this.rules.minActors;
    const rows = echelon.rows.filter((r) => small.has(r.pivot));
    if (rows.length === 0) return;
    const setKey = (actors: readonly string[]): string => JSON.stringify([...actors].sort());
    const byPivotSet = new Map<string, Row[]>();
    const pivotActors = new Set<string>();
    for (const r of rows) {
      const actors = small.get(r.pivot) as string[];
      const k = setKey(actors);
      let list = byPivotSet.get(k);
      if (!list) byPivotSet.set(k, (list = []));
      list.push(r);
      for (const a of actors) pivotActors.add(a);
    }
    const rowsWithin = (group: readonly string[]): Row[] => {
      const out: Row[] = [];
      const n = group.length;
      for (let mask = 1; mask < 1 << n; mask++) {
        const subset = group.filter((_, i) => (mask & (1 << i)) !== 0);
        out.push(...(byPivotSet.get(setKey(subset)) ?? []));
      }
      return out;
    };
    const seen = new Set<string>();
    let examined = 0;
    const stack: string[][] = [...byPivotSet.keys()].map((k) => JSON.parse(k) as string[]);
    while (stack.length > 0) {
      const group = stack.pop() as string[];
      const key = setKey(group);
      if (seen.has(key) || group.length >= m) continue;
      seen.add(key);
      if (++examined > GROUP_BUDGET) throw new AuditLimit('too many groups of actors to examine');
      const members = new Set(group);
      const within = rowsWithin(group);
      const inGroup = (col: number): boolean => (small.get(col) ?? [null]).every((a) => a !== null && members.has(a));
      // A combination of these rows that vanishes outside the group's cells.
      const local = new Echelon();
      for (let i = 0; i < within.length; i++) {
        const outside: Vec = new Map();
        for (const [c, v] of (within[i] as Row).cols) if (!inGroup(c)) outside.set(c, v);
        const dependency = local.insert(outside, i);
        if (dependency) {
          let combo: Vec = new Map();
          for (const [j, c] of dependency) combo = combine(1, combo, c, (within[j] as Row).combo);
          if (combo.size > 0) {
            yield combo;
            break;
          }
        }
      }
      if (group.length + 1 >= m) continue;
      const grow = new Set(pivotActors);
      for (const r of within) for (const c of r.cols.keys()) for (const a of small.get(c) ?? []) grow.add(a);
      for (const a of grow) if (!members.has(a)) stack.push([...group, a]);
    }
  }
}

function signatureOf(cols: Vec): string {
  const entries = [...cols.entries()].sort((a, b) => a[0] - b[0]);
  let g = 0;
  for (const [, v] of entries) g = gcd(g, v);
  const sign = (entries[0]?.[1] ?? 1) < 0 ? -1 : 1;
  return entries.map(([i, v]) => `${i}:${(sign * v) / g}`).join(',');
}
