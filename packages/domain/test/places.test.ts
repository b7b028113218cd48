import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  generateCommunityPlaces,
  isValidCreditCode,
  pointInPolygon,
  placeGroupOf,
  PLACE_KINDS,
  type Polygon,
} from '../src/index.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes and lower case', () => {
    // Examples printed on business licences and in the standard's annex.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('computes the check character modulo 31 (0 when the remainder is 0)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91350100M000100YI')).toBeNull();
    for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      const code = '9132068412345678' + c;
      const check = creditCodeCheckChar(code)!;
      expect(creditCodeProblem(code + check)).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91350100M0001O0Y43')).toBe('charset');
    expect(creditCodeProblem('913A0100M000100Y43')).toBe('division');
  });
});

describe('place kinds', () => {
  it('has the ten small venues (十小场所)', () => {
    expect(PLACE_KINDS.filter((k) => k.group === 'small-venue')).toHaveLength(10);
    expect(placeGroupOf('compound')).toBe('compound');
    expect(placeGroupOf('nope')).toBeNull();
  });
});

describe('demo places', () => {
  const grid: Polygon = { type: 'Polygon', coordinates: [[[121.1, 31.9], [121.11, 31.9], [121.11, 31.91], [121.1, 31.91], [121.1, 31.9]]] };
  const grids = [
    { code: '320614103001001', name: '第一网格', geometry: grid },
    { code: '320614103001002', name: '第二网格', geometry: grid },
  ];

  it('is deterministic, inside its grid, with valid codes', () => {
    const a = generateCommunityPlaces('320614103001', '状元街社区', grids);
    const b = generateCommunityPlaces('320614103001', '状元街社区', grids);
    expect(a).toEqual(b);
    expect(a.places.length).toBeGreaterThan(6);
    for (const p of a.places) expect(pointInPolygon(p.point, grid)).toBe(true);
    for (const o of a.orgs) if (o.creditCode) expect(isValidCreditCode(o.creditCode)).toBe(true);
    const compounds = a.places.filter((p) => p.kind === 'compound');
    for (const c of compounds) if (c.propertyOrgKey) expect(a.orgs.some((o) => o.key === c.propertyOrgKey && o.kind === 'property-company')).toBe(true);
    expect(a.orgs.some((o) => o.whitelisted)).toBe(true);
  });
});
