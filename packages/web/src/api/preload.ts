// Answers a page arrived with (docs/PERFORMANCE.md, "回音壁 drawn with its data"): the server renders 回音壁 at request
// time with the answers of the requests its first render makes, and puts those answers into the page as JSON
// (<script type="application/json" id="gz-preload">), so that the app's first render shows the same cards instead of
// an empty page that fills once its requests come back. They serve the app's first render only (as often as it asks:
// a render React starts again asks again); the phone app retires them once that render is on screen, and any later
// render asks the server as usual.
import { withQuery, type Query } from './client.ts';

export const PRELOAD_ELEMENT_ID = 'gz-preload';

let answers: Map<string, unknown> | undefined;

/** The server's render: the answers it fetched, by URL (`withQuery`'s form). */
export function providePreloaded(byUrl: Record<string, unknown>): void {
  answers = new Map(Object.entries(byUrl));
}

function read(): Map<string, unknown> {
  if (answers) return answers;
  answers = new Map();
  const el = typeof document === 'undefined' ? null : document.getElementById(PRELOAD_ELEMENT_ID);
  if (el?.textContent) {
    try {
      const parsed: unknown = JSON.parse(el.textContent);
      if (parsed && typeof parsed === 'object') answers = new Map(Object.entries(parsed));
    } catch {
      // a damaged page: every request goes to the server
    }
  }
  el?.remove();
  return answers;
}

/** Whether the page arrived drawn by the server with its answers (asked before the first render takes them). */
export const arrivedDrawn = (): boolean => typeof document !== 'undefined' && document.getElementById(PRELOAD_ELEMENT_ID) !== null;

/** The answer the page arrived with for `GET path?query`, until the app's first render is on screen. */
export const preloaded = <T,>(path: string, query?: Query): T | undefined => read().get(withQuery(path, query)) as T | undefined;

/** The app's first render is on screen: the answers have served. */
export function retirePreloaded(): void {
  answers = new Map();
}

/** A GET request a page's first render makes, named so that the server's render can make the same one. */
export interface FirstRequest {
  path: string;
  query?: Query;
}

export const requestUrl = (r: FirstRequest) => withQuery(r.path, r.query);
export const preloadedFor = <T,>(r: FirstRequest | null): T | undefined => (r ? preloaded<T>(r.path, r.query) : undefined);
