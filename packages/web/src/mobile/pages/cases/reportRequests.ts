// What 扫码上报 asks for on its first render, in one place without components (as wallRequests.ts for 回音壁): the page
// fetches with these, and the server makes the same requests to draw the page with their answers (firstFrame.tsx).
import type { FirstRequest } from '../../../api/preload.ts';

/** The area a scanned code names (`?area=`), if it is an area code at all. */
export const scannedArea = (param: string | null): string | null => (param && /^\d{6,20}$/.test(param) ? param : null);

/** The names of the place a report is for, shown in the page's head. */
export const placeRequest = (areaCode: string): FirstRequest => ({ path: `/api/public/areas/${areaCode}` });

/**
 * What the report page's first render asks for, for a visitor without a session at `search` (a signed-in resident
 * without a scanned code reports in their own area, known once the session is).
 */
export function reportFirstRequests(search: URLSearchParams): FirstRequest[] {
  const area = scannedArea(search.get('area'));
  return area ? [placeRequest(area)] : [];
}
