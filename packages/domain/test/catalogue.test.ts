import { describe, expect, it } from 'vitest';
import type { DeadlineSpec } from '../src/calendar.ts';
import { CATALOGUE, CATALOGUE_BY_CODE, CATALOGUE_UNITS, catalogueAncestry, type CatalogueEntry } from '../src/cases/catalogue.ts';

const leaves = CATALOGUE.filter((e) => e.leaf);
const byCode = (code: string): CatalogueEntry => {
  const e = CATALOGUE_BY_CODE.get(code);
  if (!e) throw new Error(`missing ${code}`);
  return e;
};
/** Rough comparison only: a working day is at least a calendar day. */
const approxHours = (s: DeadlineSpec) => (s.unit === 'hours' ? s.amount : s.amount * 24);

describe('catalogue seed', () => {
  it('has unique codes', () => {
    expect(new Set(CATALOGUE.map((e) => e.code)).size).toBe(CATALOGUE.length);
    expect(CATALOGUE_BY_CODE.size).toBe(CATALOGUE.length);
  });

  it('every parent exists, is a category, and prefixes its children', () => {
    for (const e of CATALOGUE) {
      if (e.parentCode === null) continue;
      const parent = CATALOGUE_BY_CODE.get(e.parentCode);
      expect(parent, e.code).toBeDefined();
      expect(parent?.leaf, e.code).toBe(false);
      expect(e.code.startsWith(e.parentCode), e.code).toBe(true);
    }
    for (const e of CATALOGUE) {
      if (!e.leaf) expect(CATALOGUE.some((c) => c.parentCode === e.code), `${e.code} has children`).toBe(true);
      else expect(CATALOGUE.some((c) => c.parentCode === e.code), `${e.code} is a leaf`).toBe(false);
    }
  });

  it('the roots are the six event classes and the B, G, H families', () => {
    expect(CATALOGUE.filter((e) => e.parentCode === null).map((e) => e.code)).toEqual(['01', '02', '03', '04', '05', '06', 'B', 'G', 'H']);
  });

  it('has at least 80 leaf types with Chinese names', () => {
    expect(leaves.length).toBeGreaterThanOrEqual(80);
    for (const e of CATALOGUE) expect(e.name, e.code).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(new Set(leaves.map((e) => e.name)).size).toBe(leaves.length);
  });

  it('every entry has four positive deadlines, handling not shorter than acknowledging', () => {
    for (const e of CATALOGUE) {
      for (const step of ['accept', 'acknowledge', 'handle', 'verify'] as const) {
        const spec = e.deadlines[step];
        expect(['hours', 'workingDays'], `${e.code} ${step}`).toContain(spec.unit);
        expect(spec.amount, `${e.code} ${step}`).toBeGreaterThan(0);
        if (spec.unit === 'workingDays') expect(Number.isInteger(spec.amount), `${e.code} ${step}`).toBe(true);
      }
      expect(approxHours(e.deadlines.handle), e.code).toBeGreaterThanOrEqual(approxHours(e.deadlines.acknowledge));
    }
  });

  it('default units come from the known list', () => {
    const known = Object.keys(CATALOGUE_UNITS);
    expect(known).toHaveLength(20);
    for (const e of CATALOGUE) if (e.defaultUnitCode) expect(known, e.code).toContain(e.defaultUnitCode);
    // Nearly every leaf has a default unit to dispatch to.
    expect(leaves.filter((e) => !e.defaultUnitCode).length).toBeLessThanOrEqual(leaves.length / 10);
  });

  it('leaves carry keywords', () => {
    for (const e of leaves) expect(e.keywords?.length ?? 0, e.code).toBeGreaterThan(0);
  });

  it('urgent types go to the district and are counted in hours', () => {
    const urgent = leaves.filter((e) => e.urgent);
    expect(urgent.map((e) => e.code)).toEqual(expect.arrayContaining(['0501', '0502', '0503']));
    for (const e of urgent) {
      expect(e.handlingLevel, e.code).toBe('district');
      expect(e.deadlines.acknowledge.unit, e.code).toBe('hours');
      expect(e.deadlines.handle.unit, e.code).toBe('hours');
      expect(e.deadlines.handle.amount, e.code).toBeLessThanOrEqual(24);
    }
    // A blocked drain is not 急难险重 even though it sits among the sudden events.
    expect(byCode('0504').urgent).toBeUndefined();
    expect(byCode('0504').handlingLevel).toBe('town');
  });

  it('hotline limits: consultation 2, help and suggestion 10, complaint and report 15 working days', () => {
    const handle = (code: string) => byCode(code).deadlines.handle;
    expect(handle('H01')).toEqual({ unit: 'workingDays', amount: 2 });
    expect(handle('H02')).toEqual({ unit: 'workingDays', amount: 10 });
    expect(handle('H03')).toEqual({ unit: 'workingDays', amount: 15 });
    expect(handle('H04')).toEqual({ unit: 'workingDays', amount: 15 });
    expect(handle('H05')).toEqual({ unit: 'workingDays', amount: 10 });
  });

  it('has the standard names at the standard codes', () => {
    expect(byCode('0101').name).toBe('私搭乱建');
    expect(byCode('0102').name).toBe('暴露垃圾');
    expect(byCode('0404').name).toBe('机动车乱停放');
    expect(byCode('B0110')).toMatchObject({ name: '路灯', parentCode: 'B01', defaultUnitCode: 'dept-cg', verifyOnSite: true });
    expect(byCode('G0303')).toMatchObject({ name: '电动车违规充电', handlingLevel: 'village', defaultUnitCode: 'dept-xf' });
    expect(byCode('G0801').deadlines.acknowledge).toEqual({ unit: 'hours', amount: 0.5 }); // 5321
  });

  it('catalogueAncestry walks up to the root', () => {
    expect(catalogueAncestry('G0101').map((e) => e.code)).toEqual(['G', 'G01', 'G0101']);
    expect(catalogueAncestry('0101').map((e) => e.code)).toEqual(['01', '0101']);
    expect(catalogueAncestry('nope')).toEqual([]);
  });
});
