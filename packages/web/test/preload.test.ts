// The answers a page arrived with (api/preload.ts): found by the URL the app would request, with the query written as
// `withQuery` writes it, and gone once retired. And the requests 回音壁's and 扫码上报's first renders make, which the
// server makes for its render (wallRequests.ts, reportRequests.ts): what the components ask for, for the link's area.
import { afterEach, describe, expect, it } from 'vitest';
import { preloaded, preloadedFor, providePreloaded, requestUrl, retirePreloaded } from '../src/api/preload.ts';
import { wallFirstRequests } from '../src/mobile/pages/cases/wallRequests.ts';
import { reportFirstRequests, scannedArea } from '../src/mobile/pages/cases/reportRequests.ts';

afterEach(() => retirePreloaded());

describe('answers a page arrived with', () => {
  it('are found by the URL of the request, empty query values left out as the client leaves them out', () => {
    providePreloaded({ '/api/wall?area=320614103001&page=1&pageSize=10': { total: 3 }, '/api/property/lists': { year: 2025 } });
    expect(preloaded('/api/wall', { area: '320614103001', page: 1, pageSize: 10 })).toEqual({ total: 3 });
    expect(preloadedFor({ path: '/api/property/lists', query: { year: undefined } })).toEqual({ year: 2025 });
    expect(preloaded('/api/wall', { area: '320614103001', page: 2, pageSize: 10 })).toBeUndefined();
    expect(preloadedFor(null)).toBeUndefined();
  });

  it('serve until retired, then every request goes to the server', () => {
    providePreloaded({ '/api/property/lists': { year: 2025 } });
    expect(preloaded('/api/property/lists')).toEqual({ year: 2025 });
    expect(preloaded('/api/property/lists')).toEqual({ year: 2025 });
    retirePreloaded();
    expect(preloaded('/api/property/lists')).toBeUndefined();
  });
});

describe('回音壁’s first requests', () => {
  it('for a community’s link: its cases, reception days, decisions and projects, and the red and black lists', () => {
    expect(wallFirstRequests(new URLSearchParams('area=320614103001')).map(requestUrl).sort()).toEqual(
      [
        '/api/wall?area=320614103001&page=1&pageSize=10',
        '/api/reception-days/published?area=320614103001',
        '/api/property/lists',
        '/api/wall/decisions?area=320614103001&pageSize=5',
        '/api/projects/wall?area=320614103001',
      ].sort(),
    );
  });

  it('without an area: the whole district’s cases and decisions, no reception days or projects (they need an area)', () => {
    expect(wallFirstRequests(new URLSearchParams('')).map(requestUrl).sort()).toEqual(['/api/property/lists', '/api/wall/decisions?pageSize=5', '/api/wall?page=1&pageSize=10']);
  });

  it('for a building’s code: reception days of its community, projects of the building', () => {
    const urls = wallFirstRequests(new URLSearchParams('area=320614103001001001')).map(requestUrl);
    expect(urls).toContain('/api/reception-days/published?area=320614103001');
    expect(urls).toContain('/api/projects/wall?area=320614103001001001');
  });
});

describe('扫码上报’s first requests', () => {
  it('for a scanned code: the names of its place', () => {
    expect(reportFirstRequests(new URLSearchParams('area=320614103001001')).map(requestUrl)).toEqual(['/api/public/areas/320614103001001']);
  });

  it('none without a code or for anything that is not an area code (the page then names no place)', () => {
    for (const q of ['', 'area=', 'area=32061', 'area=3206141030010010011234', 'area=../cases', 'area=320614%2F1']) {
      expect(reportFirstRequests(new URLSearchParams(q)), q).toEqual([]);
    }
    expect(scannedArea('320614')).toBe('320614');
    expect(scannedArea(null)).toBeNull();
  });
});
