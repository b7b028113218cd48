import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_THRESHOLD,
  duplicateBreakdown,
  duplicateScore,
  findDuplicates,
  haversineMetres,
  textSimilarity,
  type CaseLike,
} from '../src/cases/similarity.ts';

const GRID = '320614001001001';
const at = (iso: string) => new Date(`${iso}+08:00`);

/** Street lamp out at 人民中路/解放路, reported from a phone at 20:10. */
const lampA: CaseLike = {
  categoryCode: 'B0110',
  title: '人民中路路灯不亮',
  description: '人民中路与解放路交叉口东侧的路灯连续三天晚上不亮，行人走路不安全。',
  lat: 31.8712,
  lng: 121.1755,
  areaCode: GRID,
  reportedAt: at('2026-03-02T20:10:00'),
};

/** The same lamp the next morning, as a 12345 order in the hotline's own words, ~28 m away. */
const lampB: CaseLike = {
  categoryCode: 'B0110',
  title: '解放路口路灯坏了',
  description: '市民来电反映：人民中路解放路口东边一盏路灯晚上不亮已经好几天了，希望尽快维修。',
  lat: 31.8714,
  lng: 121.1757,
  areaCode: GRID,
  reportedAt: at('2026-03-03T09:00:00'),
};

/** Same corner, different problem. */
const rubbish: CaseLike = {
  categoryCode: '0102',
  title: '人民中路解放路口垃圾乱堆',
  description: '路口东侧人行道上有人乱扔生活垃圾，晚上气味很大，行人走路不方便。',
  lat: 31.8713,
  lng: 121.1756,
  areaCode: GRID,
  reportedAt: at('2026-03-02T21:00:00'),
};

/** Another lamp out, on a street 2 km to the north. */
const farLamp: CaseLike = {
  categoryCode: 'B0110',
  title: '长江路路灯不亮',
  description: '长江路中段一盏路灯晚上不亮，走路不安全。',
  lat: 31.8892,
  lng: 121.1755,
  areaCode: '320614001002001',
  reportedAt: at('2026-03-02T22:00:00'),
};

describe('haversineMetres', () => {
  it('matches known distances', () => {
    expect(haversineMetres({ lat: 31.8712, lng: 121.1755 }, { lat: 31.8712, lng: 121.1755 })).toBe(0);
    // 0.018° of latitude ≈ 2 km.
    expect(haversineMetres({ lat: 31.8712, lng: 121.1755 }, { lat: 31.8892, lng: 121.1755 })).toBeCloseTo(2001.5, 0);
    // Tiananmen → People's Square, Shanghai: about 1068 km.
    const d = haversineMetres({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
  });
});

describe('textSimilarity', () => {
  it('ignores punctuation, whitespace and full-width forms', () => {
    expect(textSimilarity('路灯不亮！', '路灯 不亮')).toBe(1);
    expect(textSimilarity('３号楼，电梯坏了', '3号楼电梯坏了')).toBe(1);
  });

  it('is high for shared wording and low for unrelated texts', () => {
    expect(textSimilarity('小区门口路灯不亮', '小区门口的路灯晚上不亮')).toBeGreaterThan(0.5);
    expect(textSimilarity('小区门口路灯不亮', '楼上邻居装修噪音太大')).toBe(0);
    expect(textSimilarity('', '路灯不亮')).toBe(0);
  });

  it('does not count hotline boilerplate as shared content', () => {
    expect(textSimilarity('市民来电反映：路灯不亮，希望尽快处理', '市民来电反映：邻居占用楼道，希望尽快处理')).toBe(0);
  });
});

describe('duplicateScore', () => {
  it('two reports of the same dark street lamp → high', () => {
    const score = duplicateScore(lampA, lampB);
    expect(score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(score).toBeLessThanOrEqual(1);
    expect(duplicateScore(lampB, lampA)).toBeCloseTo(score, 12);
    const why = duplicateBreakdown(lampA, lampB);
    expect(why.category).toBe(1);
    expect(why.place).toBe(1);
    expect(why.text).toBeGreaterThan(0.2);
  });

  it('same corner, different category → low', () => {
    expect(duplicateScore(lampA, rubbish)).toBeLessThan(0.3);
  });

  it('same category 2 km apart → below the threshold', () => {
    const score = duplicateScore(lampA, farLamp);
    expect(duplicateBreakdown(lampA, farLamp).place).toBe(0);
    expect(score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(score).toBeLessThan(duplicateScore(lampA, lampB));
  });

  it('fades with distance between 50 m and 500 m and with time over 7 days', () => {
    const moved = (dLat: number): CaseLike => ({ ...lampB, lat: lampA.lat! + dLat, lng: lampA.lng });
    const near = duplicateBreakdown(lampA, moved(0.0004)).place; // ~44 m
    const mid = duplicateBreakdown(lampA, moved(0.0025)).place; // ~278 m
    const far = duplicateBreakdown(lampA, moved(0.005)).place; // ~556 m
    expect(near).toBe(1);
    expect(mid).toBeGreaterThan(0.4);
    expect(mid).toBeLessThan(0.6);
    expect(far).toBe(0);
    const later = (days: number) => duplicateBreakdown(lampA, { ...lampB, reportedAt: new Date(lampA.reportedAt.getTime() + days * 86_400_000) }).time;
    expect(later(0)).toBe(1);
    expect(later(3.5)).toBeCloseTo(0.5, 6);
    expect(later(-10)).toBe(0);
  });

  it('a sibling category is capped but can still be suggested', () => {
    const sibling = { ...lampB, categoryCode: 'B0108' }; // 配电设施, same parent B01
    expect(duplicateBreakdown(lampA, sibling).category).toBe(0.7);
    expect(duplicateScore(lampA, sibling)).toBeLessThan(duplicateScore(lampA, lampB));
  });

  it('without points falls back to the shared area code', () => {
    const building = `${GRID}003`;
    const a: CaseLike = { ...lampA, lat: null, lng: null, areaCode: building };
    expect(duplicateBreakdown(a, { ...lampB, lat: undefined, lng: undefined, areaCode: building }).place).toBe(0.8);
    expect(duplicateBreakdown(a, { ...lampB, lat: null, areaCode: `${GRID}004` }).place).toBe(0.5); // same grid
    expect(duplicateBreakdown(a, { ...lampB, lat: null, areaCode: '320614001001002' }).place).toBe(0.25); // same village
    expect(duplicateBreakdown(a, { ...lampB, lat: null, areaCode: '320614001002001' }).place).toBe(0); // same town only
    // The same building, same type, within a day: still a duplicate hint.
    expect(duplicateScore(a, { ...lampB, lat: null, lng: null, areaCode: building })).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });
});

describe('findDuplicates', () => {
  it('returns likely duplicates best first, skipping the candidate itself', () => {
    const lampC: CaseLike = { ...lampB, title: '路灯不亮', description: '人民中路解放路口路灯不亮', reportedAt: at('2026-03-02T20:30:00') };
    const others = [farLamp, rubbish, lampA, lampB, lampC];
    const hits = findDuplicates(lampA, others);
    expect(hits.map((h) => h.item)).toEqual([lampC, lampB].sort((x, y) => duplicateScore(lampA, y) - duplicateScore(lampA, x)));
    expect(hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score)).toBe(true);
    expect(findDuplicates(lampA, others, 1)).toHaveLength(1);
    expect(findDuplicates(lampA, others, 5, 0).map((h) => h.item)).toHaveLength(4);
    expect(findDuplicates(lampA, [])).toEqual([]);
  });
});
