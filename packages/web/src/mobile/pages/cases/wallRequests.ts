// What 回音壁's parts ask for on their first render, in one place without components: the parts fetch with these, and
// the server makes the same requests to draw the page with their answers (firstFrame.tsx, api/preload.ts), so the
// two lists cannot drift apart.
import type { FirstRequest } from '../../../api/preload.ts';
import { publicListsRequest } from '../../../api/property.ts';

/** Cases per page of the wall. */
export const WALL_PAGE = 10;
/** Decisions and projects the board shows. */
export const BOARD_SHOWN = 5;

/** A page of the wall's closed cases (`area`: the link's, or the whole district). */
export const wallPage = (area: string | undefined, page: number): FirstRequest => ({ path: '/api/wall', query: { area, page, pageSize: WALL_PAGE } });

/** The board's decisions, and its projects (per town, village or grid: none for a district-wide wall). */
export function wallBoardRequests(area: string | undefined): { decisions: FirstRequest; projects: FirstRequest | null } {
  return {
    decisions: { path: '/api/wall/decisions', query: { area, pageSize: BOARD_SHOWN } },
    projects: area && area.length >= 9 ? { path: '/api/projects/wall', query: { area } } : null,
  };
}

/** The community a resident reads reception days for: the page's `area`, else the signed-in user's own community. */
export function receptionArea(given: string | null, own: string | undefined): string | null {
  if (given && /^\d{12,}$/.test(given)) return given.slice(0, 12);
  return own && own.length >= 12 ? own.slice(0, 12) : null;
}

/** The community's next reception days, for the strip on the wall. */
export const receptionStripRequest = (area: string | null): FirstRequest | null => (area ? { path: '/api/reception-days/published', query: { area } } : null);

/**
 * What 回音壁's first render asks for, for a visitor without a session at `search`. A signed-in resident's page asks for
 * more once the session is known (the board and the strip then follow the resident's own area).
 */
export function wallFirstRequests(search: URLSearchParams): FirstRequest[] {
  const area = search.get('area') ?? undefined;
  const board = wallBoardRequests(area);
  return [wallPage(area, 1), receptionStripRequest(receptionArea(search.get('area'), undefined)), publicListsRequest, board.decisions, board.projects].filter(
    (r): r is FirstRequest => r !== null,
  );
}
