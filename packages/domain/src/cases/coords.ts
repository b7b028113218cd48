// Coordinates of case locations.
//
// Gongzhi stores WGS84 (what GPS and GeoJSON use, and what grid polygons are drawn in). Chinese
// map SDKs and phones often hand out shifted coordinates instead: GCJ-02 (国测局, used by AMap/
// 高德, Tencent and WeChat's location picker) or BD-09 (Baidu). The shift is a few hundred metres —
// enough to put a report in the neighbouring grid — so every incoming point is converted once,
// at the edge, with `toWgs84`.
import gcoord from 'gcoord';
import { invalid } from '../errors.ts';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_VALUES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

export interface LatLng {
  lat: number;
  lng: number;
}

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/** Finite numbers within the valid ranges of latitude and longitude. */
export function validLatLng(lat: unknown, lng: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180
  );
}

/**
 * Rough bounding box of China (the same one gcoord uses to decide whether to apply the GCJ-02
 * shift). It also contains parts of neighbouring countries: good for catching swapped lat/lng
 * or a point at (0, 0), not for deciding borders.
 */
export const CHINA_BBOX = { minLat: 0.8293, maxLat: 55.8271, minLng: 72.004, maxLng: 137.8347 } as const;

export function inChina(lat: number, lng: number): boolean {
  return (
    validLatLng(lat, lng) &&
    lat >= CHINA_BBOX.minLat &&
    lat <= CHINA_BBOX.maxLat &&
    lng >= CHINA_BBOX.minLng &&
    lng <= CHINA_BBOX.maxLng
  );
}

function convert(lat: number, lng: number, from: Crs, to: Crs): LatLng {
  if (!validLatLng(lat, lng)) throw invalid('invalid_coordinates', `坐标无效：${lat}, ${lng}`);
  if (from === to) return { lat, lng };
  // gcoord works in GeoJSON order: [lng, lat].
  const [outLng, outLat] = gcoord.transform<[number, number]>([lng, lat], GCOORD_CRS[from], GCOORD_CRS[to]);
  return { lat: outLat, lng: outLng };
}

/**
 * Convert a point given in `crs` to WGS84. WGS84 input passes through unchanged. Outside
 * China's rough bbox GCJ-02 is not shifted (by its definition, as gcoord implements it).
 */
export function toWgs84(lat: number, lng: number, crs: Crs): LatLng {
  return convert(lat, lng, crs, 'wgs84');
}

/** The inverse, for drawing our WGS84 points on an AMap (GCJ-02) or Baidu (BD-09) base map. */
export function fromWgs84(lat: number, lng: number, crs: Crs): LatLng {
  return convert(lat, lng, 'wgs84', crs);
}
