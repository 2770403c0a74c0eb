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

  /** `cellKm`: the side of a cell; about the search radius is best. */
  constructor(
    points: readonly Located<T>[],
    private readonly cellKm: number,
  ) {
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
