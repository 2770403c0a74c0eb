/**
 * A grid of points in latitude/longitude cells, to find the points within a distance of another
 * without comparing every pair. Distances are great-circle (haversine).
 */
import { distanceMetres, type LatLon } from '../geo.js';

const KM_PER_DEGREE_LAT = 111.2;

export interface Located<T> {
  item: T;
  at: LatLon;
}

export class PointGrid<T> {
  private readonly cells = new Map<string, Located<T>[]>();
  private readonly all: readonly Located<T>[];

  /** `cellKm`: the side of a cell; about the search radius is best. */
  constructor(
    points: readonly Located<T>[],
    private readonly cellKm: number,
  ) {
    this.all = points;
    for (const p of points) {
      const key = this.key(this.row(p.at.lat), this.col(p.at.lon));
      const list = this.cells.get(key);
      if (list) list.push(p);
      else this.cells.set(key, [p]);
    }
  }

  private get cellDeg(): number {
    return this.cellKm / KM_PER_DEGREE_LAT;
  }
  private row(lat: number): number {
    return Math.floor(lat / this.cellDeg);
  }
  private col(lon: number): number {
    return Math.floor(lon / this.cellDeg);
  }
  private key(r: number, c: number): string {
    return `${r}:${c}`;
  }

  /**
   * The k nearest points within `radiusKm` of `at` that `accept` lets through, nearest first, ties
   * in `order`. Cells are visited ring by ring outwards, and the search stops as soon as no unseen
   * cell can hold a point nearer than the k-th found: with a wide radius, most cells are never seen.
   */
  nearest(at: LatLon, radiusKm: number, k: number, accept: (item: T) => boolean, order: (a: T, b: T) => number): { item: T; km: number }[] {
    if (k <= 0) return [];
    const r0 = this.row(at.lat);
    const c0 = this.col(at.lon);
    const dLat = radiusKm / KM_PER_DEGREE_LAT;
    const poleward = Math.min(89, Math.abs(at.lat) + dLat);
    // The narrowest side of a cell in km (longitude cells shrink towards the pole).
    const minSideKm = this.cellKm * Math.cos((poleward * Math.PI) / 180);
    const maxRing = Math.ceil(radiusKm / minSideKm) + 1;
    const best: { item: T; km: number }[] = [];
    const better = (a: { item: T; km: number }, b: { item: T; km: number }): boolean =>
      a.km < b.km || (a.km === b.km && order(a.item, b.item) < 0);
    const consider = (p: Located<T>): void => {
      if (!accept(p.item)) return;
      const km = distanceMetres(at, p.at) / 1000;
      if (km > radiusKm) return;
      const entry = { item: p.item, km };
      if (best.length === k && !better(entry, best[k - 1] as { item: T; km: number })) return;
      let i = best.length;
      while (i > 0 && better(entry, best[i - 1] as { item: T; km: number })) i--;
      best.splice(i, 0, entry);
      if (best.length > k) best.pop();
    };
    // When the radius spans more cells than there are points, reading every point is cheaper.
    if ((2 * maxRing + 1) ** 2 > 2 * this.all.length) {
      for (const p of this.all) consider(p);
      return best;
    }
    for (let ring = 0; ring <= maxRing; ring++) {
      // No point of this ring is nearer than (ring - 1) cell sides.
      const ringMinKm = Math.max(0, ring - 1) * minSideKm;
      if (ringMinKm > radiusKm) break;
      if (best.length === k && ringMinKm > (best[k - 1] as { km: number }).km) break;
      for (let dr = -ring; dr <= ring; dr++) {
        const onEdge = Math.abs(dr) === ring;
        for (let dc = -ring; dc <= ring; dc += onEdge ? 1 : 2 * ring) {
          const list = this.cells.get(this.key(r0 + dr, c0 + dc));
          if (list) for (const p of list) consider(p);
          if (ring === 0) break;
        }
      }
    }
    return best;
  }

  /** Every point within `radiusKm` of `at`, with its distance, in no particular order. */
  within(at: LatLon, radiusKm: number): { point: Located<T>; km: number }[] {
    const dLat = radiusKm / KM_PER_DEGREE_LAT;
    // Longitude degrees shrink with latitude: widen the search to the most poleward latitude covered.
    const poleward = Math.min(89, Math.abs(at.lat) + dLat);
    const dLon = radiusKm / (KM_PER_DEGREE_LAT * Math.cos((poleward * Math.PI) / 180));
    const out: { point: Located<T>; km: number }[] = [];
    const r0 = this.row(at.lat - dLat);
    const r1 = this.row(at.lat + dLat);
    const c0 = this.col(at.lon - dLon);
    const c1 = this.col(at.lon + dLon);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = this.cells.get(this.key(r, c));
        if (!list) continue;
        for (const p of list) {
          const km = distanceMetres(at, p.at) / 1000;
          if (km <= radiusKm) out.push({ point: p, km });
        }
      }
    }
    return out;
  }
}
