// Service points and the 15-minute service circle (“15分钟”服务圈, `000` 二(二)2): the community's party and
// community service centre at the centre, grid stations, neighbourhood centres and building party groups as
// its supports. Walking time is an estimate: the straight-line distance times a detour factor, walked at
// 4.5 km/h. It is not a route over the street network, and the screens say so.
import { haversineMetres } from '../cases/similarity.ts';

export const SERVICE_POINT_KINDS = [
  { code: 'service-centre', zh: '党群服务中心', en: 'Party and community service centre' },
  { code: 'grid-station', zh: '网格驿站', en: 'Grid station' },
  { code: 'neighbourhood-centre', zh: '邻里中心', en: 'Neighbourhood centre' },
  { code: 'building-group', zh: '楼栋（宅上）党小组', en: 'Building party group' },
  { code: 'clinic', zh: '卫生服务站', en: 'Clinic' },
  { code: 'love-supermarket', zh: '爱心超市', en: 'Love supermarket' },
  { code: 'elderly-care', zh: '养老服务站', en: 'Elderly care station' },
  { code: 'self-service', zh: '24小时自助服务区', en: '24-hour self-service area' },
  { code: 'other', zh: '其他服务点', en: 'Other service point' },
] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number]['code'];
export const SERVICE_POINT_KIND_CODES = SERVICE_POINT_KINDS.map((k) => k.code) as [ServicePointKind, ...ServicePointKind[]];

/** Walking speed used for the estimate: 4.5 km/h, i.e. 75 m a minute. */
export const WALK_METRES_PER_MINUTE = 4500 / 60;
/** Streets are not straight lines: the straight-line distance is lengthened by this factor. */
export const DETOUR_FACTOR = 1.3;
/** The service circle: what lies within 15 minutes' walk of home (`000` 二(二)2). */
export const SERVICE_CIRCLE_MINUTES = 15;

/** Estimated walking minutes for a straight-line distance in metres (rounded up to whole minutes). */
export function walkingMinutes(straightMetres: number): number {
  if (!Number.isFinite(straightMetres) || straightMetres <= 0) return 0;
  return Math.ceil((straightMetres * DETOUR_FACTOR) / WALK_METRES_PER_MINUTE - 1e-9);
}

/** The straight-line radius that the circle reaches: 15 min × 75 m/min ÷ 1.3 ≈ 865 m. */
export const SERVICE_CIRCLE_STRAIGHT_METRES = (SERVICE_CIRCLE_MINUTES * WALK_METRES_PER_MINUTE) / DETOUR_FACTOR;

export interface LatLngPoint {
  lat: number;
  lng: number;
}

/** Points with their straight-line distance and walking estimate from home, nearest first, within `minutes`. */
export function withinWalk<T extends LatLngPoint>(home: LatLngPoint, points: readonly T[], minutes = SERVICE_CIRCLE_MINUTES): (T & { metres: number; walkMinutes: number })[] {
  return points
    .map((p) => {
      const metres = Math.round(haversineMetres(home, p));
      return { ...p, metres, walkMinutes: walkingMinutes(metres) };
    })
    .filter((p) => p.walkMinutes <= minutes)
    .sort((a, b) => a.metres - b.metres);
}
