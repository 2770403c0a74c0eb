/**
 * A static index of points for k-nearest searches within a radius, built for the candidate stage
 * at the scale of a region (millions of flows): points sit in flat typed arrays, and distances
 * are compared through the haversine term h = sin²(θ/2) = chord² / 4, which grows with the
 * great-circle distance θ, so that the arc sine is taken only for the points kept.
 */

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function termToKm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function kmToTerm(km: number): number {
  const s = Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)));
  return s * s;
}

/** Points in radians with their latitude's cosine: what every distance below is computed from. */
export class PointSet {
  /** The points on the unit sphere (x towards 0° E, z towards the North Pole). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Latitudes and longitudes in radians, and the cosines of the latitudes. */
  constructor(
    readonly lat: Float64Array,
    readonly lon: Float64Array,
    readonly cos: Float64Array,
  ) {
    const n = lat.length;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = cos[i] as number;
      this.x[i] = c * Math.cos(lon[i] as number);
      this.y[i] = c * Math.sin(lon[i] as number);
      this.z[i] = Math.sin(lat[i] as number);
    }
  }
  static fromDegrees(latDeg: ArrayLike<number>, lonDeg: ArrayLike<number>): PointSet {
    const n = latDeg.length;
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    const cos = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lat[i] = (latDeg[i] as number) * RAD;
      lon[i] = (lonDeg[i] as number) * RAD;
      cos[i] = Math.cos(lat[i] as number);
    }
    return new PointSet(lat, lon, cos);
  }
  /** The points `from[index[i]]` (nothing where the index is negative), copied without rounding. */
  static gather(from: PointSet, index: Int32Array): PointSet {
    const n = index.length;
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    const cos = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = index[i] as number;
      if (j < 0) continue;
      lat[i] = from.lat[j] as number;
      lon[i] = from.lon[j] as number;
      cos[i] = from.cos[j] as number;
    }
    return new PointSet(lat, lon, cos);
  }
}

/**
 * The k best found so far, kept sorted: nearest first, ties by a rank given by the caller (so the
 * choice never depends on the order points were visited).
 */
export class NearestBuffer {
  readonly terms: Float64Array;
  readonly items: Int32Array;
  size = 0;
  constructor(
    readonly k: number,
    private readonly rank: (item: number) => number,
  ) {
    this.terms = new Float64Array(Math.max(1, k));
    this.items = new Int32Array(Math.max(1, k));
  }
  reset(): void {
    this.size = 0;
  }
  /** The largest term still worth looking at. */
  get worst(): number {
    return this.size === this.k ? (this.terms[this.k - 1] as number) : Infinity;
  }
  offer(term: number, item: number): void {
    const k = this.k;
    if (k === 0) return;
    if (this.size === k) {
      const w = this.terms[k - 1] as number;
      if (term > w || (term === w && this.rank(item) >= this.rank(this.items[k - 1] as number))) return;
    }
    let i = this.size < k ? this.size++ : k - 1;
    while (i > 0) {
      const t = this.terms[i - 1] as number;
      if (t < term || (t === term && this.rank(this.items[i - 1] as number) < this.rank(item))) break;
      this.terms[i] = t;
      this.items[i] = this.items[i - 1] as number;
      i--;
    }
    this.terms[i] = term;
    this.items[i] = item;
  }
}

/**
 * A k-d tree over points of a PointSet (say, the input flows of one resource), in 3-D coordinates
 * on the unit sphere, where the straight-line (chord) distance grows with the great-circle one:
 * h = chord² / 4. Built by median splits on the widest axis, so it stays balanced however
 * clustered the points are (establishments crowd into towns: a fixed grid would not).
 */
export class KdTree {
  /** While building, the PointSet's coordinates by point index; then this tree's, by position. */
  private x: Float64Array;
  private y: Float64Array;
  private z: Float64Array;
  /** Point indices (into the PointSet), arranged by the tree. */
  private readonly perm: Int32Array;
  /** Per node (heap numbering: children 2i+1, 2i+2), the split axis (0, 1, 2) or 3 for a leaf. */
  private readonly axis: Uint8Array;
  private readonly split: Float64Array;
  private static readonly LEAF = 8;

  constructor(points: PointSet, members: Int32Array) {
    const n = members.length;
    this.perm = Int32Array.from(members);
    this.x = points.x;
    this.y = points.y;
    this.z = points.z;
    let nodes = 1;
    while (nodes * KdTree.LEAF < n) nodes *= 2;
    this.axis = new Uint8Array(2 * nodes).fill(3);
    this.split = new Float64Array(2 * nodes);
    this.build(0, 0, n);
    // Coordinates copied in tree order: a leaf's points are then read from consecutive memory.
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const z = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const i = this.perm[j] as number;
      x[j] = points.x[i] as number;
      y[j] = points.y[i] as number;
      z[j] = points.z[i] as number;
    }
    this.x = x;
    this.y = y;
    this.z = z;
  }

  get size(): number {
    return this.perm.length;
  }

  private coord(axis: number, i: number): number {
    return axis === 0 ? (this.x[i] as number) : axis === 1 ? (this.y[i] as number) : (this.z[i] as number);
  }

  private build(node: number, lo: number, hi: number): void {
    if (hi - lo <= KdTree.LEAF) return;
    let best = 0;
    let widest = -1;
    for (let axis = 0; axis < 3; axis++) {
      let min = Infinity;
      let max = -Infinity;
      for (let j = lo; j < hi; j++) {
        const v = this.coord(axis, this.perm[j] as number);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widest) {
        widest = max - min;
        best = axis;
      }
    }
    const mid = (lo + hi) >> 1;
    this.select(best, lo, hi - 1, mid);
    this.axis[node] = best;
    this.split[node] = this.coord(best, this.perm[mid] as number);
    this.build(2 * node + 1, lo, mid);
    this.build(2 * node + 2, mid, hi);
  }

  /** Quickselect (Hoare): puts the k-th smallest along `axis` at k, smaller ones before it. */
  private select(axis: number, lo: number, hi: number, k: number): void {
    const perm = this.perm;
    while (hi > lo) {
      const pivot = this.coord(axis, perm[(lo + hi) >> 1] as number);
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (this.coord(axis, perm[i] as number) < pivot) i++;
        while (this.coord(axis, perm[j] as number) > pivot) j--;
        if (i <= j) {
          const t = perm[i] as number;
          perm[i] = perm[j] as number;
          perm[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /**
   * Fills `out` with the nearest points to point `q` of `queries` within `radiusKm`, leaving out
   * those `exclude` names. Terms are haversine terms (chord² / 4).
   */
  nearest(queries: PointSet, q: number, radiusKm: number, exclude: (item: number) => boolean, out: NearestBuffer): void {
    out.reset();
    if (this.perm.length === 0 || out.k === 0) return;
    this.search(
      0,
      0,
      this.perm.length,
      queries.x[q] as number,
      queries.y[q] as number,
      queries.z[q] as number,
      kmToTerm(radiusKm),
      exclude,
      out,
    );
  }

  private search(
    node: number,
    lo: number,
    hi: number,
    qx: number,
    qy: number,
    qz: number,
    maxTerm: number,
    exclude: (item: number) => boolean,
    out: NearestBuffer,
  ): void {
    const axis = this.axis[node] as number;
    if (axis === 3 || hi - lo <= KdTree.LEAF) {
      const x = this.x;
      const y = this.y;
      const z = this.z;
      const perm = this.perm;
      let worst = Math.min(maxTerm, out.worst);
      for (let j = lo; j < hi; j++) {
        const dx = (x[j] as number) - qx;
        const dy = (y[j] as number) - qy;
        const dz = (z[j] as number) - qz;
        const h = (dx * dx + dy * dy + dz * dz) / 4;
        if (h > worst) continue;
        const i = perm[j] as number;
        if (exclude(i)) continue;
        out.offer(h, i);
        worst = Math.min(maxTerm, out.worst);
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    const d = (axis === 0 ? qx : axis === 1 ? qy : qz) - (this.split[node] as number);
    const plane = (d * d) / 4;
    if (d < 0) {
      this.search(2 * node + 1, lo, mid, qx, qy, qz, maxTerm, exclude, out);
      if (plane <= maxTerm && plane <= out.worst) this.search(2 * node + 2, mid, hi, qx, qy, qz, maxTerm, exclude, out);
    } else {
      this.search(2 * node + 2, mid, hi, qx, qy, qz, maxTerm, exclude, out);
      if (plane <= maxTerm && plane <= out.worst) this.search(2 * node + 1, lo, mid, qx, qy, qz, maxTerm, exclude, out);
    }
  }
}

/** The haversine term between point `q` of one set and point `i` of another, through the chord. */
export function chordTerm(queries: PointSet, q: number, points: PointSet, i: number): number {
  const dx = (points.x[i] as number) - (queries.x[q] as number);
  const dy = (points.y[i] as number) - (queries.y[q] as number);
  const dz = (points.z[i] as number) - (queries.z[q] as number);
  return (dx * dx + dy * dy + dz * dz) / 4;
}
