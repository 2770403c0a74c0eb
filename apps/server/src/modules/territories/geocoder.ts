/**
 * Geocoding of sites that have an address but no coordinates, through the national address
 * service (Base Adresse Nationale: api-adresse.data.gouv.fr, or a self-hosted addok with the same
 * API), when `BOUCLES_GEOCODER_URL` is set. A site that cannot be placed stays "not located":
 * never a made-up point.
 */
import type { LatLon } from '@boucles/engine';

export interface GeocodeResult {
  location: LatLon;
  score: number;
  label: string;
}

export interface Geocoder {
  /** A point for the address in that commune, or null when the service finds none good enough. Throws when unreachable. */
  geocode(address: string, communeCode: string): Promise<GeocodeResult | null>;
}

/** Below this BAN score the match is too doubtful to place a site with (BAN scores go from 0 to 1). */
export const MIN_SCORE = 0.5;

interface BanFeature {
  geometry?: { coordinates?: [number, number] };
  properties?: { score?: number; citycode?: string; label?: string };
}

export class BanGeocoder implements Geocoder {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {}

  async geocode(address: string, communeCode: string): Promise<GeocodeResult | null> {
    const url = new URL('search/', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.searchParams.set('q', address);
    url.searchParams.set('citycode', communeCode);
    url.searchParams.set('limit', '1');
    const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
    const body = (await response.json()) as { features?: BanFeature[] };
    const best = body.features?.[0];
    const [lon, lat] = best?.geometry?.coordinates ?? [];
    const score = best?.properties?.score ?? 0;
    if (lon === undefined || lat === undefined || score < MIN_SCORE) return null;
    if (best?.properties?.citycode && best.properties.citycode !== communeCode) return null;
    return { location: { lat, lon }, score, label: best?.properties?.label ?? '' };
  }
}

export function geocoderFromEnv(env: NodeJS.ProcessEnv = process.env): Geocoder | undefined {
  return env.BOUCLES_GEOCODER_URL ? new BanGeocoder(env.BOUCLES_GEOCODER_URL) : undefined;
}
