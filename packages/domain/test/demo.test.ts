import { describe, expect, it } from 'vitest';
import { levelOfCode, villageKindOf } from '../src/codes.ts';
import { DomainError } from '../src/errors.ts';
import { bboxOf, pointInPolygon, polygonArea, type Polygon, type Position } from '../src/geo.ts';
import {
  DEMO_REFERENCE_DATE,
  generateGridPopulation,
  generateGrids,
  layoutDistrict,
  planVillage,
  type AreaSeed,
  type GridPopulation,
  type ResidentSeed,
} from '../src/index.ts';
import { isValidIdNumber, isValidMobile } from '../src/mask.ts';
import { SPECIAL_GROUPS } from '../src/registry.ts';
import { HAIMEN_CODE, HAIMEN_NAME, HAIMEN_TOWNS, HAIMEN_VILLAGES } from './fixtures/haimen.ts';

const CHANGLE = '320614103';
const ZHUANGYUANJIE = '320614103001';
const YISHENG = '320614103201';

const tree = layoutDistrict(HAIMEN_CODE, HAIMEN_NAME, HAIMEN_TOWNS, HAIMEN_VILLAGES);
const byCode = new Map(tree.map((a) => [a.code, a]));
const towns = tree.filter((a) => a.level === 'town');
const villages = tree.filter((a) => a.level === 'village');
const gridsByVillage = new Map(villages.map((v) => [v.code, generateGrids(v)]));
const grids = [...gridsByVillage.values()].flat();

// The whole fixture's population (~60 villages, ~200 grids), generated grid by grid.
const population = new Map<string, GridPopulation>();
for (const g of grids) {
  const village = byCode.get(g.parentCode!)!;
  population.set(g.code, generateGridPopulation(g, village.name, byCode.get(village.parentCode!)!.name));
}
const allHouseholds = [...population.values()].flatMap((p) => p.households);
const allResidents = [...population.values()].flatMap((p) => p.residents);
const members = new Map<string, ResidentSeed[]>();
for (const r of allResidents) {
  const list = members.get(r.householdKey);
  if (list) list.push(r);
  else members.set(r.householdKey, [r]);
}
const isUrbanGrid = (code: string) => villageKindOf(code) !== 'village';

/** Deterministic sampler for the coverage checks. */
function sampler(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** Children tile the parent: equal total area, and every sampled point lies in exactly one child. */
function expectTiling(parent: Polygon, children: Polygon[], samples = 2000) {
  const parentArea = polygonArea(parent);
  const sum = children.reduce((s, c) => s + polygonArea(c), 0);
  expect(Math.abs(sum - parentArea) / parentArea).toBeLessThan(1e-9);
  const [x0, y0, x1, y1] = bboxOf(parent);
  const rand = sampler(Math.round(parentArea * 1e9) % 2147483646 || 1);
  let inside = 0;
  for (let k = 0; k < samples; k++) {
    const p: Position = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
    const hits = children.filter((c) => pointInPolygon(p, c)).length;
    if (pointInPolygon(p, parent)) {
      inside++;
      expect(hits).toBe(1);
    } else {
      expect(hits).toBe(0);
    }
  }
  expect(inside).toBeGreaterThan(samples / 5);
  // The children's own vertices (shared boundaries) also land in at most one child, and
  // vertices inside the parent in exactly one.
  for (const c of children) {
    for (const v of c.coordinates[0]!) {
      const hits = children.filter((o) => pointInPolygon(v, o)).length;
      expect(hits).toBe(pointInPolygon(v, parent) ? 1 : 0);
    }
  }
}

const ageOn = (birthDate: string, ref = DEMO_REFERENCE_DATE) => {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = ref.split('-').map(Number) as [number, number, number];
  return ry - y - (m > rm || (m === rm && d > rd) ? 1 : 0);
};

describe('layoutDistrict', () => {
  it('returns the district, its towns and villages with codes of the right widths', () => {
    expect(tree[0]).toMatchObject({ code: HAIMEN_CODE, name: HAIMEN_NAME, level: 'district', parentCode: null });
    expect(towns).toHaveLength(HAIMEN_TOWNS.length);
    expect(villages).toHaveLength(HAIMEN_VILLAGES.length);
    for (const a of tree) {
      expect(levelOfCode(a.code)).toBe(a.level);
      expect(a.geometry?.type).toBe('Polygon');
      if (a.parentCode) {
        expect(a.code.startsWith(a.parentCode)).toBe(true);
        expect(levelOfCode(a.parentCode)).toBe(byCode.get(a.parentCode)?.level);
      }
    }
    expect(byCode.get(CHANGLE)?.name).toBe('常乐镇');
    expect(byCode.get(ZHUANGYUANJIE)?.name).toBe('状元街居委会');
    // Villages carry their ordinal within the district (code order).
    expect(villages.map((v) => v.sort)).toEqual(villages.map((_, k) => k + 1));
  });

  it('closes every ring, counter-clockwise', () => {
    for (const a of [...tree, ...grids]) {
      const ring = a.geometry!.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let twice = 0;
      for (let k = 0; k < ring.length - 1; k++) {
        twice += (ring[k]![0] - ring[0]![0]) * (ring[k + 1]![1] - ring[0]![1]) - (ring[k + 1]![0] - ring[0]![0]) * (ring[k]![1] - ring[0]![1]);
      }
      expect(twice).toBeGreaterThan(0);
    }
  });

  it('stays inside Haimen’s extent', () => {
    const [x0, y0, x1, y1] = bboxOf(tree[0]!.geometry!);
    expect(x0).toBeGreaterThanOrEqual(120.98);
    expect(y0).toBeGreaterThanOrEqual(31.72);
    expect(x1).toBeLessThanOrEqual(121.62);
    expect(y1).toBeLessThanOrEqual(32.05);
  });

  it('tiles the district with towns', () => {
    expectTiling(
      tree[0]!.geometry!,
      towns.map((t) => t.geometry!),
      3000,
    );
  });

  it('tiles every town with its villages', () => {
    for (const t of towns) {
      expectTiling(
        t.geometry!,
        villages.filter((v) => v.parentCode === t.code).map((v) => v.geometry!),
        1000,
      );
    }
  });

  it('is deterministic and independent of input order', () => {
    const again = layoutDistrict(HAIMEN_CODE, HAIMEN_NAME, [...HAIMEN_TOWNS].reverse(), [...HAIMEN_VILLAGES].reverse());
    expect(again).toEqual(tree);
  });

  it('rejects villages of unknown towns', () => {
    expect(() => layoutDistrict(HAIMEN_CODE, HAIMEN_NAME, HAIMEN_TOWNS.slice(1), HAIMEN_VILLAGES)).toThrow(DomainError);
  });
});

describe('generateGrids', () => {
  it('gives every village 2–8 grids (communities 3–8) of 300–500 households', () => {
    for (const v of villages) {
      const gs = gridsByVillage.get(v.code)!;
      const urban = villageKindOf(v.code) !== 'village';
      expect(gs.length).toBeGreaterThanOrEqual(urban ? 3 : 2);
      expect(gs.length).toBeLessThanOrEqual(8);
      gs.forEach((g, k) => {
        expect(g).toMatchObject({ level: 'grid', parentCode: v.code, code: `${v.code}${String(k + 1).padStart(3, '0')}` });
        expect(levelOfCode(g.code)).toBe('grid');
        expect(g.households).toBeGreaterThanOrEqual(300);
        expect(g.households).toBeLessThanOrEqual(500);
        expect(g.sort).toBe(v.sort * 100 + k + 1);
      });
      if (urban) {
        const commercial = gs.filter((g) => g.gridType === 'commercial');
        const residential = gs.filter((g) => g.gridType === 'residential');
        expect(commercial.length).toBeGreaterThanOrEqual(1);
        expect(commercial.length).toBeLessThanOrEqual(Math.ceil(residential.length / 4) + 1);
        expect(residential.map((g) => g.name)).toEqual(residential.map((_, k) => `第${'一二三四五六七八'[k]}网格`));
        for (const g of commercial) expect(g.name).toMatch(/^商业.?网格$/);
      } else {
        // '第一网格（1—3组）', '第二网格（4—5组）' …: 2–4 consecutive villagers' groups each.
        let next = 1;
        gs.forEach((g, k) => {
          const m = /^第(.)网格（(\d+)—(\d+)组）$/.exec(g.name);
          expect(m, g.name).not.toBeNull();
          expect(m![1]).toBe('一二三四五六七八'[k]);
          expect(Number(m![2])).toBe(next);
          const groups = Number(m![3]) - Number(m![2]) + 1;
          expect(groups).toBeGreaterThanOrEqual(2);
          expect(groups).toBeLessThanOrEqual(4);
          next = Number(m![3]) + 1;
          expect(g.gridType).toBe('residential');
        });
      }
    }
  });

  it('averages about 3 grids per village', () => {
    const changle = villages.filter((v) => v.parentCode === CHANGLE);
    expect(changle).toHaveLength(25);
    const count = changle.reduce((s, v) => s + gridsByVillage.get(v.code)!.length, 0);
    expect(count).toBeGreaterThanOrEqual(65);
    expect(count).toBeLessThanOrEqual(100);
  });

  it('tiles every village with its grids', () => {
    for (const v of villages) {
      expectTiling(
        v.geometry!,
        gridsByVillage.get(v.code)!.map((g) => g.geometry!),
        v.code === ZHUANGYUANJIE || v.code === YISHENG ? 2000 : 300,
      );
    }
  });

  it('is deterministic', () => {
    for (const code of [ZHUANGYUANJIE, YISHENG]) {
      expect(generateGrids(byCode.get(code)!)).toEqual(gridsByVillage.get(code));
      expect(generateGrids(structuredClone(byCode.get(code)!))).toEqual(gridsByVillage.get(code));
    }
  });

  it('agrees with the village plan', () => {
    const plan = planVillage(YISHENG);
    expect(gridsByVillage.get(YISHENG)!.map((g) => [g.code, g.households])).toEqual(plan.grids.map((g) => [g.code, g.households]));
  });

  it('rejects areas that are not villages', () => {
    expect(() => generateGrids(byCode.get(CHANGLE)!)).toThrow(DomainError);
    expect(() => generateGrids({ ...byCode.get(YISHENG)!, geometry: undefined })).toThrow(DomainError);
  });
});

describe('generateGridPopulation', () => {
  it('creates exactly the planned households, each in one unit of one building of the grid', () => {
    const problems: string[] = [];
    const keys = new Set<string>();
    for (const g of grids) {
      const pop = population.get(g.code)!;
      if (pop.households.length !== g.households) problems.push(`${g.code}: ${pop.households.length} ≠ ${g.households}`);
      const areas = new Map(pop.areas.map((a) => [a.code, a]));
      if (areas.size !== pop.areas.length) problems.push(`${g.code}: duplicate area codes`);
      for (const a of pop.areas) {
        const parentLevel = a.parentCode === g.code ? 'grid' : areas.get(a.parentCode!)?.level;
        const ok =
          levelOfCode(a.code) === a.level &&
          a.code.startsWith(a.parentCode!) &&
          a.geometry === undefined &&
          (a.level === 'building' ? parentLevel === 'grid' : a.level === 'unit' && parentLevel === 'building');
        if (!ok) problems.push(`area ${a.code}`);
      }
      const buildings = pop.areas.filter((a) => a.level === 'building');
      if (buildings.length === 0) problems.push(`${g.code}: no buildings`);
      for (const b of buildings) if (!pop.areas.some((a) => a.parentCode === b.code)) problems.push(`${b.code}: no unit`);
      for (const h of pop.households) {
        if (areas.get(h.unitCode)?.level !== 'unit') problems.push(`${h.key}: not in a unit of ${g.code}`);
        if (h.key !== `${h.unitCode}-${h.doorplate}` || keys.has(h.key)) problems.push(`${h.key}: bad or duplicate key`);
        keys.add(h.key);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts every household in exactly one grid, and every resident in one household', () => {
    const gridOf = new Map<string, string>();
    for (const [code, pop] of population) for (const h of pop.households) gridOf.set(h.key, code);
    expect(gridOf.size).toBe(allHouseholds.length);
    const problems: string[] = [];
    for (const h of allHouseholds) {
      const ms = members.get(h.key) ?? [];
      if (h.unitCode.slice(0, 15) !== gridOf.get(h.key)) problems.push(`${h.key}: grid`);
      if (ms.length !== h.size || h.size < 1 || h.size > 5) problems.push(`${h.key}: size ${h.size}, ${ms.length} members`);
      if (ms.filter((m) => m.relation === 'head').length !== 1) problems.push(`${h.key}: heads`);
      if (!['red', 'orange', 'yellow', 'blue'].includes(h.riskColour)) problems.push(`${h.key}: colour`);
    }
    expect(problems).toEqual([]);
    expect(members.size).toBe(allHouseholds.length);
    expect(allResidents.length).toBe(allHouseholds.reduce((s, h) => s + h.size, 0));
  });

  it('writes Chinese addresses and doorplates', () => {
    const urban = population.get(`${ZHUANGYUANJIE}001`)!.households;
    for (const h of urban) {
      expect(h.doorplate).toMatch(/^[1-6]0[12]室$/);
      expect(h.address).toMatch(/^常乐镇状元街社区\d+幢[1-3]单元[1-6]0[12]室$/);
      expect(h.address.endsWith(h.doorplate)).toBe(true);
    }
    const rural = population.get(`${YISHENG}001`)!;
    for (const h of rural.households) {
      expect(h.doorplate).toMatch(/^\d+号$/);
      expect(h.address).toMatch(/^常乐镇颐生村\d+组\d+号$/);
    }
    expect(rural.areas.filter((a) => a.level === 'building').map((b) => b.name)[0]).toBe('1组');
    expect(rural.areas.filter((a) => a.level === 'unit').every((u) => u.code.endsWith('01'))).toBe(true);
    // '…社区居委会' does not become '…社区社区'; farms' living quarters do not repeat the farm.
    expect(population.get('320614418001001')!.households[0]!.address).toMatch(/^三厂工业园区新东街社区\d+幢/);
    expect(population.get('320614405598001')!.households[0]!.address).toMatch(/^种羊场虚拟生活区\d+幢/);
    expect(population.get('320614414401001')!.households[0]!.address).toMatch(/^临江新区临甸港化工园区社区\d+幢/);
    // Addresses are unique within the fixture (building numbers run on across a village's grids).
    expect(new Set(allHouseholds.map((h) => h.address)).size).toBe(allHouseholds.length);
  });

  it('issues valid ID numbers, unique within the district, consistent with birth date and gender', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const r of allResidents) {
      const id = r.idNumber;
      if (!isValidIdNumber(id)) problems.push(`${id}: invalid`);
      if (ids.has(id)) problems.push(`${id}: duplicate`);
      ids.add(id);
      if (id.slice(6, 14) !== r.birthDate.replaceAll('-', '')) problems.push(`${id}: birth date ${r.birthDate}`);
      if ((Number(id[16]) % 2 === 1) !== (r.gender === 'male')) problems.push(`${id}: gender`);
      if (r.birthDate > DEMO_REFERENCE_DATE) problems.push(`${id}: born in the future`);
      if (r.residenceType === 'registered' && r.birthDate >= '2021' && !id.startsWith('320614')) problems.push(`${id}: region`);
      if (r.residenceType === 'floating' && id.startsWith('3206')) problems.push(`${id}: floating from Nantong`);
    }
    expect(problems).toEqual([]);
    const regions = new Set(allResidents.map((r) => r.idNumber.slice(0, 6)));
    expect(regions.has('320684')).toBe(true);
    expect(regions.size).toBeGreaterThan(10);
  });

  it('issues valid, unique mobile numbers, none for young children', () => {
    const problems: string[] = [];
    const phones = new Set<string>();
    for (const r of allResidents) {
      if (ageOn(r.birthDate) < 12 && r.phone !== null) problems.push(`${r.idNumber}: child with phone`);
      if (r.phone === null) continue;
      if (!isValidMobile(r.phone)) problems.push(`${r.phone}: invalid`);
      if (phones.has(r.phone)) problems.push(`${r.phone}: duplicate`);
      phones.add(r.phone);
    }
    expect(problems).toEqual([]);
    expect(phones.size / allResidents.length).toBeGreaterThan(0.7);
  });

  it('keeps ages consistent with family relations', () => {
    const problems: string[] = [];
    const year = (r: ResidentSeed) => Number(r.birthDate.slice(0, 4));
    for (const [key, ms] of members) {
      const head = ms.find((m) => m.relation === 'head')!;
      const spouse = ms.find((m) => m.relation === 'spouse');
      if (spouse && spouse.gender === head.gender) problems.push(`${key}: spouses`);
      for (const m of ms) {
        const gaps =
          m.relation === 'child'
            ? [head, spouse].filter((p) => p !== undefined).map((p) => year(m) - year(p!))
            : m.relation === 'parent'
              ? [year(head) - year(m)]
              : [];
        if (gaps.some((d) => d < 20 || d > 45)) problems.push(`${key}: ${m.relation} gap ${gaps.join('/')}`);
        if (m.relation === 'grandchild' && year(m) - year(head) < 40) problems.push(`${key}: grandchild`);
        if ((m.relation === 'head' || m.relation === 'spouse') && ageOn(m.birthDate) < 18) problems.push(`${key}: young ${m.relation}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has realistic household sizes, ages and special groups', () => {
    const n = allResidents.length;
    expect(n).toBeGreaterThan(100_000);
    const share = (pred: (r: ResidentSeed) => boolean) => allResidents.filter(pred).length / n;
    const tagShare = (tag: string) => share((r) => r.tags.includes(tag));
    const meanSize = n / allHouseholds.length;
    expect(meanSize).toBeGreaterThan(2.4);
    expect(meanSize).toBeLessThan(2.8);
    expect(share((r) => ageOn(r.birthDate) >= 60)).toBeGreaterThan(0.24);
    expect(share((r) => ageOn(r.birthDate) >= 60)).toBeLessThan(0.32);
    const ranges: Record<string, [number, number]> = {
      disabled: [0.035, 0.065],
      subsistence: [0.008, 0.025],
      'left-behind-child': [0.005, 0.018],
      veteran: [0.013, 0.028],
      'released-prisoner': [0.0007, 0.0025],
      'community-correction': [0.0001, 0.0012],
      'drug-user': [0.0001, 0.0012],
      'key-person': [0.0004, 0.002],
      'living-alone-elderly': [0.02, 0.08],
      'empty-nest-elderly': [0.06, 0.2],
    };
    for (const [tag, [lo, hi]] of Object.entries(ranges)) {
      const s = tagShare(tag);
      expect(s, tag).toBeGreaterThanOrEqual(lo);
      expect(s, tag).toBeLessThanOrEqual(hi);
    }
    const codes = new Set<string>(SPECIAL_GROUPS.map((g) => g.code));
    expect(allResidents.flatMap((r) => r.tags).filter((t) => !codes.has(t))).toEqual([]);
    const veterans = allResidents.filter((r) => r.tags.includes('veteran'));
    expect(veterans.filter((r) => r.gender === 'male').length / veterans.length).toBeGreaterThan(0.85);
    const adults = allResidents.filter((r) => ageOn(r.birthDate) >= 18);
    const party = adults.filter((r) => r.partyMember).length / adults.length;
    expect(party).toBeGreaterThan(0.05);
    expect(party).toBeLessThan(0.09);
    const floating = (urban: boolean) => {
      const rs = allResidents.filter((r) => isUrbanGrid(r.householdKey) === urban);
      return rs.filter((r) => r.residenceType === 'floating').length / rs.length;
    };
    expect(floating(true)).toBeGreaterThan(0.05);
    expect(floating(true)).toBeLessThan(0.12);
    expect(floating(false)).toBeGreaterThan(0.015);
    expect(floating(false)).toBeLessThan(0.05);
    expect(share((r) => r.ethnicity === '汉族')).toBeGreaterThan(0.98);
    const surnames = new Map<string, number>();
    for (const r of allResidents) surnames.set(r.name[0]!, (surnames.get(r.name[0]!) ?? 0) + 1);
    const top = [...surnames].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([s]) => s);
    expect(top).toEqual(expect.arrayContaining(['陆', '施', '黄', '张', '王', '陈']));
    expect(allResidents.filter((r) => Array.from(r.name).length < 2)).toEqual([]);
  });

  it('tags living-alone and empty-nest elderly by household', () => {
    const problems: string[] = [];
    for (const [key, ms] of members) {
      const elderlyOnly = ms.every((m) => ageOn(m.birthDate) >= 60);
      if (ms.length === 1 && elderlyOnly && !ms[0]!.tags.includes('living-alone-elderly')) problems.push(`${key}: alone`);
      if (ms.length >= 2 && elderlyOnly && !ms.every((m) => m.tags.includes('empty-nest-elderly'))) problems.push(`${key}: empty nest`);
      for (const m of ms) {
        if (m.tags.includes('living-alone-elderly') && !(ms.length === 1 && elderlyOnly)) problems.push(`${key}: not alone`);
        if (m.tags.includes('empty-nest-elderly') && !(ms.length >= 2 && elderlyOnly)) problems.push(`${key}: not empty nest`);
        if (m.tags.includes('left-behind-child') && (m.relation !== 'grandchild' || ageOn(m.birthDate) >= 16)) problems.push(`${key}: left-behind`);
        if (m.partyMember && ageOn(m.birthDate) < 18) problems.push(`${key}: young party member`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is deterministic and does not depend on generation order', () => {
    const [a, b] = [`${YISHENG}002`, `${ZHUANGYUANJIE}003`].map((code) => grids.find((g) => g.code === code)!);
    const second = generateGridPopulation(b!, '状元街居委会', '常乐镇');
    const first = generateGridPopulation(a!, '颐生村村委会', '常乐镇');
    expect(first).toEqual(population.get(a!.code));
    expect(second).toEqual(population.get(b!.code));
  });

  it('works from a grid as the server stores it (no geometry)', () => {
    const g = grids.find((x) => x.code === `${ZHUANGYUANJIE}001`)!;
    const stored: AreaSeed = { code: g.code, name: g.name, level: 'grid', parentCode: g.parentCode, sort: g.sort, gridType: g.gridType, households: g.households };
    expect(generateGridPopulation(stored, '状元街居委会', '常乐镇')).toEqual(population.get(g.code));
  });

  it('rejects codes that are not grid codes', () => {
    expect(() => generateGridPopulation(byCode.get(YISHENG)!, '颐生村村委会', '常乐镇')).toThrow(DomainError);
  });
});
