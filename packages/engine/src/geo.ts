import proj4 from 'proj4';

/** A point in WGS84 (EPSG:4326), decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A point in RGF93 / Lambert-93 (EPSG:2154), metres. */
export interface Lambert93 {
  x: number;
  y: number;
}

// EPSG:2154 definition as published in the EPSG registry (proj4 string form).
const LAMBERT93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const converter = proj4(LAMBERT93, 'WGS84');

export function lambert93ToWgs84(point: Lambert93): LatLon {
  const [lon, lat] = converter.forward([point.x, point.y]);
  if (lon === undefined || lat === undefined) throw new Error('projection failed');
  return { lat, lon };
}

export function wgs84ToLambert93(point: LatLon): Lambert93 {
  const [x, y] = converter.inverse([point.lon, point.lat]);
  if (x === undefined || y === undefined) throw new Error('projection failed');
  return { x, y };
}

/**
 * Bounding boxes of France (metropolitan France with Corsica, and each overseas territory),
 * generous by a few kilometres. Used to reject coordinates that cannot be French, such as
 * swapped latitude and longitude.
 */
const FRANCE_BOXES: readonly { name: string; minLat: number; maxLat: number; minLon: number; maxLon: number }[] = [
  { name: 'metropole', minLat: 41.3, maxLat: 51.15, minLon: -5.3, maxLon: 9.6 },
  { name: 'guadeloupe', minLat: 15.8, maxLat: 16.55, minLon: -61.85, maxLon: -60.95 },
  { name: 'martinique', minLat: 14.35, maxLat: 14.9, minLon: -61.25, maxLon: -60.8 },
  { name: 'guyane', minLat: 2.1, maxLat: 5.8, minLon: -54.65, maxLon: -51.6 },
  { name: 'reunion', minLat: -21.4, maxLat: -20.85, minLon: 55.2, maxLon: 55.85 },
  { name: 'mayotte', minLat: -13.05, maxLat: -12.6, minLon: 44.95, maxLon: 45.35 },
  { name: 'saint-pierre-et-miquelon', minLat: 46.7, maxLat: 47.15, minLon: -56.45, maxLon: -56.1 },
  { name: 'saint-barthelemy-saint-martin', minLat: 17.85, maxLat: 18.15, minLon: -63.2, maxLon: -62.75 },
  { name: 'wallis-et-futuna', minLat: -14.4, maxLat: -13.15, minLon: -178.25, maxLon: -176.1 },
  { name: 'polynesie', minLat: -27.9, maxLat: -7.8, minLon: -154.8, maxLon: -134.4 },
  { name: 'nouvelle-caledonie', minLat: -22.9, maxLat: -19.5, minLon: 163.5, maxLon: 168.2 },
];

export function isInFrance(point: LatLon): boolean {
  return FRANCE_BOXES.some((b) => point.lat >= b.minLat && point.lat <= b.maxLat && point.lon >= b.minLon && point.lon <= b.maxLon);
}

const EARTH_RADIUS_M = 6_371_008.8; // IUGG mean Earth radius

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: LatLon, b: LatLon): number {
  const toRad = (d: number): number => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
